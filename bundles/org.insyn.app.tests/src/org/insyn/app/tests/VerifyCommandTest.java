package org.insyn.app.tests;

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
import java.util.Set;

import org.insyn.app.Cli;
import org.insyn.app.VerifyCommand;
import org.insyn.core.model.Capture;
import org.insyn.core.model.NoticeChannel;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Role;
import org.insyn.core.model.SearchMode;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;
import org.insyn.core.service.AuditTrail.ChainHead;
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
        provider = Services.await(WorkspaceProvider.class, 20_000);
    }

    int verify(String... args) {
        return new Cli("1", List.of(new VerifyCommand(() -> provider, env, Locale.ENGLISH))).run(
                java.util.stream.Stream.concat(java.util.stream.Stream.of("verify"), java.util.Arrays.stream(args)).toList(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** A workspace with a case, a transparency note, a justification and a capture; returns the capture. */
    Capture workspace() {
        try (Workspace ws = provider.open(WorkspaceConfig.embedded(dir, "pass ord".toCharArray()))) {
            ws.saveUser("admin", new User("admin", "Admin", Set.of(Role.ADMINISTRATOR), Set.of(), true));
            ws.saveUnit("admin", new Unit("north", "IFO Nord", ReviewPolicy.AFTER));
            ws.saveUser("admin", new User("anna", "Anna", Set.of(Role.INVESTIGATOR), Set.of("north"), true));
            Session anna = ws.session("anna");
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
        env.put("INSYN_PASSPHRASE", "pass ord");
        assertEquals(0, verify("--workspace", dir.toString()), err::toString);
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Clean: 7 audit entries and 1 blobs checked."), text);
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
        env.put("INSYN_PASSPHRASE", "pass ord");
        assertEquals(1, verify("--workspace", dir.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("BLOB_CHANGED blob " + c.manifestSha256() + ": capture " + c.id()),
                out::toString);
    }

    @Test
    void R16_aHeadTheChainNoLongerReachesIsAFinding() {
        workspace();
        env.put("INSYN_PASSPHRASE", "pass ord");
        ChainHead forged = new ChainHead(9, "ab".repeat(32));
        assertEquals(1, verify("--workspace", dir.toString(), "--head", forged.seq() + ":" + forged.hash()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("HEAD_MISSING audit #9"), out::toString);
    }

    @Test
    void missingWorkspaceOrPassphraseIsSaidClearly() {
        assertEquals(Cli.USAGE, verify());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--workspace DIR or set INSYN_WORKSPACE"), err::toString);
        workspace();
        err.reset();
        assertEquals(Cli.USAGE, verify("--workspace", dir.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("INSYN_PASSPHRASE"), err::toString);
        err.reset();
        env.put("INSYN_PASSPHRASE", "fel");
        assertEquals(1, verify("--workspace", dir.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("passphrase does not open"), err::toString);
        err.reset();
        assertEquals(Cli.USAGE, verify("--workspace", dir.resolve("nowhere").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no Insyn workspace"), err::toString);
    }
}
