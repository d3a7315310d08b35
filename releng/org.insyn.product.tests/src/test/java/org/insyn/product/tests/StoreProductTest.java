package org.insyn.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.insyn.core.model.Capture;
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
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.store.internal.StoreProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code insyn cli verify} and {@code purge} in the materialized product, which finds the store as a Declarative Services component. */
class StoreProductTest {
    static final String PASSPHRASE = "produktens lösenfras";

    /** An administrator, the unit north and its investigator Anna, whose session it returns. */
    static Session anna(Workspace ws) {
        ws.saveUser("admin", new User("admin", "Admin", Set.of(Role.ADMINISTRATOR), Set.of(), true));
        ws.saveUnit("admin", new Unit("north", "IFO Nord", ReviewPolicy.AFTER));
        ws.saveUser("admin", new User("anna", "Anna", Set.of(Role.INVESTIGATOR), Set.of("north"), true));
        return ws.session("anna");
    }

    @Test
    void R16_verifyInTheProductPassesACleanWorkspaceAndReportsAChangedBlob(@TempDir Path workspace) throws Exception {
        String hash;
        try (Workspace ws = new StoreProvider().open(WorkspaceConfig.embedded(workspace, PASSPHRASE.toCharArray()))) {
            Session anna = anna(ws);
            long caseId = anna.openCase("north", "Ärende").id();
            anna.recordTransparencyNote(caseId, LocalDate.now(), NoticeChannel.LETTER, "Anna");
            long j = anna.justify(Optional.of(caseId), "north", ReasonCategory.OTHER, "Behov av kontroll i öppna källor.",
                    SearchMode.CLIENT).id();
            hash = ws.blobs().put(new ByteArrayInputStream("sidan".getBytes(StandardCharsets.UTF_8)));
            // verify also checks each capture against its manifest, so the capture carries one that lists the page
            String manifest = ws.blobs().put(new ByteArrayInputStream(("{\"artifacts\":[{\"name\":\"page.html\","
                    + "\"bytes\":5,\"sha256\":\"" + hash + "\"}]}").getBytes(StandardCharsets.UTF_8)));
            anna.saveCapture(new Capture(0, caseId, j, Optional.empty(), "http://127.0.0.1/", "http://127.0.0.1/", 200,
                    Instant.now(), "UTC", "anna", "test", Map.of("page.html", hash), manifest, Optional.empty(),
                    RecordClass.CLIENT_FILE, true));
        }
        Product.Run clean = Product.insyn().script(workspace, Map.of("INSYN_PASSPHRASE", PASSPHRASE), "cli", "verify");
        assertEquals(0, clean.exitCode(), clean.stdout() + clean.stderr());
        // the product speaks the machine's language: check the language-neutral head line "…: 7:<hash>"
        assertTrue(clean.stdout().matches("(?s).*: 7:[0-9a-f]{64}\\s*"), clean.stdout());

        Path blob = workspace.resolve("blobs").resolve(hash.substring(0, 2)).resolve(hash);
        byte[] bytes = Files.readAllBytes(blob);
        bytes[bytes.length - 1] ^= 1;
        Files.write(blob, bytes);
        Product.Run changed = Product.insyn().script(workspace, Map.of("INSYN_PASSPHRASE", PASSPHRASE), "cli", "verify");
        assertEquals(1, changed.exitCode(), changed.stdout() + changed.stderr());
        assertTrue(changed.stdout().contains("BLOB_CHANGED blob " + hash), changed.stdout());
        assertTrue(changed.stdout().contains("CAPTURE_MISMATCH capture 1/page.html"), changed.stdout());

        Product.Run noPassphrase = Product.insyn().script(workspace, "cli", "verify");
        assertEquals(2, noPassphrase.exitCode());
        assertTrue(noPassphrase.stderr().contains("INSYN_PASSPHRASE"), noPassphrase.stderr());
    }

    @Test
    void R10_purgeInTheProductWeedsWhatIsDueAndTheWorkspaceStillVerifies(@TempDir Path workspace) throws Exception {
        long caseId;
        try (Workspace ws = new StoreProvider().open(WorkspaceConfig.embedded(workspace, PASSPHRASE.toCharArray()))) {
            Session anna = anna(ws);
            ws.session("admin").retention().setRule("north", RecordClass.MINOR_IMPORTANCE, Optional.of(0));
            caseId = anna.openCase("north", "Ärende").id();
            anna.saveNote(new Note(0, caseId, "anna", "Av ringa betydelse", RecordClass.MINOR_IMPORTANCE, List.of(), List.of(),
                    Instant.now(), Instant.now()));
            anna.closeCase(caseId);
        }
        Map<String, String> env = Map.of("INSYN_PASSPHRASE", PASSPHRASE, "INSYN_USER", "anna");
        Product.Run dryRun = Product.insyn().script(workspace, env, "cli", "purge", "--dry-run");
        assertEquals(0, dryRun.exitCode(), dryRun.stdout() + dryRun.stderr());
        // the product speaks the machine's language: "case 1 (north, closed …" or "ärende 1 (north, avslutat …"
        assertTrue(dryRun.stdout().contains(caseId + " (north, "), dryRun.stdout());
        Product.Run apply = Product.insyn().script(workspace, env, "cli", "purge", "--apply");
        assertEquals(0, apply.exitCode(), apply.stdout() + apply.stderr());
        try (Workspace ws = new StoreProvider().open(WorkspaceConfig.embedded(workspace, PASSPHRASE.toCharArray()))) {
            assertEquals(List.of(), ws.session("anna").notes(caseId));
        }
        Product.Run verify = Product.insyn().script(workspace, env, "cli", "verify");
        assertEquals(0, verify.exitCode(), verify.stdout() + verify.stderr());
        assertEquals(2, Product.insyn().script(workspace, env, "cli", "purge").exitCode());
    }
}
