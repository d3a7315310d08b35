package org.insyn.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.insyn.core.InsynException;
import org.insyn.core.Rule;
import org.insyn.core.model.AuditEntry;
import org.insyn.core.model.Capture;
import org.insyn.core.model.CaseFile;
import org.insyn.core.model.Justification;
import org.insyn.core.model.Note;
import org.insyn.core.model.NoticeChannel;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Role;
import org.insyn.core.model.SearchMode;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;
import org.insyn.core.service.Session;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.store.internal.Db;
import org.insyn.store.internal.StoreProvider;
import org.insyn.store.internal.StoreWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace made by its administrator with two units and four people, each signed in with their own password (in
 * shared mode each with their own database login). Run on the encrypted H2 file and on a real PostgreSQL server.
 */
abstract class StoreFixture {
    static final String TEXT = "Uppgifter i ansökan om ekonomiskt bistånd behöver kontrolleras mot öppna källor.";

    @TempDir
    Path dir;
    StoreProvider provider = new StoreProvider();
    WorkspaceConfig config;
    StoreWorkspace ws;      // the administrator's
    StoreWorkspace annaWs;
    Session anna;   // investigator, unit north (review=after)
    Session sara;   // supervisor, units north and south
    Session bo;     // investigator, unit south (review=before)
    Session fia;    // field worker, unit north
    final List<StoreWorkspace> open = new ArrayList<>();

    abstract WorkspaceConfig config(Path directory);

    /** Shared mode hides other units' rows in the database itself: asking for one finds nothing. */
    abstract boolean rowSecurity();

    /** Each person's password: their name, made long enough. */
    static char[] password(String userId) {
        return (userId + "-lösenord-2026").toCharArray();
    }

    @BeforeEach
    void open() {
        config = config(dir);
        ws = track(provider.create(config, new User("admin", "Admin", Set.of(Role.ADMINISTRATOR), Set.of(), true),
                password("admin")));
        ws.saveUnit(new Unit("north", "IFO Nord", ReviewPolicy.AFTER));
        ws.saveUnit(new Unit("south", "IFO Syd", ReviewPolicy.BEFORE));
        account("anna", Role.INVESTIGATOR, "north");
        account("sara", Role.SUPERVISOR, "north", "south");
        account("bo", Role.INVESTIGATOR, "south");
        account("fia", Role.FIELD_WORKER, "north");
        annaWs = signIn("anna");
        anna = annaWs.session();
        sara = signIn("sara").session();
        bo = signIn("bo").session();
        fia = signIn("fia").session();
    }

    @AfterEach
    void close() {
        open.forEach(StoreWorkspace::close);
        open.clear();
    }

    User account(String id, Role role, String... units) {
        return ws.accounts().create(new User(id, id.substring(0, 1).toUpperCase() + id.substring(1), Set.of(role), Set.of(units), true),
                password(id));
    }

    StoreWorkspace signIn(String userId) {
        return track(provider.signIn(config, userId, password(userId)));
    }

    StoreWorkspace track(org.insyn.core.service.Workspace w) {
        open.add((StoreWorkspace) w);
        return (StoreWorkspace) w;
    }

    long clientCase(Session s, String unit, boolean told) {
        CaseFile c = s.openCase(unit, "Ekonomiskt bistånd");
        s.saveSubject(c.id(), "Kim Andersson", List.of("Lo Andersson"), Optional.of("Malmö"), Optional.empty());
        if (told) {
            s.recordTransparencyNote(c.id(), LocalDate.now(), NoticeChannel.IN_PERSON, "Anna");
        }
        return c.id();
    }

    Justification clientJustification(Session s, long caseId, String unit) {
        return s.justify(Optional.of(caseId), unit, ReasonCategory.INCORRECT_INFORMATION, TEXT, SearchMode.CLIENT);
    }

    static InsynException refused(Rule rule, Executable action) {
        InsynException e = assertThrows(InsynException.class, action);
        assertEquals(InsynException.Kind.REFUSED, e.kind(), e::getMessage);
        assertEquals(Optional.of(rule), e.rule(), e::getMessage);
        return e;
    }

    /**
     * R9: another unit's row is out of reach. The service refuses it by the policy; in shared mode the database
     * does not even show it, so it is not found.
     */
    InsynException outOfReach(Executable action) {
        InsynException e = assertThrows(InsynException.class, action);
        if (rowSecurity()) {
            assertTrue(e.kind() == InsynException.Kind.NOT_FOUND || e.kind() == InsynException.Kind.REFUSED, e::getMessage);
        } else {
            assertEquals(InsynException.Kind.REFUSED, e.kind(), e::getMessage);
            assertEquals(Optional.of(Rule.R9), e.rule(), e::getMessage);
        }
        return e;
    }

    static InsynException failsWith(InsynException.Kind kind, Executable action) {
        InsynException e = assertThrows(InsynException.class, action);
        assertEquals(kind, e.kind(), e::getMessage);
        return e;
    }

    List<AuditEntry> trail() {
        return ws.audit().entries(Optional.empty(), 0, 100_000);
    }

    AuditEntry last() {
        List<AuditEntry> all = trail();
        return all.get(all.size() - 1);
    }

    /** A statement run past the product, as the workspace's owner (tampering, in the tests of R16 and R2). */
    void sql(String statement, Object... args) throws Exception {
        try (Connection c = ws.db().connection()) {
            Db.update(c, statement, args);
        }
    }

    Note note(Session s, long caseId, String text) {
        return s.saveNote(new Note(0, caseId, s.user().id(), text, RecordClass.MINOR_IMPORTANCE, List.of(), List.of(),
                Instant.now(), Instant.now()));
    }

    Capture capture(Session s, long caseId, long justificationId, String page, RecordClass recordClass) {
        String png = ws.blobs().put(new ByteArrayInputStream(("PNG " + page).getBytes(StandardCharsets.UTF_8)));
        String manifest = ws.blobs().put(new ByteArrayInputStream(("manifest " + page).getBytes(StandardCharsets.UTF_8)));
        return s.saveCapture(new Capture(0, caseId, justificationId, Optional.empty(), "http://127.0.0.1/" + page,
                "http://127.0.0.1/" + page, 200, Instant.now(), "Europe/Stockholm", s.user().id(), "insyn 1.0",
                Map.of("screenshot.png", png), manifest, Optional.of(new byte[] { 1, 2, 3 }), recordClass, true));
    }
}
