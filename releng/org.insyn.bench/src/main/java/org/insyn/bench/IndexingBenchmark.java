package org.insyn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.insyn.core.service.IndexedItem;
import org.insyn.index.internal.Analysis;
import org.insyn.index.internal.IndexService;
import org.insyn.index.internal.LuceneIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Indexing the same generated Swedish notes: Insyn's index (Swedish, English and exact analysis of each text, AES
 * encrypted files) against a raw Lucene IndexWriter with the same analyzer writing one plain text field.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class IndexingBenchmark {
    @Param("50000")
    public int notes;

    private final List<IndexedItem> items = new ArrayList<>();
    private Path dir;

    @Setup(Level.Trial)
    public void generate() {
        SwedishNotes.generate(notes, items::add);
    }

    @Setup(Level.Iteration)
    public void folder() throws IOException {
        dir = Files.createTempDirectory("insyn-bench-index");
    }

    @Benchmark
    public long baseline() throws IOException {
        try (FSDirectory directory = FSDirectory.open(dir);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(Analysis.create()))) {
            for (IndexedItem item : items) {
                Document d = new Document();
                d.add(new TextField("text", item.text(), Store.YES));
                writer.addDocument(d);
            }
            writer.commit();
            return writer.getDocStats().numDocs;
        }
    }

    @Benchmark
    public long insyn() throws IOException {
        try (LuceneIndex index = new LuceneIndex(IndexService.directory(dir, Workspaces.indexKey()))) {
            return index.rebuild(items::forEach, items.size(), (done, total) -> { });
        }
    }

    @Benchmark
    public long insynUnencrypted() throws IOException {
        try (LuceneIndex index = new LuceneIndex(FSDirectory.open(dir))) {
            return index.rebuild(items::forEach, items.size(), (done, total) -> { });
        }
    }

    @TearDown(Level.Iteration)
    public void clean() throws IOException {
        delete(dir);
    }

    static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
