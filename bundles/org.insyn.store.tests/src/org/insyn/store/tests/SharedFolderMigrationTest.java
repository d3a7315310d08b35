package org.insyn.store.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

import org.insyn.core.InsynException;
import org.insyn.core.model.AuditAction;
import org.insyn.core.model.Capture;
import org.insyn.core.model.Justification;
import org.insyn.core.model.NoticeChannel;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Role;
import org.insyn.core.model.SearchMode;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;
import org.insyn.core.service.Session;
import org.insyn.core.service.VerifyReport;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.core.service.WorkspaceProvider;
import org.insyn.store.internal.Db;
import org.insyn.store.internal.StoreProvider;
import org.insyn.store.internal.StoreWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shared workspace as the previous version left it (accounts.keys and blob files in a folder every workstation
 * mounts, the rest on the server) is moved into the database once by an administrator; afterwards a workstation
 * needs only the database's address and an empty local folder, and everything reads and verifies as before (R9, R17).
 */
class SharedFolderMigrationTest {
    static final char[] PASSWORD = "ett-gemensamt-lösenord".toCharArray();

    @TempDir
    Path dir;

    @Test
    void R9_R17_aSharedFolderMovesIntoTheDatabaseAndWorkstationsNeedOnlyItsAddress() throws Exception {
        Path folder = dir.resolve("shared");
        WorkspaceConfig old = Postgres.config(folder);
        StoreProvider provider = new StoreProvider();
        byte[] page = "<html><body>Sidan som den var</body></html>".getBytes(StandardCharsets.UTF_8);
        long caseId;
        Capture capture;
        try (StoreWorkspace admin = (StoreWorkspace) provider.create(old,
                new User("admin", "Admin", Set.of(Role.ADMINISTRATOR), Set.of(), true), PASSWORD)) {
            admin.saveUnit(new Unit("north", "IFO Nord", ReviewPolicy.AFTER));
            admin.accounts().create(new User("anna", "Anna", Set.of(Role.INVESTIGATOR), Set.of("north"), true), PASSWORD);
            try (Workspace anna = provider.signIn(old, "anna", PASSWORD)) {
                Session s = anna.session();
                caseId = s.openCase("north", "Ärende").id();
                s.recordTransparencyNote(caseId, LocalDate.now(), NoticeChannel.LETTER, "Anna");
                Justification j = s.justify(Optional.of(caseId), "north", ReasonCategory.OTHER, "Dokumentera sidan.", SearchMode.CLIENT);
                String html = anna.blobs().put(new ByteArrayInputStream(page));
                String manifest = anna.blobs().put(new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)));
                capture = s.saveCapture(new Capture(0, caseId, j.id(), Optional.empty(), "http://127.0.0.1/", "http://127.0.0.1/", 200,
                        Instant.now(), "Europe/Stockholm", "anna", "insyn", Map.of("page.html", html), manifest, Optional.empty(),
                        RecordClass.CLIENT_FILE, true));
            }
            OldLayout.writeBack(admin, folder);
        }
        assertTrue(Files.exists(folder.resolve("accounts.keys")), "the previous version's shared folder");
        try (Workspace anna = provider.signIn(old, "anna", PASSWORD)) {
            assertArrayEquals(page, anna.blobs().open(capture.artifacts().get("page.html")).readAllBytes(), "read from the folder");
        }
        assertTrue(provider.isNew(Postgres.same(old, dir.resolve("empty"))), "before: a workstation without the folder finds nothing");

        InsynException refused = assertThrows(InsynException.class, () -> provider.moveIntoDatabase(old, "anna", PASSWORD));
        assertEquals(InsynException.Kind.REFUSED, refused.kind(), "only an administrator moves the folder");
        WorkspaceProvider.Moved moved = provider.moveIntoDatabase(old, "admin", PASSWORD);
        assertEquals(new WorkspaceProvider.Moved(2, 2), moved);
        assertFalse(Files.exists(folder.resolve("accounts.keys")), "the folder's key file is no longer used");
        assertEquals("store.nothingToMove",
                assertThrows(InsynException.class, () -> provider.moveIntoDatabase(old, "admin", PASSWORD)).key(), "once");

        // a workstation with nothing but the address and an empty local folder
        WorkspaceConfig annaDesk = Postgres.same(old, dir.resolve("anna-desk"));
        assertFalse(provider.isNew(annaDesk));
        try (Workspace anna = provider.signIn(annaDesk, "anna", PASSWORD)) {
            assertArrayEquals(page, anna.blobs().open(capture.artifacts().get("page.html")).readAllBytes(), "read from the database");
            assertEquals(List.of(capture.id()), anna.session().captures(caseId).stream().map(Capture::id).toList());
        }
        try (Workspace admin = provider.signIn(Postgres.same(old, dir.resolve("admin-desk")), "admin", PASSWORD)) {
            VerifyReport r = admin.verify();
            assertTrue(r.clean(), r.problems()::toString);
            assertEquals(2, r.blobsChecked());
            assertTrue(admin.audit().entries(Optional.empty(), 0, Integer.MAX_VALUE).stream()
                    .anyMatch(e -> e.action() == AuditAction.WORKSPACE_MIGRATED && e.detail().equals("accounts=2 blobs=2")));
        }
        // R9: the blob is still only for those who may see its case
        try (Workspace admin = provider.signIn(Postgres.same(old, dir.resolve("admin-desk")), "admin", PASSWORD)) {
            admin.saveUnit(new Unit("south", "IFO Syd", ReviewPolicy.AFTER));
            admin.accounts().create(new User("bo", "Bo", Set.of(Role.INVESTIGATOR), Set.of("south"), true), PASSWORD);
        }
        try (Workspace bo = provider.signIn(Postgres.same(old, dir.resolve("bo-desk")), "bo", PASSWORD)) {
            assertThrows(InsynException.class, () -> bo.blobs().open(capture.artifacts().get("page.html")).readAllBytes());
        }
    }

    /** Puts a shared workspace back into the previous version's layout: keys in accounts.keys, blobs in files. */
    static final class OldLayout {
        static void writeBack(StoreWorkspace owner, Path folder) throws Exception {
            Postgres.owner(owner, c -> {
                // accounts.keys as the previous version wrote it: per account its wrapped key and database login
                StringBuilder keys = new StringBuilder("# Insyn workspace accounts\n");
                Db.query(c, "SELECT user_id, wrapped, db_login FROM account_key ORDER BY user_id", rs -> keys.append(rs.getString(1))
                        .append(".key=").append(rs.getString(2)).append('\n').append(rs.getString(1)).append(".login=")
                        .append(rs.getString(3)).append('\n'));
                Files.writeString(folder.resolve("accounts.keys"), keys, StandardCharsets.ISO_8859_1);
                // blob files hold the same sealed bytes as the rows
                for (Object[] b : Db.query(c, "SELECT sha256, content FROM blob", rs -> new Object[] { rs.getString(1), rs.getBytes(2) })) {
                    String sha = (String) b[0];
                    Path f = folder.resolve("blobs").resolve(sha.substring(0, 2)).resolve(sha);
                    Files.createDirectories(f.getParent());
                    Files.write(f, (byte[]) b[1]);
                }
                Db.update(c, "DELETE FROM account_key");
                Db.update(c, "DELETE FROM blob");
                return null;
            });
        }
    }
}
