package org.insyn.index.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.insyn.core.model.RecordClass;
import org.insyn.core.model.Relevance;
import org.insyn.core.service.IndexedItem;
import org.insyn.core.service.IndexedItem.Kind;
import org.insyn.core.service.SearchQuery;
import org.insyn.index.internal.IndexService;
import org.insyn.index.internal.LuceneIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** R3, R10, R14: what is deleted in the store leaves the index, the search results and the files on disk. */
class DeletionTest {

    @Test
    void R3_irrelevantHitIsGoneFromIndexAndFromItsFilesAfterExpunge(@TempDir Path dir) throws Exception {
        List<IndexedItem> items = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            items.add(Items.note(i, 10, "Anteckning " + i + ": familjen har fått besked om bostaden."));
        }
        items.add(Items.hit(10, 10, "Tråd på forumet", "Inlägg signerat Zlatanović om en helt annan person", "gnistan77",
                Relevance.UNREVIEWED));
        try (LuceneIndex index = new LuceneIndex(IndexService.directory(dir, Disk.KEY))) {
            // One segment holding all ten, as after a rebuild, so that removing one cannot drop a whole segment (and, at
            // a tenth deleted, Lucene's own merges leave it alone).
            index.rebuild(sink -> items.forEach(sink), items.size(), (done, total) -> { });
            assertEquals(1, index.search(SearchQuery.of("Zlatanović")).found().size());
            assertTrue(Disk.contains(Disk.decrypted(dir), "zlatanovi"));

            index.remove(Kind.HIT, 10);
            assertEquals(List.of(), index.search(SearchQuery.of("Zlatanović")).found());
            assertEquals(List.of(), index.search(SearchQuery.of("gnistan77")).found());
            assertEquals(9, index.size());
            // Removed from results, but Lucene only marks it deleted: the text is still in the segment.
            assertTrue(Disk.contains(Disk.decrypted(dir), "zlatanovi"));

            index.expungeRemoved();
            byte[] files = Disk.decrypted(dir);
            assertFalse(Disk.contains(files, "zlatanovi"));
            assertFalse(Disk.contains(files, "gnistan77"));
            assertTrue(Disk.contains(files, "bostad"), "the other items are still there");
            assertEquals(9, index.search(SearchQuery.of("bostad")).found().size());
        }
    }

    @Test
    void R10_weededNoteLeavesTheFilesWhenTheIndexCloses(@TempDir Path dir) throws Exception {
        try (LuceneIndex index = new LuceneIndex(IndexService.directory(dir, Disk.KEY))) {
            index.rebuild(sink -> {
                sink.accept(Items.note(1, 10, "Anteckning av ringa betydelse om Zlatanović.", RecordClass.MINOR_IMPORTANCE,
                        "2025-01-01T00:00:00Z"));
                for (int i = 2; i <= 10; i++) {
                    sink.accept(Items.note(i, 10, "Anteckning " + i + " som ska sparas i personakten."));
                }
            }, 10, (done, total) -> { });
            index.remove(Kind.NOTE, 1);
            assertTrue(Disk.contains(Disk.decrypted(dir), "zlatanovi"));
        }
        assertFalse(Disk.contains(Disk.decrypted(dir), "zlatanovi"));
        try (LuceneIndex reopened = new LuceneIndex(IndexService.directory(dir, Disk.KEY))) {
            assertEquals(List.of(), reopened.search(SearchQuery.of("Zlatanović")).found());
            assertEquals(9, reopened.size());
        }
    }

    @Test
    void R14_erasedCaseGoesWithEverythingItHeld(@TempDir Path dir) throws Exception {
        try (LuceneIndex index = new LuceneIndex(IndexService.directory(dir, Disk.KEY))) {
            index.rebuild(sink -> {
                sink.accept(Items.note(1, 10, "Klienten Zlatanović har skulder."));
                sink.accept(Items.hit(2, 10, "Forumtråd", "Inlägg om skulder", "gnistan77", Relevance.RELEVANT));
                sink.accept(Items.capture(3, 10, "Bloggen", "Text om skulder och bostaden"));
                for (int i = 4; i <= 12; i++) {
                    sink.accept(Items.note(i, 20, "Anteckning " + i + " i ett annat ärende om skulder."));
                }
            }, 12, (done, total) -> { });
            index.removeCase(10);
            index.expungeRemoved();
            assertEquals(9, index.search(SearchQuery.of("skulder")).found().size());
            assertEquals(List.of(), index.search(SearchQuery.of("skulder").inCases(java.util.Set.of(10L))).found());
            byte[] files = Disk.decrypted(dir);
            assertFalse(Disk.contains(files, "zlatanovi"));
            assertFalse(Disk.contains(files, "gnistan77"));
            assertFalse(Disk.contains(files, "bloggen"));
        }
    }
}
