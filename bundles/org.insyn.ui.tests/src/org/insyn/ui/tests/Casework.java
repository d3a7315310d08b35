package org.insyn.ui.tests;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.insyn.core.model.CaseFile;
import org.insyn.core.model.Justification;
import org.insyn.core.model.NoticeChannel;
import org.insyn.core.model.QueryRequest;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.ReviewDecision;
import org.insyn.core.model.SearchMode;
import org.insyn.core.model.User;
import org.insyn.core.service.SearchService;
import org.insyn.core.service.Session;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.testing.OsgiServices;

/**
 * Workers' casework in the fixture workspace, done through the store's and the search's own services (the demo web on
 * loopback), so that the supervisor's walk has justifications to review, searches to count and requests in the network
 * log. Each worker signs in to the fixture workspace on their own, beside the workbench in this JVM (H2 shares the open
 * database).
 */
final class Casework implements AutoCloseable {
    /**
     * Sources of the demo web (org.insyn.web.fixture) on four sites of 127.0.0.1: searches take turns, since the client
     * waits a second between two requests to one site (R15).
     */
    static final List<String> DEMO_SOURCES = List.of("demo-webbsok", "demo-bloggsok", "demo-filmtuben", "demo-torget");

    private int searches;

    private final Map<String, Workspace> signedIn = new HashMap<>();

    /** The person's own workspace, signed in with the fixture's password. */
    Workspace workspace(String userId) {
        return signedIn.computeIfAbsent(userId, id -> Fixture.store().signIn(WorkspaceConfig.embedded(Fixture.workspace()), id,
                Fixture.PASSWORD.toCharArray()));
    }

    /** Adds (or changes) an account, as the fixture's administrator; a new one gets the fixture's password. */
    void account(User user) {
        Workspace admin = workspace(Fixture.ADMINISTRATOR.id());
        if (admin.users().stream().anyMatch(u -> u.id().equals(user.id()))) {
            admin.accounts().change(user);
        } else {
            admin.accounts().create(user, Fixture.PASSWORD.toCharArray());
        }
    }

    /** A client case in the unit with its transparency note recorded (R4) and a justification for searching (R1). */
    Justification clientCase(String userId, String unitId, String title, String client, ReasonCategory reason) {
        Session s = workspace(userId).session();
        CaseFile c = s.openCase(unitId, title);
        s.saveSubject(c.id(), client, List.of(), Optional.of("Stockholm"), Optional.empty());
        s.recordTransparencyNote(c.id(), LocalDate.now(), NoticeChannel.IN_PERSON, s.user().displayName());
        return s.justify(Optional.of(c.id()), unitId, reason, "Uppgifter i ärendet behöver stämmas av mot öppna källor.",
                SearchMode.CLIENT);
    }

    /** An outreach justification (R8): no case, no transparency note. */
    Justification outreach(String userId, String unitId) {
        return workspace(userId).session().justify(Optional.empty(), unitId, ReasonCategory.OUTREACH_CONTACT,
                "Unga i stadsdelen skriver om självskada i öppna forum; vi vill kunna ta kontakt.", SearchMode.OUTREACH);
    }

    /** A supervisor's approval, e.g. before a search under review=before (R2). */
    void approve(String supervisorId, Justification j) {
        workspace(supervisorId).session().review(j.id(), ReviewDecision.APPROVE, "");
    }

    /** Searches the client's name in one source of the demo web under the justification, as the Search part would. */
    SearchService.Outcome search(String userId, Justification j, String client) {
        SearchService search = OsgiServices.service(SearchService.class, Duration.ofSeconds(60));
        var query = search.build(QueryRequest.client(client, Optional.of("Stockholm"), Optional.empty()));
        String source = DEMO_SOURCES.get(searches++ % DEMO_SOURCES.size());
        return search.search(workspace(userId).session(), workspace(userId).networkLog(), j.id(), query, List.of(source),
                new SearchService.Listener() {
                });
    }

    @Override
    public void close() {
        signedIn.values().forEach(Workspace::close);
    }
}
