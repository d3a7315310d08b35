package org.insyn.index.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.lucene.store.Directory;
import org.insyn.core.service.SearchQuery;
import org.insyn.index.internal.IndexService;
import org.insyn.index.internal.LuceneIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index is derived data: it is rebuilt with progress, and a missing or damaged index is detected. */
class RebuildTest {

    @Test
    void rebuildReplacesEverythingAndReportsProgress(@TempDir Path dir) throws Exception {
        List<long[]> reports = new ArrayList<>();
        try (LuceneIndex index = new LuceneIndex(IndexService.directory(dir, Disk.KEY))) {
            index.put(Items.note(99, 1, "En gammal anteckning som inte längre finns i lagret."));
            long indexed = index.rebuild(sink -> {
                for (int i = 1; i <= 2500; i++) {
                    sink.accept(Items.note(i, i % 7, "Anteckning nummer " + i + " om hembesök i Skärholmen."));
                }
            }, 2500, (done, total) -> reports.add(new long[] { done, total }));
            assertEquals(2500, indexed);
            assertEquals(2500, index.size());
            assertEquals(List.of(), index.search(SearchQuery.of("gammal")).found());
            assertEquals(2500, index.search(SearchQuery.of("hembesöket Skärholmen").limit(3000)).found().size());
        }
        assertEquals(List.of(0L, 1000L, 2000L, 2500L), reports.stream().map(r -> r[0]).toList());
        assertTrue(reports.stream().allMatch(r -> r[1] == 2500));
    }

    @Test
    void missingIndexIsDetected(@TempDir Path dir) throws Exception {
        try (Directory directory = IndexService.directory(dir, Disk.KEY)) {
            assertFalse(LuceneIndex.isHealthy(directory));
        }
    }

    @Test
    void damagedIndexFileIsDetected(@TempDir Path dir) throws Exception {
        try (LuceneIndex index = new LuceneIndex(IndexService.directory(dir, Disk.KEY))) {
            index.rebuild(sink -> {
                for (int i = 1; i <= 200; i++) {
                    sink.accept(Items.note(i, 1, "Anteckning " + i + " om ett samtal med förskolan i Tensta."));
                }
            }, 200, (done, total) -> { });
        }
        try (Directory directory = IndexService.directory(dir, Disk.KEY)) {
            assertTrue(LuceneIndex.isHealthy(directory));
        }
        Path largest;
        try (Stream<Path> files = Files.list(dir.resolve("lucene"))) {
            largest = files.max(Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
        }
        try (FileChannel file = FileChannel.open(largest, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long middle = file.size() / 2;
            ByteBuffer one = ByteBuffer.allocate(1);
            file.read(one, middle);
            one.put(0, (byte) ~one.get(0)).rewind();
            file.write(one, middle);
        }
        try (Directory directory = IndexService.directory(dir, Disk.KEY)) {
            assertFalse(LuceneIndex.isHealthy(directory), largest.getFileName() + " was damaged");
        }
    }
}
