package org.insyn.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.insyn.core.InsynException;
import org.insyn.core.model.CaseFile;
import org.insyn.core.model.RecordClass;
import org.insyn.core.service.Retention;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.store.internal.StoreProvider;
import org.insyn.store.internal.StoreWorkspace;
import org.junit.jupiter.api.Test;

/** The store suite on the embedded default: an AES-encrypted H2 file in the workspace. */
class H2StoreTest extends StoreContract {
    static final char[] PASSPHRASE = "korrekt häst batteri häftklammer".toCharArray();

    @Override
    WorkspaceConfig config(Path directory) {
        return WorkspaceConfig.embedded(directory, PASSPHRASE.clone());
    }

    @Test
    void R9_theDatabaseFileAndTheKeyFileHoldNoClearText() throws Exception {
        CaseFile c = anna.openCase("north", "Ärende om Kim Hemligsson");
        anna.saveSubject(c.id(), "Kim Hemligsson", List.of(), Optional.empty(), Optional.empty());
        ws.close();
        for (Path f : new Path[] { dir.resolve("insyn.mv.db"), dir.resolve("insyn-keys.properties") }) {
            String raw = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertFalse(raw.contains("Hemligsson"), f + " holds clear text");
            assertFalse(raw.contains("batteri"), f + " holds the passphrase");
        }
        ws = (StoreWorkspace) new StoreProvider().open(config(dir));
        assertEquals("Kim Hemligsson", ws.session("anna").subject(c.id()).orElseThrow().name());
    }

    @Test
    void R9_aWrongPassphraseIsRefusedWithAMessage() {
        ws.close();
        InsynException e = assertThrows(InsynException.class,
                () -> new StoreProvider().open(WorkspaceConfig.embedded(dir, "fel".toCharArray())));
        assertEquals(InsynException.Kind.INVALID, e.kind());
        assertTrue(e.getMessage().contains("passphrase"), e.getMessage());
        ws = (StoreWorkspace) new StoreProvider().open(config(dir));
        assertTrue(ws.verify().clean());
    }

    @Test
    void R10_closingAfterWeedingRewritesTheFileWithoutTheOldCopiesOfTheWeededRows() throws Exception {
        ws.session("admin").retention().setRule("north", RecordClass.MINOR_IMPORTANCE, Optional.of(0));
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
        ws.close();
        long closed = Files.size(file);
        assertTrue(closed < weededChars / 2, "closed compacted: " + open + " -> " + closed + " bytes");

        ws = (StoreWorkspace) new StoreProvider().open(config(dir));
        assertTrue(ws.verify().clean(), ws.verify().problems()::toString);
        assertEquals(List.of(), ws.session("anna").notes(caseId));
        assertEquals("Kim Andersson", ws.session("anna").subject(caseId).orElseThrow().name());
    }
}
