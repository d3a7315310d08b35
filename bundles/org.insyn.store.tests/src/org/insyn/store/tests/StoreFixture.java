package org.insyn.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
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
import org.insyn.core.service.VerifyReport.Kind;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.store.internal.Db;
import org.insyn.store.internal.StoreProvider;
import org.insyn.store.internal.StoreWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A workspace of the store with two units and four users, for the suites that run on H2 and on PostgreSQL. */
abstract class StoreFixture {
    static final String TEXT = "Uppgifter i ansökan om ekonomiskt bistånd behöver kontrolleras mot öppna källor.";

    @TempDir
    Path dir;
    StoreWorkspace ws;
    Session anna;   // investigator, unit north (review=after)
    Session sara;   // supervisor, unit north
    Session bo;     // investigator, unit south (review=before)
    Session fia;    // field worker, unit north

    WorkspaceConfig config;

    abstract WorkspaceConfig config(Path directory);

    @BeforeEach
    void open() {
        config = config(dir);
        ws = (StoreWorkspace) new StoreProvider().open(config);
        ws.saveUser("admin", new User("admin", "Admin", Set.of(Role.ADMINISTRATOR), Set.of(), true));
        ws.saveUnit("admin", new Unit("north", "IFO Nord", ReviewPolicy.AFTER));
        ws.saveUnit("admin", new Unit("south", "IFO Syd", ReviewPolicy.BEFORE));
        ws.saveUser("admin", new User("anna", "Anna", Set.of(Role.INVESTIGATOR), Set.of("north"), true));
        ws.saveUser("admin", new User("sara", "Sara", Set.of(Role.SUPERVISOR), Set.of("north", "south"), true));
        ws.saveUser("admin", new User("bo", "Bo", Set.of(Role.INVESTIGATOR), Set.of("south"), true));
        ws.saveUser("admin", new User("fia", "Fia", Set.of(Role.FIELD_WORKER), Set.of("north"), true));
        anna = ws.session("anna");
        sara = ws.session("sara");
        bo = ws.session("bo");
        fia = ws.session("fia");
    }

    @AfterEach
    void close() {
        ws.close();
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

    static InsynException refused(Rule rule, org.junit.jupiter.api.function.Executable action) {
        InsynException e = assertThrows(InsynException.class, action);
        assertEquals(InsynException.Kind.REFUSED, e.kind(), e::getMessage);
        assertEquals(Optional.of(rule), e.rule(), e::getMessage);
        return e;
    }

    List<AuditEntry> trail() {
        return ws.audit().entries(Optional.empty(), 0, 100_000);
    }

    AuditEntry last() {
        List<AuditEntry> all = trail();
        return all.get(all.size() - 1);
    }

    Note note(Session s, long caseId, String text) {
        return s.saveNote(new Note(0, caseId, s.user().id(), text, RecordClass.MINOR_IMPORTANCE, List.of(), List.of(),
                Instant.now(), Instant.now()));
    }

    void sql(String statement, Object... args) throws Exception {
        try (Connection c = ws.db().connection()) {
            Db.update(c, statement, args);
        }
    }

    Capture capture(Session s, long caseId, long justificationId, String page, RecordClass recordClass) {
        String png = ws.blobs().put(new ByteArrayInputStream(("PNG " + page).getBytes(StandardCharsets.UTF_8)));
        String manifest = ws.blobs().put(new ByteArrayInputStream(("manifest " + page).getBytes(StandardCharsets.UTF_8)));
        return s.saveCapture(new Capture(0, caseId, justificationId, Optional.empty(), "http://127.0.0.1/" + page,
                "http://127.0.0.1/" + page, 200, Instant.now(), "Europe/Stockholm", s.user().id(), "insyn 1.0",
                Map.of("screenshot.png", png), manifest, Optional.of(new byte[] { 1, 2, 3 }), recordClass, true));
    }
}
