package org.insyn.web.tests;

import static org.insyn.testing.OsgiServices.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.insyn.core.InsynException;
import org.insyn.core.Rule;
import org.insyn.core.model.AuditAction;
import org.insyn.core.model.AuditEntry;
import org.insyn.core.model.BuiltQuery;
import org.insyn.core.model.CaseFile;
import org.insyn.core.model.Hit;
import org.insyn.core.model.Justification;
import org.insyn.core.model.NetworkRequest;
import org.insyn.core.model.NoticeChannel;
import org.insyn.core.model.QueryRequest;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.Relevance;
import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Role;
import org.insyn.core.model.SearchMode;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;
import org.insyn.core.service.SearchService;
import org.insyn.core.service.Session;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.core.service.WorkspaceProvider;
import org.insyn.web.fixture.FixtureServer;
import org.insyn.web.internal.FanOut;
import org.insyn.web.internal.PrivateHttp;
import org.insyn.web.internal.QueryBuilder;
import org.insyn.web.internal.SearchServiceImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/** The search with the real store (encrypted H2 file): policy and audit first, hits and requests stored. */
class SearchWithStoreTest {
    private static final String WHY = "Uppgifter i ansökan om ekonomiskt bistånd verkar inte stämma med vad klienten berättat.";

    @TempDir
    static Path dir;
    /** Opening a workspace derives its keys on purpose slowly (R9): one for the class, a case per test. */
    private static Workspace ws;
    private static Workspace fiaWs;
    private static Session ida;
    private static Session fia;
    private FixtureServer web;
    private SearchService search;

    @BeforeAll
    static void open() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(SearchServiceImpl.class).getBundleContext();
        // the store offers its WorkspaceProvider once its bundle is started, as the product starts it
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName().equals("org.insyn.store")) {
                b.start(Bundle.START_TRANSIENT);
            }
        }
        WorkspaceProvider provider = service(WorkspaceProvider.class);
        WorkspaceConfig config = WorkspaceConfig.embedded(dir);
        char[] password = "ett långt lösenord för testet".toCharArray();
        try (Workspace admin = provider.create(config, new User("admin", "Admin", Set.of(Role.ADMINISTRATOR), Set.of(), true),
                password)) {
            admin.saveUnit(new Unit("north", "IFO Nord", ReviewPolicy.AFTER));
            admin.saveUnit(new Unit("south", "IFO Syd", ReviewPolicy.BEFORE));
            admin.accounts().create(new User("ida", "Ida", Set.of(Role.INVESTIGATOR), Set.of("north", "south"), true), password);
            admin.accounts().create(new User("fia", "Fia", Set.of(Role.FIELD_WORKER), Set.of("north"), true), password);
        }
        ws = provider.signIn(config, "ida", password);
        fiaWs = provider.signIn(config, "fia", password);
        ida = ws.session();
        fia = fiaWs.session();
    }

    @BeforeEach
    void start() throws Exception {
        web = FixtureServer.start();
        PrivateHttp http = Fixtures.http();
        search = new SearchServiceImpl(List.of(Fixtures.demo("sokfinn", web, http), Fixtures.demo("webbsok", web, http),
                Fixtures.demo("snackis", web, http), Fixtures.demo("torget", web, http)), new QueryBuilder(), new FanOut());
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @AfterAll
    static void close() {
        ws.close();
        fiaWs.close();
    }

    private Justification clientJustification(String unit, boolean told) {
        CaseFile c = ida.openCase(unit, "Ekonomiskt bistånd");
        ida.saveSubject(c.id(), "Berit Beritsson", List.of(), Optional.of("Stockholm"), Optional.empty());
        if (told) {
            ida.recordTransparencyNote(c.id(), LocalDate.now(), NoticeChannel.IN_PERSON, "Ida");
        }
        return ida.justify(Optional.of(c.id()), unit, ReasonCategory.INCORRECT_INFORMATION, WHY, SearchMode.CLIENT);
    }

    private SearchService.Outcome run(Session s, Justification j, BuiltQuery q, List<String> sources) {
        return search.search(s, ws.networkLog(), j.id(), q, sources, new SearchService.Listener() {
        });
    }

    private final BuiltQuery berit = new QueryBuilder().build(QueryRequest.client("Berit Beritsson", Optional.of("Stockholm"),
            Optional.empty()));

    @Test
    void R4_aSearchWithoutTransparencyNoteIsRefusedAndSendsNoRequest() {
        Justification j = clientJustification("north", false);
        int logged = ws.networkLog().recent(10_000).size();

        InsynException e = assertThrows(InsynException.class, () -> run(ida, j, berit, List.of("demo-sokfinn", "demo-webbsok")));

        assertEquals(Optional.of(Rule.R4), e.rule());
        assertEquals(List.of(), web.requests(), "not one request reached the server");
        assertEquals(logged, ws.networkLog().recent(10_000).size());
        assertTrue(ws.audit().entries(j.caseId(), 0, 100).stream().anyMatch(a -> a.action() == AuditAction.SEARCH_REFUSED));
    }

    @Test
    void R2_aSearchAwaitingReviewIsRefusedAndSendsNoRequest() {
        Justification j = clientJustification("south", true);

        InsynException e = assertThrows(InsynException.class, () -> run(ida, j, berit, List.of("demo-sokfinn")));

        assertEquals(Optional.of(Rule.R2), e.rule());
        assertEquals(List.of(), web.requests());
    }

    @Test
    void R1_R15_anAllowedSearchIsAuditedFirstStoresUnreviewedHitsOncePerUrlAndLogsEveryRequest() {
        Justification j = clientJustification("north", true);

        SearchService.Outcome outcome = run(ida, j, berit, List.of("demo-sokfinn", "demo-webbsok", "demo-snackis"));

        assertEquals(4, outcome.hits().size(), "the same four pages from three sources: " + outcome.hits());
        assertTrue(outcome.hits().stream().allMatch(h -> h.relevance() == Relevance.UNREVIEWED));
        assertEquals(outcome.hits(), ida.hits(outcome.run().id()));
        assertTrue(outcome.run().finished().isPresent());
        assertEquals("\"Berit Beritsson\" \"Stockholm\"", outcome.run().query());

        List<NetworkRequest> requests = ws.networkLog().recent(10_000).stream()
                .filter(r -> r.runId().equals(Optional.of(outcome.run().id()))).toList();
        assertEquals(web.requests().size(), requests.size(), "every request that reached the server is in the log");
        assertTrue(requests.stream().allMatch(r -> r.userId().equals("ida")));
        Instant firstRequest = requests.stream().map(NetworkRequest::at).min(Instant::compareTo).orElseThrow();
        AuditEntry started = ws.audit().entries(j.caseId(), 0, 100).stream().filter(a -> a.action() == AuditAction.SEARCH_STARTED)
                .findFirst().orElseThrow();
        assertTrue(!started.at().isAfter(firstRequest), "the audit entry is written before any request");
        assertTrue(outcome.hits().stream().map(Hit::url).allMatch(u -> u.startsWith("http://127.0.0.1:")));
    }

    @Test
    void R8_anOutreachSearchByTopicAndPlaceNeedsNoTransparencyNote() {
        Justification j = fia.justify(Optional.empty(), "north", ReasonCategory.OUTREACH_CONTACT,
                "Unga i Rinkeby skriver om självskada i öppna forum; vi vill erbjuda kontakt.", SearchMode.OUTREACH);
        BuiltQuery q = search.build(QueryRequest.outreach("självskada", Optional.of("Rinkeby")));

        SearchService.Outcome outcome = search.search(fia, fiaWs.networkLog(), j.id(), q, List.of("demo-snackis", "demo-torget"),
                new SearchService.Listener() {
                });

        assertEquals(4, outcome.hits().size(), "two threads from each forum");
        assertTrue(outcome.sources().values().stream().allMatch(SearchService.SourceResult::ok));
    }
}
