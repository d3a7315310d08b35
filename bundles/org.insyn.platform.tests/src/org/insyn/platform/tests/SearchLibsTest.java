package org.insyn.platform.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** jsoup extracts page text and Lucene (codecs found through ServiceLoader) indexes it with Swedish stemming, in OSGi. */
class SearchLibsTest {

    @Test
    void jsoupTextOfHtml() {
        assertEquals("Hej världen", Jsoup.parse("<html><body><p>Hej <b>världen</b></p></body></html>").text());
    }

    @Test
    void luceneRoundTripWithSwedishStemming() throws Exception {
        Analyzer analyzer = new SwedishAnalyzer();
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
                add(w, "a", Jsoup.parse("<p>Barnen leker i parken</p>").text());
                add(w, "b", Jsoup.parse("<p>Ekonomiskt bistånd söks</p>").text());
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                List<String> ids = new ArrayList<>();
                for (ScoreDoc sd : searcher.search(new QueryParser("body", analyzer).parse("barn"), 10).scoreDocs) {
                    ids.add(searcher.storedFields().document(sd.doc).get("id"));
                }
                assertEquals(List.of("a"), ids);
            }
        }
    }

    private static void add(IndexWriter w, String id, String text) throws Exception {
        Document doc = new Document();
        doc.add(new StringField("id", id, Field.Store.YES));
        doc.add(new TextField("body", text, Field.Store.NO));
        w.addDocument(doc);
    }
}
