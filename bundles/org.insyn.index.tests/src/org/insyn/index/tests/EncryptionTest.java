package org.insyn.index.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.lucene.store.Directory;
import org.insyn.core.service.SearchQuery;
import org.insyn.index.internal.IndexService;
import org.insyn.index.internal.LuceneIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** R9: the index on disk reveals no personal data; only the workspace's index key opens it. */
class EncryptionTest {

    @Test
    void R9_workspaceFilesHoldNoPersonnummerOrNameInClearText(@TempDir Path workspace) throws Exception {
        Path folder = workspace.resolve("index");
        try (LuceneIndex index = new LuceneIndex(IndexService.directory(folder, Disk.KEY))) {
            index.put(Items.note(1, 10, "Klienten " + Items.NAME + " (" + Items.PERSONNUMMER + ") har skulder hos kronofogden."));
            index.put(Items.capture(2, 10, Items.NAME + " – blogg", "Inlägg av " + Items.NAME + " om ekonomin."));
            assertEquals(1, index.search(SearchQuery.of("\"" + Items.PERSONNUMMER + "\"")).found().size());
        }
        // The test can fail: Lucene writes the words of the text in its terms dictionary, which the encryption must hide.
        byte[] plain = Disk.decrypted(folder);
        assertTrue(Disk.contains(plain, "19850312"));
        assertTrue(Disk.contains(plain, "zlatanovi"));
        assertTrue(Disk.contains(plain, "kerstin"));

        byte[] onDisk = Disk.raw(workspace);
        assertTrue(onDisk.length > 1000, "the index was written");
        for (String secret : new String[] { Items.PERSONNUMMER, "19850312", "850312", "Zlatanovi", "zlatanovi", "Kerstin",
                "kerstin", "kronofogden" }) {
            assertFalse(Disk.contains(onDisk, secret), secret + " is in clear text on disk");
        }
    }

    @Test
    void R9_anotherKeyCannotReadTheIndex(@TempDir Path folder) throws Exception {
        try (LuceneIndex index = new LuceneIndex(IndexService.directory(folder, Disk.KEY))) {
            index.put(Items.note(1, 10, "Anteckning om " + Items.NAME));
        }
        try (var files = Files.list(folder)) {
            assertEquals(List.of(folder.resolve("lucene")), files.toList(), "nothing but the encrypted files: no key, no salt");
        }
        try (Directory right = IndexService.directory(folder, Disk.KEY);
                Directory wrong = IndexService.directory(folder, Disk.OTHER_KEY)) {
            assertTrue(LuceneIndex.isHealthy(right));
            assertFalse(LuceneIndex.isHealthy(wrong));
        }
    }
}
