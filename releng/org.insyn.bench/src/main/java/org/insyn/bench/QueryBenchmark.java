package org.insyn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.insyn.core.model.RecordClass;
import org.insyn.core.service.SearchQuery;
import org.insyn.core.service.SearchResults;
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
 * Query latency (p50, p99 in the table) over 100 000 and 1 000 000 generated Swedish notes: Insyn's search (all
 * analyses, filters, highlighted snippets of the best 20, encrypted files) against a raw IndexSearcher running the
 * same words on one plain text field. The setup prints how long Insyn's rebuild of the index took.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
public class QueryBenchmark {
    private static final List<SearchQuery> QUERIES = List.of(
            SearchQuery.of("skulder kronofogden"),
            SearchQuery.of("\"Anna Östlund\""),
            SearchQuery.of("Östl*").inCases(Set.of(7L, 42L, 1999L)),
            SearchQuery.of("missbruket Rinkeby").withRecordClass(RecordClass.CLIENT_FILE),
            SearchQuery.of("Johanson~ förskolan").sortedBy(SearchQuery.Order.NEWEST_FIRST),
            SearchQuery.of("orosanmälan barnens").between(Optional.of(java.time.Instant.parse("2025-01-01T00:00:00Z")),
                    Optional.of(java.time.Instant.parse("2025-07-01T00:00:00Z"))),
            SearchQuery.of("Fatima Hassan Tensta"),
            SearchQuery.of("försäkringskassan beslut överklagande"));

    @Param({ "100000", "1000000" })
    public int notes;

    private Path dir;
    private LuceneIndex index;
    private FSDirectory rawDirectory;
    private DirectoryReader rawReader;
    private IndexSearcher raw;
    private List<Query> rawQueries;
    private int next;

    @Setup(Level.Trial)
    public void build() throws Exception {
        dir = Files.createTempDirectory("insyn-bench-query");
        index = new LuceneIndex(IndexService.directory(dir.resolve("insyn"), Workspaces.indexKey()));
        long start = System.nanoTime();
        index.rebuild(sink -> SwedishNotes.generate(notes, sink), notes, (done, total) -> { });
        System.out.printf("%nInsyn rebuilt the index of %d notes in %.1f s%n", notes, (System.nanoTime() - start) / 1e9);

        Analyzer analyzer = Analysis.create();
        rawDirectory = FSDirectory.open(dir.resolve("raw"));
        try (IndexWriter writer = new IndexWriter(rawDirectory, new IndexWriterConfig(analyzer))) {
            SwedishNotes.generate(notes, item -> {
                Document d = new Document();
                d.add(new TextField("text", item.text(), Store.YES));
                try {
                    writer.addDocument(d);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        rawReader = DirectoryReader.open(rawDirectory);
        raw = new IndexSearcher(rawReader);
        QueryParser parser = new QueryParser("text", analyzer);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        rawQueries = QUERIES.stream().map(q -> {
            try {
                return parser.parse(q.text());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Benchmark
    public SearchResults insyn() {
        return index.search(QUERIES.get(next++ % QUERIES.size()).limit(20));
    }

    @Benchmark
    public TopDocs baseline() throws IOException {
        return raw.search(rawQueries.get(next++ % rawQueries.size()), 20);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        index.close();
        rawReader.close();
        rawDirectory.close();
        IndexingBenchmark.delete(dir);
    }
}
