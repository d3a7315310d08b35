package org.insyn.core.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.insyn.core.InsynException;
import org.insyn.core.Rule;

/**
 * R13 "five or more": statistics for supervisors and management count cases, and show a count only when it
 * is at least the threshold. Primary suppression hides every smaller cell and total; complementary suppression
 * then hides further cells until no hidden cell can be worked out from the totals of its row or column, in any
 * of the tables exported together (they share their margins).
 */
public final class Statistics {
    public static final int MINIMUM_THRESHOLD = 5;

    /** The tables a statistics export holds: searches per unit by month, by reason and by outcome. */
    public static final List<Dimension[]> STANDARD = List.of(new Dimension[] { Dimension.UNIT, Dimension.MONTH },
            new Dimension[] { Dimension.UNIT, Dimension.REASON }, new Dimension[] { Dimension.UNIT, Dimension.OUTCOME });

    private final int threshold;

    public Statistics(int threshold) {
        if (threshold < MINIMUM_THRESHOLD) {
            throw InsynException.refused(Rule.R13, "stats.thresholdTooLow", threshold);
        }
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }

    /** The standard tables. */
    public List<Table> export(Collection<SearchFact> facts) {
        return tables(facts, STANDARD);
    }

    /** One table per pair of dimensions, suppressed together so that shared totals tell nothing either. */
    public List<Table> tables(Collection<SearchFact> facts, List<Dimension[]> splits) {
        List<Grid> grids = new ArrayList<>();
        for (Dimension[] split : splits) {
            grids.add(new Grid(split[0], split[1], facts));
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Grid g : grids) {
                changed |= g.complement();
            }
            changed |= shareMargins(grids);
        }
        return grids.stream().map(Grid::table).toList();
    }

    /** A total suppressed in one table is suppressed in every table that shows the same total. */
    private static boolean shareMargins(List<Grid> grids) {
        Set<String> hidden = new HashSet<>();
        for (Grid g : grids) {
            g.margins((key, index) -> {
                if (g.suppressed(index)) {
                    hidden.add(key);
                }
            });
        }
        boolean[] changed = { false };
        for (Grid g : grids) {
            g.margins((key, index) -> {
                if (hidden.contains(key) && !g.suppressed(index)) {
                    g.suppress(index);
                    changed[0] = true;
                }
            });
        }
        return changed[0];
    }

    /** Counts with totals in the last row and column, and which are suppressed. */
    private final class Grid {
        final Dimension rows;
        final Dimension columns;
        final List<String> rowKeys;
        final List<String> columnKeys;
        final int[][] counts;
        final boolean[][] suppressed;

        Grid(Dimension rows, Dimension columns, Collection<SearchFact> facts) {
            this.rows = rows;
            this.columns = columns;
            rowKeys = rows.keys(facts);
            columnKeys = columns.keys(facts);
            int nr = rowKeys.size();
            int nc = columnKeys.size();
            List<List<Set<String>>> cases = new ArrayList<>();
            for (int r = 0; r <= nr; r++) {
                List<Set<String>> line = new ArrayList<>();
                for (int c = 0; c <= nc; c++) {
                    line.add(new HashSet<>());
                }
                cases.add(line);
            }
            Map<String, Integer> ri = index(rowKeys);
            Map<String, Integer> ci = index(columnKeys);
            for (SearchFact f : facts) {
                int r = ri.get(rows.key(f));
                int c = ci.get(columns.key(f));
                // A cell counts cases: several searches in one case are one case.
                cases.get(r).get(c).add(f.caseKey());
                cases.get(r).get(nc).add(f.caseKey());
                cases.get(nr).get(c).add(f.caseKey());
                cases.get(nr).get(nc).add(f.caseKey());
            }
            counts = new int[nr + 1][nc + 1];
            suppressed = new boolean[nr + 1][nc + 1];
            for (int r = 0; r <= nr; r++) {
                for (int c = 0; c <= nc; c++) {
                    counts[r][c] = cases.get(r).get(c).size();
                    // Primary suppression; an empty cell is under five too, and hiding it also keeps it from
                    // revealing that a neighbour is small.
                    suppressed[r][c] = counts[r][c] < threshold;
                }
            }
        }

        private static Map<String, Integer> index(List<String> keys) {
            Map<String, Integer> m = new HashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                m.put(keys.get(i), i);
            }
            return m;
        }

        /** One pass of complementary suppression over every row and column; true if it hid anything. */
        boolean complement() {
            boolean changed = false;
            int nr = rowKeys.size();
            int nc = columnKeys.size();
            for (int r = 0; r <= nr; r++) {
                int[][] line = new int[nc + 1][];
                for (int c = 0; c <= nc; c++) {
                    line[c] = new int[] { r, c };
                }
                changed |= protect(line);
            }
            for (int c = 0; c <= nc; c++) {
                int[][] line = new int[nr + 1][];
                for (int r = 0; r <= nr; r++) {
                    line[r] = new int[] { r, c };
                }
                changed |= protect(line);
            }
            return changed;
        }

        /**
         * A line is cells plus their total (last). With one hidden cell it is worked out from the others; with a
         * visible total, what the hidden cells add up to (the total minus the shown cells) must not be small
         * either. Counts of cases need not add up (a case may fall in two cells), so the reader's subtraction is
         * what is checked, not the true sum.
         */
        private boolean protect(int[][] line) {
            boolean changed = false;
            int[] total = line[line.length - 1];
            while (true) {
                int hidden = 0;
                int hiddenInner = 0;
                int shownInner = 0;
                for (int i = 0; i < line.length; i++) {
                    boolean inner = i < line.length - 1;
                    if (suppressed(line[i])) {
                        hidden++;
                        hiddenInner += inner ? 1 : 0;
                    } else if (inner) {
                        shownInner += counts[line[i][0]][line[i][1]];
                    }
                }
                boolean exposed = hidden == 1
                        || (!suppressed(total) && hiddenInner > 0 && counts[total[0]][total[1]] - shownInner < threshold);
                if (!exposed) {
                    return changed;
                }
                int[] next = smallestVisible(line);
                if (next == null) {
                    return changed;
                }
                suppress(next);
                changed = true;
            }
        }

        /** The visible cell that costs least to hide: the smallest inner cell, the total only when none is left. */
        private int[] smallestVisible(int[][] line) {
            int[] best = null;
            for (int i = 0; i < line.length - 1; i++) {
                if (!suppressed(line[i]) && (best == null || counts[line[i][0]][line[i][1]] < counts[best[0]][best[1]])) {
                    best = line[i];
                }
            }
            if (best == null && !suppressed(line[line.length - 1])) {
                best = line[line.length - 1];
            }
            return best;
        }

        boolean suppressed(int[] at) {
            return suppressed[at[0]][at[1]];
        }

        void suppress(int[] at) {
            suppressed[at[0]][at[1]] = true;
        }

        /** The totals of this grid under a name shared by every grid showing the same total. */
        void margins(MarginVisitor visitor) {
            int nr = rowKeys.size();
            int nc = columnKeys.size();
            for (int r = 0; r < nr; r++) {
                visitor.visit(rows + "=" + rowKeys.get(r), new int[] { r, nc });
            }
            for (int c = 0; c < nc; c++) {
                visitor.visit(columns + "=" + columnKeys.get(c), new int[] { nr, c });
            }
            visitor.visit("*", new int[] { nr, nc });
        }

        Table table() {
            return new Table(rows, columns, rowKeys, columnKeys, counts, suppressed);
        }
    }

    @FunctionalInterface
    private interface MarginVisitor {
        void visit(String key, int[] at);
    }
}
