package org.insyn.index.internal;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.sv.SwedishLightStemFilter;

/**
 * How text is cut into words. Each text is indexed three ways: Swedish (light stemming, so "flickornas" finds
 * "flicka"), English (Porter stemming) and exact (no stemming, for names and nicknames; å, ä and ö are kept and also
 * folded, so "Ostlund" typed without dots still finds "Östlund").
 */
public final class Analysis {
    /** Everything searchable of an item, analysed in Swedish; {@link #EN} and {@link #EXACT} are the other two. */
    static final String ALL = "all";
    static final String EN = "all.en";
    static final String EXACT = "all.exact";
    /** The title alone, in Swedish, so that a match there weighs more. */
    static final String TITLE = "title";

    private Analysis() {
    }

    /** The analyzer for every field of the index: Swedish unless the field name says otherwise. */
    public static Analyzer create() {
        Analyzer exact = exact();
        Analyzer english = new EnglishAnalyzer();
        return new PerFieldAnalyzerWrapper(swedish(), Map.of(EN, english, EXACT, exact));
    }

    static Analyzer swedish() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream result = new LowerCaseFilter(source);
                result = new StopFilter(result, SwedishAnalyzer.getDefaultStopSet());
                return new TokenStreamComponents(source, new SwedishLightStemFilter(result));
            }

            @Override
            protected TokenStream normalize(String field, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }

    static Analyzer exact() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source), true));
            }

            @Override
            protected TokenStream normalize(String field, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }
}
