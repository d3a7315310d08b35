package org.insyn.app.tests;

import static org.insyn.testing.OsgiServices.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.insyn.app.Cli;
import org.insyn.app.ReindexCommand;
import org.insyn.core.Messages;
import org.insyn.core.model.Note;
import org.insyn.core.model.RecordClass;
import org.insyn.core.service.SearchIndex;
import org.insyn.core.service.SearchIndexProvider;
import org.insyn.core.service.SearchQuery;
import org.insyn.core.service.Session;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.core.service.WorkspaceProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code insyn cli reindex} rebuilds the index of a real store's workspace, both found as DS services. */
class ReindexCommandTest {
    static WorkspaceProvider workspaces;
    static SearchIndexProvider indexes;

    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final Map<String, String> env = new HashMap<>();

    @BeforeAll
    static void services() throws Exception {
        workspaces = service(WorkspaceProvider.class);
        indexes = service(SearchIndexProvider.class);
    }

    int reindex(Locale locale, String... args) {
        List<String> line = new java.util.ArrayList<>(List.of("reindex"));
        line.addAll(List.of(args));
        return new Cli("1", List.of(new ReindexCommand(() -> workspaces, () -> indexes, env, Workspaces.NOTHING_TO_ASK, locale))).run(line,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void reindexRebuildsFromTheStoreAndShowsProgressInSwedishAndEnglish() throws Exception {
        WorkspaceConfig config = WorkspaceConfig.embedded(dir);
        try (Workspace ws = Workspaces.anna(workspaces, dir, "north")) {
            Session anna = ws.session();
            long caseId = anna.openCase("north", "Ekonomiskt bistånd").id();
            Instant now = Instant.now();
            for (int i = 0; i < 1200; i++) {
                anna.saveNote(new Note(0, caseId, "anna", "Anteckning " + i + " om hembesöket i Skärholmen.",
                        RecordClass.CLIENT_FILE, List.of(), List.of(), now, now));
            }
        }
        env.putAll(Workspaces.ANNA);

        assertEquals(Cli.OK, reindex(Locale.ENGLISH, "--workspace", dir.toString()), err::toString);
        String english = out.toString(StandardCharsets.UTF_8);
        assertTrue(english.contains("1000 of 1200 notes, hits and captures indexed"), english);
        assertTrue(english.contains("1200 of 1200 notes, hits and captures indexed"), english);
        assertTrue(english.contains("The search index was rebuilt from the store: 1200 notes"), english);

        out.reset();
        env.put("INSYN_WORKSPACE", dir.toString());
        assertEquals(Cli.OK, reindex(Messages.SWEDISH), err::toString);
        String swedish = out.toString(StandardCharsets.UTF_8);
        assertTrue(swedish.contains("1200 av 1200 anteckningar, träffar och skärmdumpar indexerade"), swedish);
        assertTrue(swedish.contains("Sökindexet byggdes om från lagret: 1200"), swedish);

        try (Workspace ws = Workspaces.signIn(workspaces, dir, "anna"); SearchIndex index = indexes.open(config, ws, (done, total) -> { })) {
            assertEquals(1200, index.size());
            assertEquals(1200, index.search(SearchQuery.of("hembesök Skärholmen").limit(2000)).found().size());
        }
    }

    @Test
    void withoutAWorkspaceReindexSaysHowToMakeOne() {
        env.put("INSYN_WORKSPACE", dir.toString());
        assertEquals(Cli.USAGE, reindex(Locale.ENGLISH));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("insyn cli init"), err::toString);
    }
}
