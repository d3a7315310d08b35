package org.insyn.web.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.insyn.core.InsynException;
import org.insyn.core.Messages;
import org.insyn.core.Rule;
import org.insyn.core.model.BuiltQuery;
import org.insyn.core.model.QueryRequest;
import org.insyn.core.model.SearchMode;
import org.insyn.web.internal.QueryBuilder;
import org.junit.jupiter.api.Test;

/** R6 and R8: the query is built the way 002 §4.3 and ch. 6 describe, and shown with its warnings before it runs. */
class QueryBuilderTest {
    private final QueryBuilder builder = new QueryBuilder();

    @Test
    void R6_fullNameInQuotesWithCityAndDistrict() {
        BuiltQuery q = builder.build(QueryRequest.client("  Berit   Beritsson ", Optional.of("Stockholm"), Optional.of("Rinkeby-Kista")));

        assertEquals("\"Berit Beritsson\" \"Stockholm\" \"Rinkeby-Kista\"", q.text());
        assertEquals(SearchMode.CLIENT, q.mode());
        assertTrue(q.warnings().isEmpty());
    }

    @Test
    void R6_theWorkersOwnQuotesDoNotBreakTheQuery() {
        assertEquals("\"Berit Beritsson\"", builder.build(QueryRequest.client("\u201dBerit Beritsson\u201d", Optional.empty(),
                Optional.of(" "))).text());
    }

    @Test
    void R6_aFullNameIsNeeded() {
        InsynException e = assertThrows(InsynException.class,
                () -> builder.build(QueryRequest.client("Berit", Optional.empty(), Optional.empty())));
        assertEquals("query.nameNeeded", e.key());
    }

    @Test
    void R6_furtherTermsOnlyWhenThereWereTooManyHits() {
        QueryRequest plain = QueryRequest.client("Berit Beritsson", Optional.of("Stockholm"), Optional.empty());
        QueryRequest withTerms = new QueryRequest(SearchMode.CLIENT, "Berit Beritsson", Optional.empty(), Optional.empty(),
                List.of("loppis"), false, "", Optional.empty());

        InsynException e = assertThrows(InsynException.class, () -> builder.build(withTerms));
        assertEquals(Optional.of(Rule.R6), e.rule());
        assertEquals("\"Berit Beritsson\" \"Stockholm\" loppis \"Rinkeby Lokalnytt\"",
                builder.build(plain.narrowedBy(List.of("loppis", "Rinkeby Lokalnytt"))).text());
    }

    @Test
    void R6_aVeryCommonNameIsWarnedAbout() {
        BuiltQuery common = builder.build(QueryRequest.client("Anna Andersson", Optional.of("Stockholm"), Optional.empty()));
        BuiltQuery commonPair = builder.build(QueryRequest.client("Maria Lindberg", Optional.empty(), Optional.empty()));
        BuiltQuery rare = builder.build(QueryRequest.client("Berit Beritsson", Optional.empty(), Optional.empty()));
        BuiltQuery commonGivenOnly = builder.build(QueryRequest.client("Anna Beritsson", Optional.empty(), Optional.empty()));

        assertEquals(List.of("query.commonName"), common.warnings().stream().map(BuiltQuery.Warning::key).toList());
        assertEquals(1, commonPair.warnings().size());
        assertTrue(rare.warnings().isEmpty());
        assertTrue(commonGivenOnly.warnings().isEmpty());
        assertTrue(common.warnings().get(0).message(Messages.SWEDISH).startsWith("Namnet Anna Andersson hör till de vanligaste i Sverige"));
        assertTrue(common.warnings().get(0).message(Locale.ENGLISH).startsWith("The name Anna Andersson is among the most common in Sweden"));
    }

    @Test
    void R8_outreachSearchesByTopicAndPlace() {
        BuiltQuery q = builder.build(QueryRequest.outreach("självskada", Optional.of("Rinkeby")));

        assertEquals("självskada \"Rinkeby\"", q.text());
        assertEquals(SearchMode.OUTREACH, q.mode());
        assertTrue(q.warnings().isEmpty());
        assertEquals(List.of("query.noPlace"), builder.build(QueryRequest.outreach("självskada", Optional.empty())).warnings().stream()
                .map(BuiltQuery.Warning::key).toList());
    }

    @Test
    void R8_outreachNeverNamesAPerson() {
        QueryRequest named = new QueryRequest(SearchMode.OUTREACH, "Berit Beritsson", Optional.empty(), Optional.empty(), List.of(),
                false, "självskada", Optional.of("Rinkeby"));

        InsynException e = assertThrows(InsynException.class, () -> builder.build(named));
        assertEquals(Optional.of(Rule.R8), e.rule());
        assertEquals("query.topicNeeded", assertThrows(InsynException.class,
                () -> builder.build(QueryRequest.outreach(" ", Optional.of("Rinkeby")))).key());
    }
}
