package org.insyn.core.report;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.insyn.core.InsynException;
import org.insyn.core.Messages;
import org.insyn.core.model.Capture;
import org.insyn.core.model.CaseFile;
import org.insyn.core.model.Justification;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.SearchMode;
import org.insyn.core.service.CaptureService;
import org.insyn.core.service.Session;
import org.insyn.core.service.Workspace;

/**
 * R11: once a year the service's own pages in social media are captured (screenshots, WARC, hashes, timestamp, R17)
 * and archived as one dated PDF/A. The captures are registered records of a case of the unit's own, so they are kept
 * and verified like any other evidence.
 */
public final class YearlyArchive {
    /** Told before each page is captured, and after with the capture or the reason it was missed. */
    public interface Progress {
        void capturing(int index, int total, URI url);

        void captured(Capture capture);

        void missed(ArchiveInput.Missed missed);
    }

    /** The case and justification the captures are made under. */
    public record Target(long caseId, long justificationId) {
    }

    private YearlyArchive() {
    }

    /**
     * The unit's archive case of the year, opened with its justification the first time (R1: archiving the service's
     * own pages is the reason; R8: no client, so no transparency note). Under review=before a supervisor approves the
     * justification before the pages can be captured (R2).
     */
    public static Target target(Session session, String unitId, int year) {
        String title = Messages.get(Messages.SWEDISH, "archive.caseTitle", String.valueOf(year));
        CaseFile archive = session.cases().stream().filter(c -> c.unitId().equals(unitId) && c.title().equals(title) && c.isOpen())
                .findFirst().orElseGet(() -> session.openCase(unitId, title));
        Justification why = session.justifications(Optional.of(archive.id())).stream().filter(j -> j.mode() == SearchMode.OUTREACH)
                .findFirst().orElseGet(() -> session.justify(Optional.of(archive.id()), unitId, ReasonCategory.OTHER,
                        Messages.get(Messages.SWEDISH, "archive.justification", String.valueOf(year)), SearchMode.OUTREACH));
        return new Target(archive.id(), why.id());
    }

    /**
     * Captures every page in turn. A page that cannot be captured (unreachable, not a page, ...) is listed as missed
     * with the reason in {@code locale}; a refusal by the policy stops the run, since it would refuse every page.
     */
    public static ArchiveInput capture(Workspace workspace, Session session, CaptureService captures, Target target, List<URI> urls, int year,
            String serviceName, Locale locale, Progress progress) {
        List<Capture> done = new ArrayList<>();
        List<ArchiveInput.Missed> missed = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            progress.capturing(i + 1, urls.size(), urls.get(i));
            try {
                Capture c = captures.capture(workspace, session,
                        new CaptureService.Request(target.caseId(), target.justificationId(), Optional.empty(), urls.get(i), RecordClass.REGISTERED));
                done.add(c);
                progress.captured(c);
            } catch (InsynException e) {
                if (e.kind() == InsynException.Kind.REFUSED) {
                    throw e;
                }
                ArchiveInput.Missed m = new ArchiveInput.Missed(urls.get(i).toString(), e.message(locale));
                missed.add(m);
                progress.missed(m);
            }
        }
        return new ArchiveInput(year, serviceName, done, missed, session.user().id(), Instant.now(), locale);
    }
}
