package org.insyn.index.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.insyn.core.InsynException;
import org.insyn.core.Messages;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.Relevance;
import org.insyn.core.service.IndexedItem.Kind;
import org.insyn.core.service.SearchQuery;
import org.insyn.core.service.SearchResults;
import org.insyn.core.service.SearchResults.Found;
import org.insyn.index.internal.IndexService;
import org.insyn.index.internal.LuceneIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Swedish and English analysis, query syntax, filters, order and highlighting on a real encrypted index. */
class SearchTest {
    @TempDir
    Path dir;
    private LuceneIndex index;

    @BeforeEach
    void open() throws Exception {
        index = new LuceneIndex(IndexService.directory(dir, Disk.KEY));
        index.put(Items.note(1, 10, "Flickornas bostad i Rinkeby verkar trångbodd. Anna Östlund ringde om skolan."));
        index.put(Items.note(2, 10, "Östlund har inte svarat. Anna från skolan hörde av sig.", RecordClass.MINOR_IMPORTANCE,
                "2026-04-01T10:00:00Z"));
        index.put(Items.note(3, 20, "The young person was running a channel about gaming.", RecordClass.REGISTERED,
                "2026-02-01T10:00:00Z"));
        index.put(Items.hit(4, 10, "Tråd om fritidsgården", "Inlägg av en användare om missbruket i området", "xX_dark_angel92",
                Relevance.RELEVANT));
        index.put(Items.hit(5, 20, "Ovidkommande tråd", "Något helt annat om <script>alert(1)</script> och missbruk", "nisse",
                Relevance.UNREVIEWED));
        index.put(Items.capture(6, 10, "Åsas blogg", "Åsa skriver om sin ekonomiska situation och familjens bostad."));
    }

    @AfterEach
    void close() {
        index.close();
    }

    private List<Long> ids(SearchQuery query) {
        return index.search(query).found().stream().map(Found::id).toList();
    }

    private List<Long> ids(String text) {
        return ids(SearchQuery.of(text));
    }

    @Test
    void swedishStemmingFindsOtherFormsOfAWord() {
        assertEquals(List.of(1L), ids("flicka"));
        assertEquals(Set.of(1L, 6L), Set.copyOf(ids("bostaden")));
        assertEquals(Set.of(4L, 5L), Set.copyOf(ids("missbruk")));
    }

    @Test
    void englishStemmingFindsOtherFormsOfAWord() {
        assertEquals(List.of(3L), ids("runs"));
        assertEquals(List.of(3L), ids("channels"));
    }

    @Test
    void exactFieldFindsNicknamesAndNamesWithOrWithoutSwedishLetters() {
        assertEquals(List.of(4L), ids("xX_dark_angel92"));
        assertEquals(Set.of(1L, 2L), Set.copyOf(ids("Östlund")));
        assertEquals(Set.of(1L, 2L), Set.copyOf(ids("ostlund")));
        assertEquals(List.of(6L), ids("åsa"));
        assertEquals(List.of(6L), ids("ÅSA"));
    }

    @Test
    void phraseFindsOnlyTheWordsTogether() {
        assertEquals(List.of(1L), ids("\"Anna Östlund\""));
        assertEquals(Set.of(1L, 2L), Set.copyOf(ids("Anna Östlund")));
    }

    @Test
    void prefixAndFuzzyQueries() {
        assertEquals(Set.of(1L, 2L), Set.copyOf(ids("Östl*")));
        assertEquals(List.of(4L), ids("xX_dark*"));
        assertEquals(Set.of(1L, 2L), Set.copyOf(ids("Östlumd~")));
        assertEquals(List.of(), ids("Östlumd"));
    }

    @Test
    void filtersByCaseKindRelevanceRecordClassAndDate() {
        SearchQuery missbruk = SearchQuery.of("missbruk");
        assertEquals(List.of(4L), ids(missbruk.inCases(Set.of(10L))));
        assertEquals(List.of(4L), ids(missbruk.withRelevance(Relevance.RELEVANT)));
        SearchQuery bostad = SearchQuery.of("bostad");
        assertEquals(List.of(6L), ids(bostad.ofKinds(Set.of(Kind.CAPTURE))));
        assertEquals(List.of(1L), ids(bostad.ofKinds(Set.of(Kind.NOTE, Kind.HIT))));
        SearchQuery skolan = SearchQuery.of("skolan");
        assertEquals(List.of(2L), ids(skolan.withRecordClass(RecordClass.MINOR_IMPORTANCE)));
        assertEquals(List.of(2L), ids(skolan.between(Optional.of(Instant.parse("2026-03-15T00:00:00Z")), Optional.empty())));
        assertEquals(List.of(1L), ids(skolan.between(Optional.empty(), Optional.of(Instant.parse("2026-04-01T10:00:00Z")))));
        assertEquals(List.of(), ids(skolan.inCases(Set.of(20L))));
    }

    @Test
    void sortsByRelevanceOrByDate() {
        // Note 1 names Anna Östlund together, note 2 is newer.
        assertEquals(List.of(1L, 2L), ids(SearchQuery.of("\"Anna Östlund\" OR Östlund")));
        assertEquals(List.of(2L, 1L), ids(SearchQuery.of("\"Anna Östlund\" OR Östlund").sortedBy(SearchQuery.Order.NEWEST_FIRST)));
        SearchResults two = index.search(SearchQuery.of("Östlund").limit(1));
        assertEquals(2, two.total());
        assertTrue(two.exact());
        assertEquals(1, two.found().size());
    }

    @Test
    void snippetsMarkTheMatchingWordsAndEscapeTheText() {
        Found note = index.search(SearchQuery.of("flicka")).found().get(0);
        assertTrue(note.snippet().contains("<mark>Flickornas</mark> bostad"), note.snippet());
        Found hit = index.search(SearchQuery.of("missbruk").inCases(Set.of(20L))).found().get(0);
        assertTrue(hit.snippet().contains("&lt;script&gt;"), hit.snippet());
        assertFalse(hit.snippet().contains("<script>"), hit.snippet());
        assertTrue(hit.snippet().contains("<mark>missbruk</mark>"), hit.snippet());
        Found prefix = index.search(SearchQuery.of("Östl*").inCases(Set.of(10L)).sortedBy(SearchQuery.Order.NEWEST_FIRST)).found().get(0);
        assertTrue(prefix.snippet().contains("<mark>Östlund</mark>"), prefix.snippet());
        Found fuzzy = index.search(SearchQuery.of("Östlumd~").inCases(Set.of(10L)).sortedBy(SearchQuery.Order.NEWEST_FIRST)).found().get(0);
        assertTrue(fuzzy.snippet().contains("<mark>Östlund</mark>"), fuzzy.snippet());
        Found nick = index.search(SearchQuery.of("xX_dark_angel92")).found().get(0);
        assertEquals(Kind.HIT, nick.kind());
        assertEquals(Optional.of("https://forum.example.se/t/4"), nick.url());
        assertTrue(nick.snippet().contains("<mark>xX_dark_angel92</mark>"), nick.snippet());
    }

    @Test
    void everyChangeIsFoundAtOnce() {
        index.put(Items.note(1, 10, "Ny uppgift: familjen har flyttat till Kista."));
        assertEquals(List.of(1L), ids("Kista"));
        assertEquals(List.of(), ids("flicka"));
        assertEquals(6, index.size());
    }

    @Test
    void anUnreadableQueryIsRefusedWithAdviceInSwedishAndEnglish() {
        InsynException e = assertThrows(InsynException.class, () -> index.search(SearchQuery.of("\"Anna Östlund")));
        assertEquals(InsynException.Kind.INVALID, e.kind());
        assertTrue(e.message(Messages.SWEDISH).contains("citattecken"), e.message(Messages.SWEDISH));
        assertTrue(e.getMessage().contains("quotes"), e.getMessage());
    }
}
