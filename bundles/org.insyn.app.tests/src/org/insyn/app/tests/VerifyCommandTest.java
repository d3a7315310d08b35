package org.insyn.app.tests;

import static org.insyn.testing.OsgiServices.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.insyn.app.Cli;
import org.insyn.testing.OsgiServices;
import org.insyn.app.VerifyCommand;
import org.insyn.core.model.Capture;
import org.insyn.core.model.NoticeChannel;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.SearchMode;
import org.insyn.core.service.AuditTrail.ChainHead;
import org.insyn.core.service.SearchIndex;
import org.insyn.core.service.SearchIndexProvider;
import org.insyn.core.service.Session;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.core.service.WorkspaceProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code insyn cli verify} on a workspace of the real store, which it finds as a Declarative Services component. */
class VerifyCommandTest {
    static WorkspaceProvider provider;

    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final Map<String, String> env = new HashMap<>();

    @BeforeAll
    static void store() throws Exception {
        provider = service(WorkspaceProvider.class);
    }

    int verify(String... args) {
        return new Cli("1", List.of(new VerifyCommand(() -> provider, env, Workspaces.NOTHING_TO_ASK, Locale.ENGLISH))).run(
                java.util.stream.Stream.concat(java.util.stream.Stream.of("verify"), java.util.Arrays.stream(args)).toList(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** A workspace with a case, a transparency note, a justification and a capture; returns the capture. */
    Capture workspace() {
        try (Workspace ws = Workspaces.anna(provider, dir, "north")) {
            Session anna = ws.session();
            long caseId = anna.openCase("north", "Ärende").id();
            anna.recordTransparencyNote(caseId, LocalDate.now(), NoticeChannel.LETTER, "Anna");
            long j = anna.justify(Optional.of(caseId), "north", ReasonCategory.OTHER, "Behov av kontroll i öppna källor.",
                    SearchMode.CLIENT).id();
            String blob = ws.blobs().put(new ByteArrayInputStream("sidan".getBytes(StandardCharsets.UTF_8)));
            return anna.saveCapture(new Capture(0, caseId, j, Optional.empty(), "http://127.0.0.1/", "http://127.0.0.1/", 200,
                    Instant.now(), "UTC", "anna", "test", Map.of("page.html", blob), blob, Optional.empty(),
                    RecordClass.CLIENT_FILE, true));
        }
    }

    @Test
    void R16_aCleanWorkspaceVerifiesWithExitCodeZeroAndPrintsItsHead() {
        workspace();
        env.putAll(Workspaces.ANNA);
        assertEquals(0, verify("--workspace", dir.toString()), err::toString);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.matches("(?s)Clean: \\d+ audit entries and 1 blobs checked\\..*"), text);
        String head = text.substring(text.lastIndexOf(' ') + 1).trim();
        out.reset();
        env.put("INSYN_WORKSPACE", dir.toString());
        assertEquals(0, verify("--head", head), out::toString);
    }

    @Test
    void R17_aChangedBlobIsAFindingWithItsPositionAndExitCodeOne() throws Exception {
        Capture c = workspace();
        Path blob = dir.resolve("blobs").resolve(c.manifestSha256().substring(0, 2)).resolve(c.manifestSha256());
        byte[] b = Files.readAllBytes(blob);
        b[b.length - 1] ^= 1;
        Files.write(blob, b);
        env.putAll(Workspaces.ANNA);
        assertEquals(1, verify("--workspace", dir.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("BLOB_CHANGED blob " + c.manifestSha256() + ": capture " + c.id()),
                out::toString);
    }

    @Test
    void R17_aDamagedIndexFileIsAFindingThatSaysToReindex() throws Exception {
        workspace();
        SearchIndexProvider indexes = OsgiServices.service(SearchIndexProvider.class, java.time.Duration.ofSeconds(20));
        try (Workspace ws = Workspaces.signIn(provider, dir, "anna"); SearchIndex index = indexes.open(WorkspaceConfig.embedded(dir), ws,
                (done, total) -> { })) {
            index.size(); // built and written
        }
        env.putAll(Workspaces.ANNA);
        VerifyCommand withIndex = new VerifyCommand(() -> provider, Optional.empty(), Optional.of(() -> indexes), env,
                Workspaces.NOTHING_TO_ASK, Locale.ENGLISH);
        java.util.function.IntSupplier run = () -> new Cli("1", List.of(withIndex)).run(List.of("verify", "--workspace", dir.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, run.getAsInt(), out::toString);

        Path largest;
        try (var files = Files.list(dir.resolve("index").resolve("lucene"))) {
            largest = files.filter(f -> !f.getFileName().toString().equals("write.lock"))
                    .max(java.util.Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
        }
        byte[] b = Files.readAllBytes(largest);
        b[b.length / 2] ^= 1;
        Files.write(largest, b);
        out.reset();
        assertEquals(1, run.getAsInt());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("INDEX_DAMAGED index file " + largest.getFileName()
                + ": the search index is damaged: run 'insyn cli reindex' to rebuild it from the store"), out::toString);
    }

    @Test
    void R16_aHeadTheChainNoLongerReachesIsAFinding() {
        workspace();
        env.putAll(Workspaces.ANNA);
        ChainHead forged = new ChainHead(9, "ab".repeat(32));
        assertEquals(1, verify("--workspace", dir.toString(), "--head", forged.seq() + ":" + forged.hash()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("HEAD_MISSING audit #9"), out::toString);
    }

    @Test
    void missingWorkspaceOrPasswordIsSaidClearlyAndAWrongPasswordRefused() {
        assertEquals(Cli.USAGE, verify());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--workspace DIR or set INSYN_WORKSPACE"), err::toString);
        workspace();
        err.reset();
        env.put("INSYN_USER", "anna");
        assertEquals(Cli.USAGE, verify("--workspace", dir.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("INSYN_PASSWORD"), err::toString);
        err.reset();
        env.put("INSYN_PASSWORD", "fel-lösenord-helt");
        assertEquals(1, verify("--workspace", dir.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Wrong user name or password"), err::toString);
        err.reset();
        assertEquals(Cli.USAGE, verify("--workspace", dir.resolve("nowhere").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no Insyn workspace"), err::toString);
    }
}
