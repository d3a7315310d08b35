package org.insyn.app.tests;

import static org.insyn.testing.OsgiServices.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.insyn.app.Cli;
import org.insyn.app.Command;
import org.insyn.app.RetentionCommands;
import org.insyn.app.VerifyCommand;
import org.insyn.core.Messages;
import org.insyn.core.model.Capture;
import org.insyn.core.model.Note;
import org.insyn.core.model.NoticeChannel;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Role;
import org.insyn.core.model.SearchMode;
import org.insyn.core.model.Unit;
import org.insyn.core.service.SearchIndex;
import org.insyn.core.service.SearchIndexProvider;
import org.insyn.core.service.SearchQuery;
import org.insyn.core.service.Session;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.core.service.WorkspaceProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code insyn cli purge|hold|erase|retention} (R10, R14) on a real encrypted workspace with its real index and blob files,
 * the store and the index found as DS services as in the product.
 */
class RetentionCommandsTest {
    static final String WEEDED = "Grannen berättade om skulder hos Kronofogden";
    static WorkspaceProvider workspaces;
    static SearchIndexProvider indexes;

    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final Map<String, String> env = new HashMap<>();
    long caseId;
    Capture capture;

    @BeforeAll
    static void services() {
        workspaces = service(WorkspaceProvider.class);
        indexes = service(SearchIndexProvider.class);
    }

    /** A closed case with two minor-importance notes, a minor-importance capture and a registered note. */
    @BeforeEach
    void workspace() {
        Workspaces.make(workspaces, dir, new Unit("north", "IFO Nord", ReviewPolicy.AFTER),
                Workspaces.person("anna", Role.INVESTIGATOR, "north"), Workspaces.person("sara", Role.SUPERVISOR, "north"));
        try (Workspace ws = Workspaces.signIn(workspaces, dir, "anna")) {
            Session anna = ws.session();
            caseId = anna.openCase("north", "Ekonomiskt bistånd").id();
            anna.saveSubject(caseId, "Kim Andersson", List.of(), Optional.empty(), Optional.empty());
            anna.recordTransparencyNote(caseId, LocalDate.now(), NoticeChannel.LETTER, "Anna");
            long j = anna.justify(Optional.of(caseId), "north", ReasonCategory.OTHER, "Behov av kontroll i öppna källor.",
                    SearchMode.CLIENT).id();
            note(anna, WEEDED, RecordClass.MINOR_IMPORTANCE);
            note(anna, "Ringde skolan, ingen svarade.", RecordClass.MINOR_IMPORTANCE);
            note(anna, "Diariefört beslut om bistånd", RecordClass.REGISTERED);
            String page = ws.blobs().put(new ByteArrayInputStream("<html>Säljer soffan</html>".getBytes(StandardCharsets.UTF_8)));
            capture = anna.saveCapture(new Capture(0, caseId, j, Optional.empty(), "http://127.0.0.1/", "http://127.0.0.1/", 200,
                    Instant.now(), "UTC", "anna", "test", Map.of("page.html", page), page, Optional.empty(),
                    RecordClass.MINOR_IMPORTANCE, true));
            anna.closeCase(caseId);
        }
        env.put("INSYN_WORKSPACE", dir.toString());
        env.putAll(Workspaces.as("anna"));
    }

    private void note(Session s, String text, RecordClass recordClass) {
        s.saveNote(new Note(0, caseId, s.user().id(), text, recordClass, List.of(), List.of(), Instant.now(), Instant.now()));
    }

    WorkspaceConfig config() {
        return WorkspaceConfig.embedded(dir);
    }

    int cli(Locale locale, String... args) {
        out.reset();
        err.reset();
        List<Command> commands = new ArrayList<>(RetentionCommands.all(() -> workspaces, () -> indexes, env, Workspaces.NOTHING_TO_ASK,
                locale));
        commands.add(new VerifyCommand(() -> workspaces, env, Workspaces.NOTHING_TO_ASK, locale));
        return new Cli("1", commands).run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    List<Long> found(String words) {
        try (Workspace ws = Workspaces.signIn(workspaces, dir, "anna"); SearchIndex index = indexes.open(config(), ws, (done, total) -> { })) {
            return index.search(SearchQuery.of(words)).found().stream().map(f -> f.id()).toList();
        }
    }

    Path blobFile(String sha256) {
        return dir.resolve("blobs").resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    @Test
    void R10_purgeShowsWhatIsDueThenWeedsItFromStoreBlobsAndIndexAndVerifyStillPasses() {
        assertEquals(1, found("Kronofogden").size());
        assertEquals(Cli.OK, cli(Locale.ENGLISH, "purge", "--dry-run"), err::toString);
        assertTrue(out().contains("Unit north has no retention period for material of minor importance"), out());
        assertTrue(out().contains("Nothing is due for weeding."), out());

        env.put("INSYN_USER", "sara");
        assertEquals(Cli.OK, cli(Locale.ENGLISH, "retention", "set", "--unit", "north", "--days", "0"), err::toString);
        assertTrue(out().contains("Unit north: material of minor importance is weeded 0 days after the case closes."), out());
        assertEquals(Cli.OK, cli(Messages.SWEDISH, "retention"), err::toString);
        assertTrue(out().contains("north  ringa betydelse: gallras 0 dagar efter att ärendet avslutats (sara, "), out());
        assertTrue(out().contains("north  diarieförd: gallras aldrig"), out());

        assertEquals(Cli.OK, cli(Locale.ENGLISH, "purge", "--dry-run"), err::toString);
        assertTrue(out().contains("case " + caseId + " (north, closed " + LocalDate.now() + ", period 0 days): 2 notes, 1 captures, 0 hits"),
                out());
        assertTrue(out().contains("Due for weeding: 2 notes, 1 captures and 0 hits. Nothing was removed"), out());
        assertEquals(1, found("Kronofogden").size(), "a dry run removes nothing");

        assertEquals(Cli.OK, cli(Messages.SWEDISH, "purge", "--apply"), err::toString);
        assertTrue(out().contains("3 av 3 gallrade"), out());
        assertTrue(out().contains("Gallrade 2 anteckningar, 1 skärmdumpar och 0 träffar i 1 ärenden"), out());
        // item 5 of R10: the index finds nothing, the blob file is gone, the rows are gone, verify passes
        assertEquals(List.of(), found("Kronofogden"));
        assertEquals(List.of(), found("soffan"));
        assertEquals(1, found("Diariefört").size());
        assertFalse(Files.exists(blobFile(capture.manifestSha256())));
        try (Workspace ws = Workspaces.signIn(workspaces, dir, "anna")) {
            assertEquals(List.of("Diariefört beslut om bistånd"), ws.session().notes(caseId).stream().map(Note::text).toList());
            assertEquals(List.of(), ws.session().captures(caseId));
        }
        assertEquals(Cli.OK, cli(Locale.ENGLISH, "verify"), out::toString);
        assertTrue(out().contains("Clean:"), out());
        assertEquals(Cli.OK, cli(Locale.ENGLISH, "purge", "--dry-run"));
        assertTrue(out().contains("Nothing is due for weeding."), out());
    }

    @Test
    void R10_aHoldPlacedFromTheCommandLineStopsPurgeUntilASupervisorLiftsIt() {
        env.put("INSYN_USER", "sara");
        assertEquals(Cli.OK, cli(Locale.ENGLISH, "retention", "set", "--unit", "north", "--days", "0"));
        assertEquals(Cli.OK, cli(Locale.ENGLISH, "hold", "place", "--case", Long.toString(caseId), "--reason", "Överklagat",
                "--user", "anna"), err::toString);
        assertTrue(out().contains("Case " + caseId + " is on legal hold"), out());
        assertEquals(Cli.OK, cli(Locale.ENGLISH, "purge", "--apply"));
        assertTrue(out().contains("Weeded 0 notes, 0 captures and 0 hits in 0 cases"), out());

        assertEquals(1, cli(Locale.ENGLISH, "hold", "lift", "--case", Long.toString(caseId), "--reason", "Avgjort", "--user", "anna"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("R10 "), err::toString);
        assertEquals(Cli.OK, cli(Messages.SWEDISH, "hold", "lift", "--case", Long.toString(caseId), "--reason", "Avgjort"));
        assertTrue(out().contains("Bevarandeplikten för ärende " + caseId + " är hävd."), out());
        assertEquals(Cli.OK, cli(Locale.ENGLISH, "purge", "--apply"));
        assertTrue(out().contains("Weeded 2 notes, 1 captures and 0 hits in 1 cases"), out());
    }

    @Test
    void R14_eraseErasesWhatMayGoAndSaysWhyTheRegisteredRecordStays() {
        assertEquals(1, cli(Messages.SWEDISH, "erase", "--case", Long.toString(caseId), "--reason", "Begäran enligt art. 17"),
                err::toString);
        String text = out();
        assertTrue(text.contains("Raderat: 2 anteckningar, 1 skärmdumpar, 0 sökningar, 0 träffar, 1 motiveringar."), text);
        assertTrue(text.contains("Finns kvar: anteckning "), text);
        assertTrue(text.contains("arkivlagen, offentlighets- och sekretesslagen"), text);
        assertTrue(text.contains("Finns kvar: klient "), text);
        assertTrue(text.contains("3 uppgift(er) måste finnas kvar"), text);
        assertEquals(List.of(), found("Kronofogden"));
        assertEquals(Cli.OK, cli(Locale.ENGLISH, "verify"), out::toString);
    }

    @Test
    void wrongLinesAreUsageErrorsAndSayWhatIsMissing() {
        assertEquals(Cli.USAGE, cli(Locale.ENGLISH, "purge"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--dry-run|--apply"), err::toString);
        assertEquals(Cli.USAGE, cli(Locale.ENGLISH, "purge", "--dry-run", "--apply"));
        assertEquals(Cli.USAGE, cli(Locale.ENGLISH, "hold", "place", "--case", "x", "--reason", "r"));
        assertEquals(Cli.USAGE, cli(Locale.ENGLISH, "erase", "--case", "1"));
        assertEquals(Cli.USAGE, cli(Locale.ENGLISH, "retention", "set", "--unit", "north"));
        env.remove("INSYN_USER");
        assertEquals(Cli.USAGE, cli(Locale.ENGLISH, "purge", "--dry-run"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--user ID or set INSYN_USER"), err::toString);
        env.remove("INSYN_PASSWORD");
        assertEquals(Cli.USAGE, cli(Locale.ENGLISH, "purge", "--dry-run", "--user", "anna"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("INSYN_PASSWORD"), err::toString);
    }
}
