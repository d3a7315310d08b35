package org.insyn.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.insyn.core.model.Capture;
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

/** {@code insyn cli verify} in the materialized product, which finds the store as a Declarative Services component. */
class StoreProductTest {
    static final String PASSPHRASE = "produktens lösenfras";

    @Test
    void R16_verifyInTheProductPassesACleanWorkspaceAndReportsAChangedBlob(@TempDir Path workspace) throws Exception {
        String hash;
        try (Workspace ws = new StoreProvider().open(WorkspaceConfig.embedded(workspace, PASSPHRASE.toCharArray()))) {
            ws.saveUser("admin", new User("admin", "Admin", Set.of(Role.ADMINISTRATOR), Set.of(), true));
            ws.saveUnit("admin", new Unit("north", "IFO Nord", ReviewPolicy.AFTER));
            ws.saveUser("admin", new User("anna", "Anna", Set.of(Role.INVESTIGATOR), Set.of("north"), true));
            Session anna = ws.session("anna");
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
}
