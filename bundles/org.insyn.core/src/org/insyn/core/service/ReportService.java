package org.insyn.core.service;

import java.io.OutputStream;

import org.insyn.core.report.ArchiveInput;
import org.insyn.core.report.ArtifactSource;
import org.insyn.core.report.EvidenceInput;
import org.insyn.core.report.LetterInput;
import org.insyn.core.report.ReportResult;
import org.insyn.core.report.StatisticsInput;
import org.insyn.core.report.SubjectAccessInput;

/**
 * Archival PDF/A-3b documents (R11): every page with internet material carries the discussion-material banner
 * (R5) and free text is scrubbed of personal details (R12). Offered as an OSGi service by the report bundle.
 */
public interface ReportService {

    /** R11, R17: captures with screenshots, URLs, times, hashes and timestamps; WARC and manifest embedded. */
    ReportResult evidence(EvidenceInput input, ArtifactSource artifacts, OutputStream out);

    /** R4: the one-page letter telling the client that the service may search public internet sources. */
    ReportResult letter(LetterInput input, OutputStream out);

    /** R13: suppressed statistics tables. */
    ReportResult statistics(StatisticsInput input, OutputStream out);

    /** R14: everything held about the subject, scrubbed of other people's details (R12), with the JSON embedded. */
    ReportResult subjectAccess(SubjectAccessInput input, OutputStream out);

    /** R14: the JSON that {@link #subjectAccess} embeds, scrubbed the same way, for a reader that wants it alone. */
    String subjectAccessJson(SubjectAccessInput input);

    /** R11: the yearly archive of the service's own pages. */
    ReportResult archive(ArchiveInput input, ArtifactSource artifacts, OutputStream out);
}
