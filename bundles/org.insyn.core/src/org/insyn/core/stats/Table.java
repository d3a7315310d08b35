package org.insyn.core.stats;

import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * R13: a two-way table of case counts with row and column totals, as it may be shown: a suppressed cell has no
 * value. Built by {@link Statistics}.
 */
public final class Table {
    private final Dimension rows;
    private final Dimension columns;
    private final List<String> rowKeys;
    private final List<String> columnKeys;
    /** (rows + 1) x (columns + 1): the last row and column are the totals. */
    private final int[][] counts;
    private final boolean[][] suppressed;

    Table(Dimension rows, Dimension columns, List<String> rowKeys, List<String> columnKeys, int[][] counts, boolean[][] suppressed) {
        this.rows = rows;
        this.columns = columns;
        this.rowKeys = List.copyOf(rowKeys);
        this.columnKeys = List.copyOf(columnKeys);
        this.counts = counts;
        this.suppressed = suppressed;
    }

    public Dimension rows() {
        return rows;
    }

    public Dimension columns() {
        return columns;
    }

    public List<String> rowKeys() {
        return rowKeys;
    }

    public List<String> columnKeys() {
        return columnKeys;
    }

    /** The number of cases in the cell, or empty when it is suppressed. */
    public Optional<Integer> cell(String row, String column) {
        return at(index(rowKeys, row), index(columnKeys, column));
    }

    public Optional<Integer> rowTotal(String row) {
        return at(index(rowKeys, row), columnKeys.size());
    }

    public Optional<Integer> columnTotal(String column) {
        return at(rowKeys.size(), index(columnKeys, column));
    }

    public Optional<Integer> total() {
        return at(rowKeys.size(), columnKeys.size());
    }

    /** Cell by index, totals at index {@code size}: for writers that walk the grid. */
    public Optional<Integer> at(int row, int column) {
        return suppressed[row][column] ? Optional.empty() : Optional.of(counts[row][column]);
    }

    /** The table as CSV, totals last, a suppressed cell written as {@code suppressed}. */
    public String toCsv(String totalLabel, String suppressedLabel) {
        StringBuilder out = new StringBuilder();
        StringJoiner head = new StringJoiner(",");
        head.add(rows.name() + "\\" + columns.name());
        columnKeys.forEach(head::add);
        head.add(totalLabel);
        out.append(head).append('\n');
        for (int r = 0; r <= rowKeys.size(); r++) {
            StringJoiner line = new StringJoiner(",");
            line.add(r < rowKeys.size() ? csv(rowKeys.get(r)) : totalLabel);
            for (int c = 0; c <= columnKeys.size(); c++) {
                line.add(at(r, c).map(String::valueOf).orElse(suppressedLabel));
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static int index(List<String> keys, String key) {
        int i = keys.indexOf(key);
        if (i < 0) {
            throw new IllegalArgumentException("no such row or column: " + key);
        }
        return i;
    }
}
