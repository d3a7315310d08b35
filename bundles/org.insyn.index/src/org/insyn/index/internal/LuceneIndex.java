package org.insyn.index.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.QueryTermScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.insyn.core.InsynException;
import org.insyn.core.service.IndexedItem;
import org.insyn.core.service.IndexedItem.Kind;
import org.insyn.core.service.SearchIndex.Progress;
import org.insyn.core.service.SearchQuery;
import org.insyn.core.service.SearchResults;
import org.insyn.core.service.SearchResults.Found;

/**
 * The Lucene index of notes, hits and captured pages over any directory. Each change is visible to the next search
 * at once (near-real-time reader) and committed, so what was removed stays removed after a crash (R3).
 */
public final class LuceneIndex implements AutoCloseable {
    private static final String KEY = "key";
    private static final String KIND = "kind";
    private static final String ID = "id";
    private static final String CASE = "case";
    private static final String UNIT = "unit";
    private static final String RELEVANCE = "relevance";
    private static final String RECORD_CLASS = "recordClass";
    private static final String DATE = "date";
    private static final String TEXT = "text";
    private static final String AUTHOR = "author";
    private static final String URL = "url";
    // Few fields, each holding all of an item's text, keep queries fast: every searched field is another disjunction.
    private static final String[] SEARCHED = { Analysis.ALL, Analysis.EN, Analysis.EXACT, Analysis.TITLE };
    // Exact words weigh more than stems, titles more than body text.
    private static final Map<String, Float> BOOSTS = Map.of(Analysis.EXACT, 1.5f, Analysis.TITLE, 2f);
    private static final int SNIPPET_CHARS = 160;
    // Highlighting prefix and fuzzy queries expands them for every document shown; expanding them once against the
    // index into their best terms is an order of magnitude faster.
    private static final MultiTermQuery.RewriteMethod HIGHLIGHT_REWRITE = new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(64);

    private final Directory directory;
    private final Analyzer analyzer = Analysis.create();
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;
    private boolean removedSinceExpunge;

    public LuceneIndex(Directory directory) throws IOException {
        this.directory = directory;
        openWriter();
    }

    private void openWriter() throws IOException {
        TieredMergePolicy merges = new TieredMergePolicy();
        // An expunge must leave no removed text behind, however few documents a segment lost.
        merges.setForceMergeDeletesPctAllowed(0);
        // No compound files: each kind of data keeps its own file, so the directory can hold the small, randomly read
        // ones decrypted in memory (EncryptedDirectory).
        merges.setNoCFSRatio(0);
        writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setOpenMode(OpenMode.CREATE_OR_APPEND)
                .setUseCompoundFile(false).setMergePolicy(merges).setRAMBufferSizeMB(64));
        searchers = new SearcherManager(writer, null);
    }

    public void put(IndexedItem item) {
        apply(List.of(item), List.of(), List.of());
    }

    public void remove(Kind kind, long id) {
        apply(List.of(), List.of(new Removal(kind, id)), List.of());
    }

    /** Removes everything of the case (R14 erasure). */
    public void removeCase(long caseId) {
        apply(List.of(), List.of(), List.of(caseId));
    }

    /** One item to remove. */
    public record Removal(Kind kind, long id) {
    }

    /** Puts and removes items and removes whole cases (R14 erasure), all in one commit. */
    public synchronized void apply(List<IndexedItem> puts, List<Removal> removals, List<Long> removedCases) {
        if (puts.isEmpty() && removals.isEmpty() && removedCases.isEmpty()) {
            return;
        }
        try {
            for (IndexedItem item : puts) {
                writer.updateDocument(key(item.kind(), item.id()), document(item));
            }
            for (Removal r : removals) {
                writer.deleteDocuments(key(r.kind(), r.id()));
            }
            for (long caseId : removedCases) {
                writer.deleteDocuments(LongField.newExactQuery(CASE, caseId));
            }
            removedSinceExpunge |= !removals.isEmpty() || !removedCases.isEmpty();
            publish();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    public synchronized void expungeRemoved() {
        try {
            writer.forceMergeDeletes(true);
            // The merged-away files go only once no reader holds them: refresh first, then commit deletes them.
            publish();
            writer.deleteUnusedFiles();
            removedSinceExpunge = false;
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /**
     * Replaces everything with the items the source hands over, reporting progress every thousand. Analysing the
     * texts is most of the work, and IndexWriter takes documents from several threads at once: the source's items
     * are analysed in batches on every core (the source's own thread helps when they are all busy).
     */
    public synchronized long rebuild(Consumer<Consumer<IndexedItem>> source, long total, Progress progress) {
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(threads * 2),
                Thread.ofPlatform().name("insyn-index-rebuild").daemon().factory(), new ThreadPoolExecutor.CallerRunsPolicy());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try {
            writer.deleteAll();
            long[] done = { 0 };
            List<List<Document>> batch = new ArrayList<>(List.of(new ArrayList<>()));
            progress.worked(0, total);
            source.accept(item -> {
                if (failure.get() instanceof IOException io) {
                    throw new UncheckedIOException(io);
                } else if (failure.get() instanceof RuntimeException r) {
                    throw r;
                }
                batch.get(0).add(document(item));
                if (batch.get(0).size() == REBUILD_BATCH) {
                    pool.execute(adding(batch.set(0, new ArrayList<>()), failure));
                }
                if (++done[0] % 1000 == 0) {
                    progress.worked(done[0], Math.max(done[0], total));
                }
            });
            adding(batch.get(0), failure).run();
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                // the last batches are still being analysed
            }
            if (failure.get() instanceof IOException io) {
                throw io;
            } else if (failure.get() instanceof RuntimeException r) {
                throw r;
            }
            publish();
            progress.worked(done[0], Math.max(done[0], total));
            return done[0];
        } catch (IOException | RuntimeException | InterruptedException e) {
            // No batch may still be adding while the writer rolls back.
            pool.shutdownNow();
            try {
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException again) {
                Thread.currentThread().interrupt();
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw abandon(e instanceof IOException io ? failed(io)
                    : e instanceof UncheckedIOException u ? failed(u.getCause())
                    : e instanceof InterruptedException ? failed(new java.io.InterruptedIOException("the rebuild was interrupted"))
                    : (RuntimeException) e);
        }
    }

    private static final int REBUILD_BATCH = 256;

    private Runnable adding(List<Document> documents, AtomicReference<Throwable> failure) {
        return () -> {
            try {
                for (Document d : documents) {
                    if (failure.get() != null) {
                        return;
                    }
                    writer.addDocument(d);
                }
            } catch (IOException | RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        };
    }

    /**
     * A rebuild that stops half-way (the workspace locked, the store failed) is rolled back: the index stays as it
     * was at its last commit, nothing half-written, and is ready again.
     */
    private RuntimeException abandon(RuntimeException why) {
        try {
            searchers.close();
            writer.rollback();
            openWriter();
        } catch (IOException e) {
            why.addSuppressed(e);
        }
        return why;
    }

    public long size() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** Everything in the index that matches, whoever it belongs to. */
    public SearchResults search(SearchQuery query) {
        return search(query, Optional.empty());
    }

    /** Only the items of these cases, and the hits of these units that belong to no case (R9). */
    public SearchResults search(SearchQuery query, Set<Long> cases, Set<String> units) {
        BooleanQuery.Builder visible = new BooleanQuery.Builder();
        if (!cases.isEmpty()) {
            visible.add(LongField.newSetQuery(CASE, cases.stream().mapToLong(Long::longValue).toArray()), Occur.SHOULD);
        }
        if (!units.isEmpty()) {
            visible.add(new BooleanQuery.Builder()
                    .add(new TermInSetQuery(UNIT, units.stream().map(BytesRef::new).toList()), Occur.FILTER)
                    .add(new FieldExistsQuery(CASE), Occur.MUST_NOT).build(), Occur.SHOULD);
        }
        if (cases.isEmpty() && units.isEmpty()) {
            parse(query.text());
            return new SearchResults(0, true, List.of());
        }
        return search(query, Optional.of(visible.build()));
    }

    private SearchResults search(SearchQuery query, Optional<Query> visible) {
        Query words = parse(query.text());
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Query filtered = filter(words, query, visible);
                TopDocs top = query.order() == SearchQuery.Order.NEWEST_FIRST
                        ? searcher.search(filtered, query.limit(), new Sort(new SortedNumericSortField(DATE, SortField.Type.LONG, true)))
                        : searcher.search(filtered, query.limit());
                StoredFields stored = searcher.storedFields();
                List<Found> found = new ArrayList<>();
                if (top.scoreDocs.length > 0) {
                    Snippets snippets = new Snippets(searcher, query.text());
                    for (ScoreDoc hit : top.scoreDocs) {
                        found.add(found(stored.document(hit.doc), hit.score, snippets));
                    }
                }
                return new SearchResults(top.totalHits.value(), top.totalHits.relation() == TotalHits.Relation.EQUAL_TO, found);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /** Checks every file's checksum: false when the index is missing, unreadable or corrupt. */
    public static boolean isHealthy(Directory directory) {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return false;
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                for (LeafReaderContext leaf : reader.leaves()) {
                    leaf.reader().checkIntegrity();
                }
                return true;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Closes the index; text removed since the last expunge leaves the files first (R3, R10). */
    @Override
    public synchronized void close() {
        try (Directory d = directory; IndexWriter w = writer; SearcherManager s = searchers) {
            if (removedSinceExpunge) {
                expungeRemoved();
            }
            writer.commit();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private void publish() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private Query parse(String text) {
        return parse(text, SEARCHED, MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE);
    }

    private Query parse(String text, String[] fields, MultiTermQuery.RewriteMethod rewrite) {
        MultiFieldQueryParser parser = new MultiFieldQueryParser(fields, analyzer, BOOSTS);
        parser.setMultiTermRewriteMethod(rewrite);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        try {
            return parser.parse(text);
        } catch (ParseException e) {
            throw InsynException.invalid("search.badQuery", text, firstLine(e.getMessage()));
        }
    }

    private static Query filter(Query words, SearchQuery query, Optional<Query> visible) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(words, Occur.MUST);
        visible.ifPresent(v -> b.add(v, Occur.FILTER));
        if (!query.caseIds().isEmpty()) {
            b.add(LongField.newSetQuery(CASE, query.caseIds().stream().mapToLong(Long::longValue).toArray()), Occur.FILTER);
        }
        if (!query.kinds().isEmpty()) {
            b.add(new TermInSetQuery(KIND, query.kinds().stream().map(k -> new BytesRef(k.name())).toList()), Occur.FILTER);
        }
        query.relevance().ifPresent(r -> b.add(new TermQuery(new Term(RELEVANCE, r.name())), Occur.FILTER));
        query.recordClass().ifPresent(r -> b.add(new TermQuery(new Term(RECORD_CLASS, r.name())), Occur.FILTER));
        if (query.from().isPresent() || query.to().isPresent()) {
            long from = query.from().map(Instant::toEpochMilli).orElse(Long.MIN_VALUE);
            long to = query.to().map(t -> t.toEpochMilli() - 1).orElse(Long.MAX_VALUE);
            b.add(LongField.newRangeQuery(DATE, from, to), Occur.FILTER);
        }
        return b.build();
    }

    private static Document document(IndexedItem item) {
        Document d = new Document();
        d.add(new StringField(KEY, key(item.kind(), item.id()).bytes(), Store.NO));
        d.add(new StringField(KIND, item.kind().name(), Store.YES));
        d.add(new StoredField(ID, item.id()));
        item.caseId().ifPresent(c -> d.add(new LongField(CASE, c, Store.YES)));
        item.unitId().ifPresent(u -> d.add(new StringField(UNIT, u, Store.NO)));
        item.relevance().ifPresent(r -> d.add(new StringField(RELEVANCE, r.name(), Store.NO)));
        item.recordClass().ifPresent(r -> d.add(new StringField(RECORD_CLASS, r.name(), Store.NO)));
        d.add(new LongField(DATE, item.date().toEpochMilli(), Store.YES));
        d.add(new TextField(Analysis.TITLE, item.title(), Store.YES));
        d.add(new StoredField(TEXT, item.text()));
        for (String field : new String[] { Analysis.ALL, Analysis.EN, Analysis.EXACT }) {
            d.add(new TextField(field, item.title(), Store.NO));
            d.add(new TextField(field, item.text(), Store.NO));
        }
        item.author().ifPresent(a -> {
            d.add(new StoredField(AUTHOR, a));
            d.add(new TextField(Analysis.EXACT, a, Store.NO));
        });
        item.url().ifPresent(u -> {
            d.add(new StoredField(URL, u));
            d.add(new TextField(Analysis.EXACT, u, Store.NO));
        });
        return d;
    }

    private Found found(Document d, float score, Snippets snippets) {
        String text = d.get(TEXT);
        String title = d.get(Analysis.TITLE);
        String snippet = snippets.best(Analysis.ALL, text)
                .or(() -> snippets.best(Analysis.EXACT, text))
                .or(() -> Optional.ofNullable(d.get(AUTHOR)).flatMap(a -> snippets.best(Analysis.EXACT, a)))
                .orElseGet(() -> new SimpleHTMLEncoder().encodeText(text.length() > SNIPPET_CHARS ? text.substring(0, SNIPPET_CHARS) + "…" : text));
        Optional<Long> caseId = Optional.ofNullable(d.getField(CASE)).map(f -> f.numericValue().longValue());
        return new Found(Kind.valueOf(d.get(KIND)), d.getField(ID).numericValue().longValue(), caseId, title,
                Optional.ofNullable(d.get(URL)), Instant.ofEpochMilli(d.getField(DATE).numericValue().longValue()),
                score, snippet);
    }

    /**
     * The snippets of one search: one highlighter per highlighted field, made once for all the hits shown and only
     * when a hit needs that field (most snippets come from the first). A query of words alone is scored by its terms,
     * taken from the query once; only a phrase needs the positions of each text's words (a span scorer per text),
     * which costs several times as much (docs/BENCHMARKS.md).
     */
    private final class Snippets {
        private final IndexSearcher searcher;
        private final String text;
        private final Map<String, Highlighter> highlighters = new java.util.HashMap<>();

        Snippets(IndexSearcher searcher, String text) {
            this.searcher = searcher;
            this.text = text;
        }

        /** The best fragment of the text with the query's words marked, as the field's analysis sees them. */
        Optional<String> best(String field, String text) {
            try {
                Highlighter highlighter = highlighters.get(field);
                if (highlighter == null) {
                    highlighter = highlighter(field);
                    highlighters.put(field, highlighter);
                }
                return Optional.ofNullable(highlighter.getBestFragment(analyzer, field, text));
            } catch (IOException | InvalidTokenOffsetsException e) {
                return Optional.empty();
            }
        }

        private static boolean hasPhrase(Query query) {
            boolean[] phrase = { false };
            query.visit(new QueryVisitor() {
                @Override
                public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                    phrase[0] |= parent instanceof PhraseQuery || parent instanceof MultiPhraseQuery;
                    return this;
                }
            });
            return phrase[0];
        }

        private Highlighter highlighter(String field) throws IOException {
            // Prefix and fuzzy words expanded once against the index into their best terms, for this field alone.
            Query words = searcher.rewrite(parse(text, new String[] { field }, HIGHLIGHT_REWRITE));
            SimpleHTMLFormatter marks = new SimpleHTMLFormatter("<mark>", "</mark>");
            if (hasPhrase(words)) {
                QueryScorer scorer = new QueryScorer(words, field);
                Highlighter h = new Highlighter(marks, new SimpleHTMLEncoder(), scorer);
                h.setTextFragmenter(new SimpleSpanFragmenter(scorer, SNIPPET_CHARS));
                return h;
            }
            Highlighter h = new Highlighter(marks, new SimpleHTMLEncoder(), new QueryTermScorer(words, field));
            h.setTextFragmenter(new SimpleFragmenter(SNIPPET_CHARS));
            return h;
        }
    }

    private static Term key(Kind kind, long id) {
        return new Term(KEY, kind.name() + ":" + id);
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static InsynException failed(IOException e) {
        return new InsynException(InsynException.Kind.STORAGE, Optional.empty(), e, "search.failed", e.getMessage());
    }
}
