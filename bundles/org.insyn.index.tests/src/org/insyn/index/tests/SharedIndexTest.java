package org.insyn.index.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.insyn.core.InsynException;
import org.insyn.core.Rule;
import org.insyn.core.model.Capture;
import org.insyn.core.model.Justification;
import org.insyn.core.model.Note;
import org.insyn.core.model.NoticeChannel;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.ReviewDecision;
import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Role;
import org.insyn.core.model.SearchMode;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;
import org.insyn.core.service.SearchIndex;
import org.insyn.core.service.SearchIndexProvider;
import org.insyn.core.service.SearchQuery;
import org.insyn.core.service.SearchResults.Found;
import org.insyn.core.service.Session;
import org.insyn.core.service.StoreEvent;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * Shared mode on the real PostgreSQL server: each person signs in from a profile folder of their own (nothing shared
 * on disk), keeps an index of their own that holds only what their login may see, and hears of the others' commits
 * through the change feed within two seconds, deletions included (R3, R9, R2).
 */
class SharedIndexTest {
    static final char[] PASSWORD = "ett-gemensamt-lösenord".toCharArray();
    static final Duration FEED = Duration.ofSeconds(2);

    @TempDir
    Path dir;
    private Shared shared;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void workspace() {
        shared = new Shared();
        Workspace admin = track(service(WorkspaceProvider.class).create(shared.profile(dir.resolve("admin")),
                new User("admin", "Admin", Set.of(Role.ADMINISTRATOR), Set.of(), true), PASSWORD));
        admin.saveUnit(new Unit("north", "IFO Nord", ReviewPolicy.BEFORE));
        admin.saveUnit(new Unit("south", "IFO Syd", ReviewPolicy.AFTER));
        admin.accounts().create(new User("anna", "Anna", Set.of(Role.INVESTIGATOR), Set.of("north"), true), PASSWORD);
        admin.accounts().create(new User("bo", "Bo", Set.of(Role.INVESTIGATOR), Set.of("south"), true), PASSWORD);
        admin.accounts().create(new User("eva", "Eva", Set.of(Role.INVESTIGATOR), Set.of("north", "south"), true), PASSWORD);
        admin.accounts().create(new User("sara", "Sara", Set.of(Role.SUPERVISOR), Set.of("north"), true), PASSWORD);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    private <T extends AutoCloseable> T track(T c) {
        open.add(c);
        return c;
    }

    private Workspace signIn(String who) {
        return track(service(WorkspaceProvider.class).signIn(shared.profile(dir.resolve(who)), who, PASSWORD));
    }

    private SearchIndex index(String who, Workspace ws) {
        return track(service(SearchIndexProvider.class).open(shared.profile(dir.resolve(who)), ws, (done, total) -> {
        }));
    }

    private static List<Long> found(SearchIndex index, String words) {
        return index.search(SearchQuery.of(words)).found().stream().map(Found::id).toList();
    }

    private static long clientCase(Session s, String unit) {
        long id = s.openCase(unit, "Ärende").id();
        s.recordTransparencyNote(id, LocalDate.now(), NoticeChannel.IN_PERSON, s.user().displayName());
        return id;
    }

    private static Note note(Session s, long caseId, String text) {
        Instant now = Instant.now();
        return s.saveNote(new Note(0, caseId, s.user().id(), text, RecordClass.CLIENT_FILE, List.of(), List.of(), now, now));
    }

    @Test
    void R3_R9_eachPersonsIndexFollowsTheOthersWithinTwoSecondsAndHoldsOnlyWhatTheirLoginMaySee() throws Exception {
        Workspace annaWs = signIn("anna");
        Workspace evaWs = signIn("eva");
        Workspace boWs = signIn("bo");
        SearchIndex anna = index("anna", annaWs);
        SearchIndex eva = index("eva", evaWs);
        SearchIndex bo = index("bo", boWs);

        long north = clientCase(annaWs.session(), "north");
        Note n = note(annaWs.session(), north, "Hembesök i Tensta, ingen öppnade dörren.");
        assertEquals(List.of(n.id()), found(anna, "tensta"), "the writer's own index has it as the call returns");
        Duration lag = Shared.within(FEED, () -> found(eva, "tensta").equals(List.of(n.id())), () -> "eva's index has anna's note");
        long south = clientCase(boWs.session(), "south");
        Note s = note(boWs.session(), south, "Samtal med skolan i Skärholmen.");
        Shared.within(FEED, () -> found(eva, "skärholmen").equals(List.of(s.id())), () -> "eva's index has bo's note");
        assertEquals(List.of(), found(bo, "tensta"), "bo's login may not see north");
        assertEquals(1, bo.size(), "nor does his index hold it: only his own note");
        assertEquals(2, eva.size());

        // a capture's page text reaches the others too, its blobs read from the database under row-level security
        Justification j = annaWs.session().justify(Optional.of(north), "north", ReasonCategory.OTHER,
                "Oro för barnets hemsituation.", SearchMode.CLIENT);
        String page = annaWs.blobs().put(new ByteArrayInputStream("<html><title>Forum</title><body>Loppis i Rinkeby</body></html>"
                .getBytes(StandardCharsets.UTF_8)));
        String manifest = annaWs.blobs().put(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)));
        Capture c = annaWs.session().saveCapture(new Capture(0, north, j.id(), Optional.empty(), "http://127.0.0.1/f",
                "http://127.0.0.1/f", 200, Instant.now(), "Europe/Stockholm", "anna", "insyn", Map.of("page.html", page), manifest,
                Optional.empty(), RecordClass.CLIENT_FILE, true));
        Shared.within(FEED, () -> found(eva, "rinkeby").equals(List.of(c.id())), () -> "eva's index has anna's capture");
        assertThrows(InsynException.class, () -> boWs.blobs().open(page).readAllBytes(), "bo may not read north's blobs");

        // R3: what is deleted leaves every person's index
        annaWs.session().delete(StoreEvent.Type.NOTE, n.id(), "Fel ärende.");
        assertEquals(List.of(), found(anna, "tensta"));
        Shared.within(FEED, () -> found(eva, "tensta").isEmpty(), () -> "anna's deletion reached eva's index");
        assertEquals(2, eva.size());
        System.out.printf("SharedIndexTest: another person's note reached the index after %d ms%n", lag.toMillis());
    }

    @Test
    void R2_aSupervisorsApprovalReachesTheWaitingWorkerAndTheWorkersJustificationTheQueue() throws Exception {
        Workspace annaWs = signIn("anna");
        Workspace saraWs = signIn("sara");
        List<StoreEvent> annaHeard = new CopyOnWriteArrayList<>();
        List<StoreEvent> saraHeard = new CopyOnWriteArrayList<>();
        annaWs.addListener(annaHeard::add);
        saraWs.addListener(saraHeard::add);

        long north = clientCase(annaWs.session(), "north");
        Justification j = annaWs.session().justify(Optional.of(north), "north", ReasonCategory.INCORRECT_INFORMATION,
                "Uppgifter i ansökan behöver kontrolleras.", SearchMode.CLIENT);
        InsynException waiting = assertThrows(InsynException.class,
                () -> annaWs.session().startSearch(j.id(), "\"Lo Zlatanović\"", List.of("forums")));
        assertEquals(Optional.of(Rule.R2), waiting.rule(), "review before: the search waits for the supervisor");
        // the supervisor's review queue hears of it from the change feed
        Shared.within(FEED, () -> saraHeard.stream().anyMatch(e -> e.type() == StoreEvent.Type.JUSTIFICATION && e.id() == j.id()),
                () -> "sara's views heard of anna's justification");
        assertEquals(List.of(j.id()), saraWs.session().reviewQueue().stream().map(Justification::id).toList());

        saraWs.session().review(j.id(), ReviewDecision.APPROVE, "Godkänd.");
        Shared.within(FEED, () -> annaHeard.stream().anyMatch(e -> e.type() == StoreEvent.Type.REVIEW),
                () -> "anna heard of sara's approval");
        assertTrue(annaWs.session().startSearch(j.id(), "\"Lo Zlatanović\"", List.of("forums")).id() > 0,
                "once approved the search runs");
    }

    @Test
    void R9_aPersonRemovedFromAUnitLosesItsItemsFromTheirIndexAtTheirNextCall() throws Exception {
        Workspace annaWs = signIn("anna");
        Workspace boWs = signIn("bo");
        Workspace evaWs = signIn("eva");
        SearchIndex eva = index("eva", evaWs);
        Note n = note(annaWs.session(), clientCase(annaWs.session(), "north"), "Oro anmäld av grannen i Husby.");
        Note s = note(boWs.session(), clientCase(boWs.session(), "south"), "Besök på fritidsgården i Fruängen.");
        Shared.within(FEED, () -> eva.size() == 2, () -> "eva's index has both units' notes");
        Path folder = dir.resolve("eva").resolve("index").resolve("people").resolve("eva");
        assertTrue(Disk.contains(Disk.decrypted(folder, evaWs.indexKey()), "husby"));

        Workspace admin = signIn("admin");
        User e = admin.accounts().list().stream().filter(u -> u.id().equals("eva")).findFirst().orElseThrow();
        admin.accounts().change(new User(e.id(), e.displayName(), e.roles(), Set.of("south"), true));

        assertEquals(List.of(), found(eva, "husby"), "at her next call");
        assertEquals(List.of(s.id()), found(eva, "fruängen"));
        assertEquals(1, eva.size());
        assertFalse(Disk.contains(Disk.decrypted(folder, evaWs.indexKey()), "husby"), "north's note is gone from her disk");
        assertTrue(Files.isDirectory(folder));
        assertTrue(n.id() > 0);
    }

    static <T> T service(Class<T> type) {
        BundleContext ctx = FrameworkUtil.getBundle(SharedIndexTest.class).getBundleContext();
        long until = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < until) {
            ServiceReference<T> ref = ctx.getServiceReference(type);
            if (ref != null) {
                return ctx.getService(ref);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " service");
    }
}
