package org.insyn.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.insyn.core.model.CaseFile;
import org.insyn.core.model.RecordClass;
import org.insyn.core.service.Retention;
import org.insyn.core.service.Session;
import org.insyn.core.service.WorkspaceConfig;
import org.junit.jupiter.api.Test;

/** The store suite on the embedded default: an AES-encrypted H2 file in the workspace. */
class H2StoreTest extends StoreContract {

    @Override
    WorkspaceConfig config(Path directory) {
        return WorkspaceConfig.embedded(directory);
    }

    @Override
    boolean rowSecurity() {
        return false;
    }

    @Test
    void R9_theDatabaseFileAndTheKeyFileHoldNoClearText() throws Exception {
        CaseFile c = anna.openCase("north", "Ärende om Kim Hemligsson");
        anna.saveSubject(c.id(), "Kim Hemligsson", List.of(), Optional.empty(), Optional.empty());
        close();
        for (Path f : new Path[] { dir.resolve("insyn.mv.db"), dir.resolve("accounts.keys") }) {
            String raw = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertFalse(raw.contains("Hemligsson"), f + " holds clear text");
            assertFalse(raw.contains("lösenord") || raw.contains("l\\u00f6senord") || raw.contains("anna-l"), f + " holds a password");
        }
        assertEquals("Kim Hemligsson", signIn("anna").session().subject(c.id()).orElseThrow().name());
    }

    @Test
    void R10_closingAfterWeedingRewritesTheFileWithoutTheOldCopiesOfTheWeededRows() throws Exception {
        ws.session().retention().setRule("north", RecordClass.MINOR_IMPORTANCE, Optional.of(0));
        long caseId = clientCase(anna, "north", true);
        // random text cannot be compressed: a file smaller than it cannot hold it
        Random random = new Random(20261124L);
        long weededChars = 0;
        for (int i = 0; i < 200; i++) {
            byte[] noise = new byte[6000];
            random.nextBytes(noise);
            String text = Base64.getEncoder().encodeToString(noise);
            weededChars += text.length();
            note(anna, caseId, text);
        }
        anna.closeCase(caseId);
        assertEquals(200, anna.retention().weed(Retention.Progress.NONE).notes());
        Path file = dir.resolve("insyn.mv.db");
        long open = Files.size(file);
        assertTrue(open > weededChars, "old chunks, never reused, still hold the weeded notes: " + open + " bytes");
        // anna's workspace weeded: closing it compacts the file (and ends the others' connections to it)
        close();
        long closed = Files.size(file);
        assertTrue(closed < weededChars / 2, "closed compacted: " + open + " -> " + closed + " bytes");

        ws = signIn("admin");
        assertTrue(ws.verify().clean(), ws.verify().problems()::toString);
        Session again = signIn("anna").session();
        assertEquals(List.of(), again.notes(caseId));
        assertEquals("Kim Andersson", again.subject(caseId).orElseThrow().name());
    }
}
