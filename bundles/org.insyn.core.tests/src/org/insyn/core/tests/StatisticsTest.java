package org.insyn.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.insyn.core.InsynException;
import org.insyn.core.Rule;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.stats.Dimension;
import org.insyn.core.stats.SearchFact;
import org.insyn.core.stats.SearchOutcome;
import org.insyn.core.stats.Statistics;
import org.insyn.core.stats.Table;
import org.junit.jupiter.api.Test;

/** R13: five or more, with complementary suppression, on tables shown to supervisors. */
class StatisticsTest {
    static final YearMonth NOV = YearMonth.of(2026, 11);
    int nextCase;

    /** {@code cases} cases of one unit and reason, each searched once. */
    void add(List<SearchFact> facts, String unit, ReasonCategory reason, SearchOutcome outcome, YearMonth month, int cases) {
        for (int i = 0; i < cases; i++) {
            facts.add(new SearchFact(unit, reason, outcome, month, "case-" + nextCase++));
        }
    }

    @Test
    void R13_thresholdBelowFiveIsRefused() {
        InsynException e = assertThrows(InsynException.class, () -> new Statistics(4));
        assertEquals(Optional.of(Rule.R13), e.rule());
        assertEquals(7, new Statistics(7).threshold());
    }

    @Test
    void R13_cellsUnderFiveAreSuppressedAndTheirComplementToo() {
        List<SearchFact> facts = new ArrayList<>();
        add(facts, "kista", ReasonCategory.INCORRECT_INFORMATION, SearchOutcome.FINDINGS, NOV, 10);
        add(facts, "kista", ReasonCategory.CHILD_WELFARE, SearchOutcome.FINDINGS, NOV, 3);
        add(facts, "kista", ReasonCategory.KNOWN_ONLINE, SearchOutcome.NO_HITS, NOV, 8);
        add(facts, "kista", ReasonCategory.OTHER, SearchOutcome.NO_HITS, NOV, 6);
        add(facts, "kungsholmen", ReasonCategory.INCORRECT_INFORMATION, SearchOutcome.FINDINGS, NOV, 12);
        add(facts, "kungsholmen", ReasonCategory.CHILD_WELFARE, SearchOutcome.NOTHING_RELEVANT, NOV, 9);
        Table t = new Statistics(5).tables(facts, List.<Dimension[]>of(new Dimension[] { Dimension.UNIT, Dimension.REASON })).get(0);
        assertEquals(Optional.empty(), t.cell("kista", "CHILD_WELFARE"), "3 cases");
        assertEquals(Optional.of(27), t.rowTotal("kista"));
        // Kista's total is shown, so one more of its cells must go, or 27 - 10 - 8 - 6 would give the 3 away.
        assertEquals(Optional.empty(), t.cell("kista", "OTHER"), "the smallest other cell is the complement");
        assertEquals(Optional.of(10), t.cell("kista", "INCORRECT_INFORMATION"));
        assertEquals(Optional.of(21), t.rowTotal("kungsholmen"));
        assertEquals(Optional.empty(), t.cell("kista", "OUTREACH_CONTACT"), "an empty cell is under five too");
        noHiddenCellCanBeWorkedOut(t, 5);
    }

    @Test
    void R13_casesAreCountedNotSearches() {
        List<SearchFact> facts = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            facts.add(new SearchFact("kista", ReasonCategory.CHILD_WELFARE, SearchOutcome.FINDINGS, NOV, "one-case"));
        }
        add(facts, "kista", ReasonCategory.CHILD_WELFARE, SearchOutcome.FINDINGS, NOV, 3);
        Table t = new Statistics(5).export(facts).get(0);
        assertEquals(Optional.empty(), t.total(), "nine searches in one case plus three cases are four cases");
    }

    @Test
    void R13_aHigherThresholdSuppressesMore() {
        List<SearchFact> facts = new ArrayList<>();
        add(facts, "kista", ReasonCategory.CHILD_WELFARE, SearchOutcome.FINDINGS, NOV, 6);
        add(facts, "kista", ReasonCategory.OTHER, SearchOutcome.FINDINGS, NOV.plusMonths(1), 20);
        assertEquals(Optional.of(6), new Statistics(5).export(facts).get(0).cell("kista", "2026-11"));
        Table strict = new Statistics(10).export(facts).get(0);
        assertEquals(Optional.empty(), strict.cell("kista", "2026-11"));
        noHiddenCellCanBeWorkedOut(strict, 10);
    }

    /** Random months of a city's searches: in every table no hidden cell can be computed from what is shown. */
    @Test
    void R13_noSuppressedCellCanBeComputedFromTotalsInAnyTable() {
        Random random = new Random(20261124);
        String[] units = { "kista", "kungsholmen", "spanga", "sodermalm", "skarholmen" };
        for (int round = 0; round < 50; round++) {
            List<SearchFact> facts = new ArrayList<>();
            int n = 20 + random.nextInt(200);
            for (int i = 0; i < n; i++) {
                facts.add(new SearchFact(units[random.nextInt(units.length)], ReasonCategory.values()[random.nextInt(5)],
                        SearchOutcome.values()[random.nextInt(SearchOutcome.values().length)], NOV.minusMonths(random.nextInt(6)), "c" + random.nextInt(n)));
            }
            List<Table> tables = new Statistics(5).export(facts);
            Map<String, Integer> unitTotals = new HashMap<>();
            for (Table t : tables) {
                noHiddenCellCanBeWorkedOut(t, 5);
                for (String unit : t.rowKeys()) {
                    Optional<Integer> total = t.rowTotal(unit);
                    Integer seen = unitTotals.putIfAbsent(unit, total.orElse(-1));
                    assertTrue(seen == null || seen.equals(total.orElse(-1)), "a unit's total is shown in all tables or in none");
                }
            }
        }
    }

    /**
     * What someone reading the table can do: in a row or column whose total is shown, subtract the shown cells.
     * That must never isolate one hidden cell, nor leave a hidden sum that is itself under the threshold.
     */
    static void noHiddenCellCanBeWorkedOut(Table t, int threshold) {
        int nr = t.rowKeys().size();
        int nc = t.columnKeys().size();
        for (int r = 0; r <= nr; r++) {
            for (int c = 0; c <= nc; c++) {
                t.at(r, c).ifPresent(v -> assertTrue(v >= threshold, "a shown count is at least " + threshold + ": " + v));
            }
        }
        for (int r = 0; r <= nr; r++) {
            Optional<Integer> total = t.at(r, nc);
            if (total.isPresent()) {
                int hidden = 0;
                int shown = 0;
                for (int c = 0; c < nc; c++) {
                    Optional<Integer> v = t.at(r, c);
                    hidden += v.isEmpty() ? 1 : 0;
                    shown += v.orElse(0);
                }
                assertFalse(hidden == 1, "row " + r + ": one hidden cell is its total minus the others");
                assertFalse(hidden > 1 && total.get() - shown < threshold, "row " + r + ": the hidden cells add up to under " + threshold);
            }
        }
        for (int c = 0; c <= nc; c++) {
            Optional<Integer> total = t.at(nr, c);
            if (total.isPresent()) {
                int hidden = 0;
                int shown = 0;
                for (int r = 0; r < nr; r++) {
                    Optional<Integer> v = t.at(r, c);
                    hidden += v.isEmpty() ? 1 : 0;
                    shown += v.orElse(0);
                }
                assertFalse(hidden == 1, "column " + c + ": one hidden cell is its total minus the others");
                assertFalse(hidden > 1 && total.get() - shown < threshold, "column " + c + ": the hidden cells add up to under " + threshold);
            }
        }
    }
}
