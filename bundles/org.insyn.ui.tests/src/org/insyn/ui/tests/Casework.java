package org.insyn.ui.tests;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
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

/**
 * Workers' casework in the fixture workspace, done through the store's and the search's own services (the demo web on
 * loopback), so that the supervisor's walk has justifications to review, searches to count and requests in the network
 * log. It opens the fixture workspace a second time in this JVM, beside the workbench (H2 shares the open database).
 */
final class Casework implements AutoCloseable {
    /**
     * Sources of the demo web (org.insyn.web.fixture) on four sites of 127.0.0.1: searches take turns, since the client
     * waits a second between two requests to one site (R15).
     */
    static final List<String> DEMO_SOURCES = List.of("demo-webbsok", "demo-bloggsok", "demo-filmtuben", "demo-torget");

    private int searches;

    private final Workspace workspace;

    Casework() {
        workspace = Fixture.store().open(WorkspaceConfig.embedded(Fixture.workspace(), Fixture.PASSPHRASE.toCharArray()));
    }

    Workspace workspace() {
        return workspace;
    }

    /** Adds (or changes) an account, as the fixture's administrator. */
    void account(User user) {
        workspace.saveUser(Fixture.ADMINISTRATOR.id(), user);
    }

    /** A client case in the unit with its transparency note recorded (R4) and a justification for searching (R1). */
    Justification clientCase(String userId, String unitId, String title, String client, ReasonCategory reason) {
        Session s = workspace.session(userId);
        CaseFile c = s.openCase(unitId, title);
        s.saveSubject(c.id(), client, List.of(), Optional.of("Stockholm"), Optional.empty());
        s.recordTransparencyNote(c.id(), LocalDate.now(), NoticeChannel.IN_PERSON, s.user().displayName());
        return s.justify(Optional.of(c.id()), unitId, reason, "Uppgifter i ärendet behöver stämmas av mot öppna källor.",
                SearchMode.CLIENT);
    }

    /** An outreach justification (R8): no case, no transparency note. */
    Justification outreach(String userId, String unitId) {
        return workspace.session(userId).justify(Optional.empty(), unitId, ReasonCategory.OUTREACH_CONTACT,
                "Unga i stadsdelen skriver om självskada i öppna forum; vi vill kunna ta kontakt.", SearchMode.OUTREACH);
    }

    /** A supervisor's approval, e.g. before a search under review=before (R2). */
    void approve(String supervisorId, Justification j) {
        workspace.session(supervisorId).review(j.id(), ReviewDecision.APPROVE, "");
    }

    /** Searches the client's name in one source of the demo web under the justification, as the Search part would. */
    SearchService.Outcome search(String userId, Justification j, String client) {
        SearchService search = Fixture.service(SearchService.class, Duration.ofSeconds(60));
        var query = search.build(QueryRequest.client(client, Optional.of("Stockholm"), Optional.empty()));
        String source = DEMO_SOURCES.get(searches++ % DEMO_SOURCES.size());
        return search.search(workspace.session(userId), workspace.networkLog(), j.id(), query, List.of(source),
                new SearchService.Listener() {
                });
    }

    @Override
    public void close() {
        workspace.close();
    }
}
