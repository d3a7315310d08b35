package org.insyn.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** The store in the materialized product, which finds it as a Declarative Services component: sign-in, accounts, verify, purge. */
class StoreProductTest {
    static final String PASSWORD = "produktens-lösenord";
    static final Map<String, String> ANNA = Map.of("INSYN_USER", "anna", "INSYN_PASSWORD", PASSWORD);

    @Test
    void R9_theFirstStartAsksForTheAdministratorWhoThenMakesUnitsAndAccounts(@TempDir Path workspace) throws Exception {
        Product.Run init = Product.insyn().answering(workspace, Map.of("INSYN_LANG", "en"),
                "admin\nAdministratören\nadmin-lösenord-1\nadmin-lösenord-1\n", "cli", "init");
        assertEquals(0, init.exitCode(), init.stdout() + init.stderr());
        assertFalse(init.stdout().contains("admin-lösenord"), "the password is never echoed: " + init.stdout());
        Map<String, String> admin = Map.of("INSYN_USER", "admin", "INSYN_PASSWORD", "admin-lösenord-1");
        Product.Run unit = Product.insyn().script(workspace, admin, "cli", "unit", "save", "north", "--name", "IFO Nord", "--review",
                "before");
        assertEquals(0, unit.exitCode(), unit.stdout() + unit.stderr());
        Product.Run account = Product.insyn().answering(workspace, admin, PASSWORD + "\n" + PASSWORD + "\n", "cli", "account", "create",
                "anna", "--name", "Anna", "--roles", "investigator", "--units", "north");
        assertEquals(0, account.exitCode(), account.stdout() + account.stderr());
        assertTrue(account.stdout().startsWith("anna\tAnna\tINVESTIGATOR\tnorth\t"), account.stdout());

        Product.Run verify = Product.insyn().script(workspace, ANNA, "cli", "verify");
        assertEquals(0, verify.exitCode(), verify.stdout() + verify.stderr());
        String terminal = init.stdout() + init.stderr() + verify.stdout() + verify.stderr();
        assertFalse(terminal.contains("Flyway") || terminal.contains("jdbc:") || terminal.contains("vector"),
                "no library log lines on the terminal: " + terminal);
    }

    /** A new workspace: an administrator, the unit north (weeding minor importance at once) and its investigator anna. */
    static WorkspaceConfig withAnna(Path workspace) {
        WorkspaceConfig config = WorkspaceConfig.embedded(workspace);
        try (Workspace admin = new StoreProvider().create(config, new User("admin", "Admin", Set.of(Role.ADMINISTRATOR), Set.of(), true),
                PASSWORD.toCharArray())) {
            admin.saveUnit(new Unit("north", "IFO Nord", ReviewPolicy.AFTER));
            admin.accounts().create(new User("anna", "Anna", Set.of(Role.INVESTIGATOR), Set.of("north"), true), PASSWORD.toCharArray());
            admin.session().retention().setRule("north", RecordClass.MINOR_IMPORTANCE, Optional.of(0));
        }
        return config;
    }

    @Test
    void R16_verifyInTheProductPassesACleanWorkspaceAndReportsAChangedBlob(@TempDir Path workspace) throws Exception {
        String hash;
        WorkspaceConfig config = withAnna(workspace);
        try (Workspace ws = new StoreProvider().signIn(config, "anna", PASSWORD.toCharArray())) {
            Session anna = ws.session();
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
        Product.Run clean = Product.insyn().script(workspace, ANNA, "cli", "verify");
        assertEquals(0, clean.exitCode(), clean.stdout() + clean.stderr());
        // the product speaks the machine's language: check the language-neutral head line "…: N:<hash>"
        assertTrue(clean.stdout().matches("(?s).*: \\d+:[0-9a-f]{64}\\s*"), clean.stdout());

        Path blob = workspace.resolve("blobs").resolve(hash.substring(0, 2)).resolve(hash);
        byte[] bytes = Files.readAllBytes(blob);
        bytes[bytes.length - 1] ^= 1;
        Files.write(blob, bytes);
        Product.Run changed = Product.insyn().script(workspace, ANNA, "cli", "verify");
        assertEquals(1, changed.exitCode(), changed.stdout() + changed.stderr());
        assertTrue(changed.stdout().contains("BLOB_CHANGED blob " + hash), changed.stdout());
        assertTrue(changed.stdout().contains("CAPTURE_MISMATCH capture 1/page.html"), changed.stdout());

        // no password in the environment and none on the (closed) input: the command says how to give one
        Product.Run noPassword = Product.insyn().script(workspace, Map.of("INSYN_USER", "anna"), "cli", "verify");
        assertEquals(2, noPassword.exitCode());
        assertTrue(noPassword.stderr().contains("INSYN_PASSWORD"), noPassword.stderr());
    }

    @Test
    void R10_purgeInTheProductWeedsWhatIsDueAndTheWorkspaceStillVerifies(@TempDir Path workspace) throws Exception {
        long caseId;
        WorkspaceConfig config = withAnna(workspace);
        try (Workspace ws = new StoreProvider().signIn(config, "anna", PASSWORD.toCharArray())) {
            Session anna = ws.session();
            caseId = anna.openCase("north", "Ärende").id();
            anna.saveNote(new Note(0, caseId, "anna", "Av ringa betydelse", RecordClass.MINOR_IMPORTANCE, List.of(), List.of(),
                    Instant.now(), Instant.now()));
            anna.closeCase(caseId);
        }
        Map<String, String> env = ANNA;
        Product.Run dryRun = Product.insyn().script(workspace, env, "cli", "purge", "--dry-run");
        assertEquals(0, dryRun.exitCode(), dryRun.stdout() + dryRun.stderr());
        // the product speaks the machine's language: "case 1 (north, closed …" or "ärende 1 (north, avslutat …"
        assertTrue(dryRun.stdout().contains(caseId + " (north, "), dryRun.stdout());
        Product.Run apply = Product.insyn().script(workspace, env, "cli", "purge", "--apply");
        assertEquals(0, apply.exitCode(), apply.stdout() + apply.stderr());
        try (Workspace ws = new StoreProvider().signIn(config, "anna", PASSWORD.toCharArray())) {
            assertEquals(List.of(), ws.session().notes(caseId));
        }
        Product.Run verify = Product.insyn().script(workspace, env, "cli", "verify");
        assertEquals(0, verify.exitCode(), verify.stdout() + verify.stderr());
        assertEquals(2, Product.insyn().script(workspace, env, "cli", "purge").exitCode());
    }
}
