package org.insyn.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.insyn.app.Cli;
import org.insyn.app.CliApplication;
import org.insyn.app.Command;
import org.insyn.core.Messages;
import org.insyn.core.model.AuditAction;
import org.insyn.core.model.AuditEntry;
import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Role;
import org.insyn.core.model.Unit;
import org.insyn.core.service.SearchService;
import org.insyn.core.service.SourceProvider;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceProvider;
import org.insyn.testing.OsgiServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job from the command line, as docs/CLI.md walks it: a client investigation (case, client, justification,
 * a search refused without the transparency note, the note, the search, triage, a note, the supervisor's review,
 * closing) and an outreach search, against the demo web through the real sources, search service and store. Every
 * step goes through the same policy as the workbench and lands on the audit trail.
 */
class CliWalkTest {
    private static final String UNIT = "ifo-rinkeby";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs one command line as this person, in this language; returns the exit code. */
    private int cli(WorkspaceProvider store, SearchService search, Path dir, String user, Locale locale, String... args) {
        out.reset();
        err.reset();
        Map<String, String> env = new java.util.HashMap<>(Workspaces.as(user));
        env.put("INSYN_WORKSPACE", dir.toString());
        List<Command> commands = new ArrayList<>(org.insyn.app.CaseworkCommands.all(() -> store, () -> search, env,
                Workspaces.NOTHING_TO_ASK, locale));
        return new Cli("1", commands, locale).run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static long id(String word, String text) {
        Matcher m = Pattern.compile(word + " (\\d+)").matcher(text);
        assertTrue(m.find(), word + " id in: " + text);
        return Long.parseLong(m.group(1));
    }

    private static List<Long> ids(String word, String text) {
        List<Long> found = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^" + word + " (\\d+)\t").matcher(text);
        while (m.find()) {
            found.add(Long.parseLong(m.group(1)));
        }
        return found;
    }

    /** The demo sources, once DS has registered them (the registry starts again when the demo web appears). */
    private static SearchService demoSearch() throws InterruptedException {
        SearchService search = OsgiServices.service(SearchService.class, java.time.Duration.ofSeconds(20));
        for (int i = 0; i < 200 && search.sources().stream().map(SourceProvider::id).noneMatch("demo-sokfinn"::equals); i++) {
            Thread.sleep(100);
        }
        assertTrue(search.sources().stream().map(SourceProvider::id).anyMatch("demo-sokfinn"::equals), "demo sources offered");
        return search;
    }

    @Test
    void R1_R2_R3_R4_R8_wholeInvestigationAndOutreachFromTheCommandLine(@TempDir Path dir) throws Exception {
        WorkspaceProvider store = OsgiServices.service(WorkspaceProvider.class, java.time.Duration.ofSeconds(20));
        SearchService search = demoSearch();
        Workspaces.make(store, dir, new Unit(UNIT, "IFO Rinkeby", ReviewPolicy.AFTER), Workspaces.person("anna", Role.INVESTIGATOR, UNIT),
                Workspaces.person("sara", Role.SUPERVISOR, UNIT));
        Locale en = Locale.ENGLISH;

        assertEquals(0, cli(store, search, dir, "anna", en, "case", "create", "--unit", UNIT, "--title", "Ekonomiskt bistånd 2026-11"), err());
        long caseId = id("case", out());
        assertEquals(0, cli(store, search, dir, "anna", en, "case", "client", "--case", "" + caseId, "--name", "Berit Beritsson", "--city",
                "Stockholm"), err());
        assertEquals(0, cli(store, search, dir, "anna", en, "justification", "create", "--case", "" + caseId, "--unit", UNIT, "--mode",
                "client", "--reason", "incorrect_information", "--text", "Uppgifter i ansökan om bistånd behöver kontrolleras."), err());
        long justification = id("justification", out());

        // R4: no transparency note yet, so the search is refused before any request, in the person's language
        assertEquals(1, cli(store, search, dir, "anna", Messages.SWEDISH, "search", "--justification", "" + justification, "--name",
                "Berit Beritsson", "--city", "Stockholm", "--sources", "demo-sokfinn"));
        assertFalse(err().isBlank());
        assertFalse(out().contains("hit "), "nothing found, nothing sent");

        assertEquals(0, cli(store, search, dir, "anna", en, "case", "told", "--case", "" + caseId, "--on", "2026-11-20", "--channel", "letter",
                "--by", "Anna"), err());
        assertEquals(0, cli(store, search, dir, "anna", en, "search", "--justification", "" + justification, "--name", "Berit Beritsson",
                "--city", "Stockholm", "--sources", "demo-sokfinn,demo-bloggsok"), err());
        assertTrue(out().contains("Query: \"Berit Beritsson\" \"Stockholm\""), out());
        assertTrue(out().contains("demo-sokfinn: "), out());
        List<Long> hits = ids("hit", out());
        assertTrue(hits.size() >= 2, out());
        assertTrue(out().contains("Loppis i Rinkeby med Berit Beritsson"), out());

        // R3: one finding, the rest sorted away
        assertEquals(0, cli(store, search, dir, "anna", en, "triage", "" + hits.get(0), "relevant"), err());
        for (long h : hits.subList(1, hits.size())) {
            assertEquals(0, cli(store, search, dir, "anna", en, "triage", "" + h, "irrelevant"), err());
        }
        assertEquals(0, cli(store, search, dir, "anna", en, "note", "add", "--case", "" + caseId, "--text",
                "Träffen stämmer med uppgifterna i ansökan; diskussionsunderlag.", "--hit", "" + hits.get(0)), err());
        assertEquals(0, cli(store, search, dir, "anna", en, "note", "list", "--case", "" + caseId), err());
        assertTrue(out().contains("Träffen stämmer"), out());

        // R2: the worker may not review; the supervisor sees the justification and approves it
        assertEquals(1, cli(store, search, dir, "anna", en, "review", "approve", "" + justification));
        assertEquals(0, cli(store, search, dir, "sara", en, "review", "list"), err());
        assertTrue(out().contains("justification " + justification + "\t"), out());
        assertEquals(0, cli(store, search, dir, "sara", en, "review", "approve", "" + justification, "--comment", "Rimligt."), err());

        // R8: outreach by topic and place, with a justification but no client and no transparency note
        assertEquals(0, cli(store, search, dir, "anna", en, "justification", "create", "--unit", UNIT, "--mode", "outreach", "--reason",
                "outreach_contact", "--text", "Uppsökande arbete: unga som skadar sig själva i Rinkeby."), err());
        long outreach = id("justification", out());
        assertEquals(0, cli(store, search, dir, "anna", en, "search", "--justification", "" + outreach, "--topic", "självskada", "--place",
                "Rinkeby", "--sources", "demo-snackis,demo-torget"), err());
        assertFalse(ids("hit", out()).isEmpty(), out());

        assertEquals(0, cli(store, search, dir, "anna", en, "case", "close", "--case", "" + caseId), err());
        assertEquals(0, cli(store, search, dir, "anna", en, "case", "list"), err());
        assertTrue(out().contains("case " + caseId + "\t" + UNIT + "\tEkonomiskt bistånd 2026-11"), out());
        assertTrue(out().contains("closed "), out());

        // R16: every step is on the trail, the refused search too
        try (Workspace admin = Workspaces.signIn(store, dir, "admin")) {
            Set<AuditAction> actions = admin.audit().entries(Optional.empty(), 0, 10_000).stream().map(AuditEntry::action)
                    .collect(Collectors.toSet());
            assertTrue(actions.containsAll(Set.of(AuditAction.CASE_OPENED, AuditAction.SUBJECT_SAVED, AuditAction.JUSTIFICATION_WRITTEN,
                    AuditAction.SEARCH_REFUSED, AuditAction.TRANSPARENCY_NOTE_RECORDED, AuditAction.SEARCH_STARTED, AuditAction.HIT_TRIAGED,
                    AuditAction.HIT_DISCARDED, AuditAction.NOTE_SAVED, AuditAction.JUSTIFICATION_REVIEWED, AuditAction.CASE_CLOSED)), actions::toString);
            assertFalse(admin.networkLog().recent(100).isEmpty(), "R15: the requests are in the network log");
        }
    }

    @Test
    void R15_sourcesCheckAsksEachSourceOnceAndSaysItWorks(@TempDir Path dir) throws Exception {
        WorkspaceProvider store = OsgiServices.service(WorkspaceProvider.class, java.time.Duration.ofSeconds(20));
        SearchService search = demoSearch();
        Workspaces.make(store, dir, new Unit(UNIT, "IFO Rinkeby", ReviewPolicy.AFTER), Workspaces.person("anna", Role.INVESTIGATOR, UNIT));
        Map<String, String> env = new java.util.HashMap<>(Workspaces.as("anna"));
        env.put("INSYN_WORKSPACE", dir.toString());
        Cli cli = new Cli("1", org.insyn.app.SearchCommands.all(() -> search, () -> store, env, Workspaces.NOTHING_TO_ASK, Messages.SWEDISH),
                Messages.SWEDISH);

        int code = cli.run(List.of("sources", "--check"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(0, code, out() + err());
        assertTrue(out().contains("ofarliga frågan \"Stockholm\""), out());
        List<String> lines = out().lines().filter(l -> l.startsWith("demo-")).toList();
        assertEquals(search.sources().size(), lines.size(), out());
        assertTrue(lines.stream().allMatch(l -> l.endsWith(" fungerar")), out());
        try (Workspace admin = Workspaces.signIn(store, dir, "admin")) {
            assertFalse(admin.networkLog().recent(100).isEmpty(), "the check's requests are in the network log");
        }
    }

    @Test
    void badCommandLinesShowTheUsageInSwedishWithoutOpeningAnything(@TempDir Path dir) {
        assertEquals(Cli.USAGE, cli(null, null, dir, "anna", Messages.SWEDISH, "triage", "12", "kanske"));
        assertTrue(err().contains("användning: insyn cli triage"), err());
        assertEquals(Cli.USAGE, cli(null, null, dir, "anna", Messages.SWEDISH, "case", "close", "--case"));
        assertTrue(err().contains("--case behöver ett värde"), err());
        assertEquals(Cli.USAGE, cli(null, null, dir, "anna", Messages.SWEDISH, "frobnicate"));
        assertTrue(err().contains("det finns inget kommando 'frobnicate'"), err());
    }

    @Test
    void noLibraryLogLinesReachTheTerminal() {
        List<LogRecord> printed = new ArrayList<>();
        Handler terminal = new Handler() {
            @Override
            public void publish(LogRecord record) {
                printed.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(terminal);
        CliApplication.quietLibraries();
        Logger.getLogger("org.flywaydb.core.internal.command.DbMigrate").info("Migrating schema \"PUBLIC\" to version \"1\"");
        Logger.getLogger("org.apache.lucene.internal.vectorization.VectorizationProvider").warning("Java vector incubator module is not readable");

        assertEquals(List.of(), printed);
    }
}
