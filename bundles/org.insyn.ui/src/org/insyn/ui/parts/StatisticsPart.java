package org.insyn.ui.parts;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.insyn.core.model.Role;
import org.insyn.core.model.Unit;
import org.insyn.core.service.Session;
import org.insyn.core.service.StoreEvent;
import org.insyn.core.service.Workspace;
import org.insyn.core.stats.Dimension;
import org.insyn.core.stats.SearchFact;
import org.insyn.core.stats.Statistics;
import org.insyn.core.stats.Table;
import org.insyn.ui.SignedIn;
import org.insyn.ui.Texts;
import org.insyn.ui.Widgets;

/**
 * R13: the searches of the supervisor's units per unit by month, by reason and by outcome, from
 * {@link Session#searchFacts}, as the store's five-or-more suppression leaves them: every cell counts cases, and a
 * suppressed cell shows as suppressed (in the table and as a hatched mark in the chart), never as a number.
 */
public class StatisticsPart extends OversightPart {
    static final String KEY = "org.insyn.ui.part.statistics";

    private Text from;
    private Text to;
    private Combo split;
    private org.eclipse.swt.widgets.Table grid;
    private StatisticsChart chart;
    private Label summary;
    private Computed computed;

    /** The suppressed tables of one read (in the order of {@link Statistics#STANDARD}), with the unit names. */
    private record Computed(List<Table> tables, Map<String, String> units, int searches) {
    }

    /** A search run or a triaged hit can change a search's outcome. */
    public StatisticsPart() {
        super(Set.of(Role.SUPERVISOR), "stats.forSupervisors", Set.of(StoreEvent.Type.SEARCH_RUN, StoreEvent.Type.HIT));
    }

    @PostConstruct
    public void createControls(Composite parent, @Optional SignedIn current) {
        Composite c = content(parent, KEY);
        c.setLayout(new GridLayout(1, false));
        Composite which = Ui.buttons(c, 1);
        Ui.label(which, "stats.split");
        split = Widgets.key(new Combo(which, SWT.READ_ONLY), KEY + ".split");
        Statistics.STANDARD.forEach(s -> split.add(Texts.get("stats.split." + s[1].name())));
        split.select(0);
        split.addListener(SWT.Selection, e -> show());
        GridData splitData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        splitData.widthHint = 260;
        split.setLayoutData(splitData);
        Ui.done(which);
        Composite period = Ui.buttons(c, 1);
        Ui.label(period, "stats.from");
        from = month(period, KEY + ".from");
        Ui.label(period, "stats.to");
        to = month(period, KEY + ".to");
        Ui.button(period, KEY + ".refresh", "stats.refresh", this::refresh);
        Ui.done(period);
        grid = Widgets.key(new org.eclipse.swt.widgets.Table(c, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE), KEY + ".table");
        grid.setHeaderVisible(true);
        grid.setLinesVisible(true);
        GridData gridData = new GridData(SWT.FILL, SWT.FILL, true, true);
        gridData.heightHint = 120;
        gridData.widthHint = 200;
        grid.setLayoutData(gridData);
        Label legend = Ui.status(c, KEY + ".legend", 1);
        legend.setText(Texts.get("stats.legend", Statistics.MINIMUM_THRESHOLD));
        chart = new StatisticsChart(c, KEY + ".chart");
        GridData chartData = new GridData(SWT.FILL, SWT.FILL, true, true);
        chartData.heightHint = 180;
        chartData.widthHint = 200;
        chart.control().setLayoutData(chartData);
        summary = Ui.status(c, KEY + ".summary", 1);
        follow(grid, current, from, to);
    }

    private Text month(Composite parent, String key) {
        Text t = Widgets.key(new Text(parent, SWT.BORDER), key);
        t.setMessage(Texts.get("stats.month.hint"));
        GridData d = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        t.setLayoutData(d);
        Ui.fitHint(t, 60);
        t.addListener(SWT.DefaultSelection, e -> refresh());
        return t;
    }

    @Override
    protected void clear() {
        computed = null;
        show();
    }

    @Override
    protected void reload() {
        java.util.Optional<YearMonth> first;
        java.util.Optional<YearMonth> last;
        try {
            first = parse(from.getText(), YearMonth::parse, "stats.badMonth");
            last = parse(to.getText(), YearMonth::parse, "stats.badMonth");
        } catch (IllegalArgumentException e) {
            summary.setText(e.getMessage());
            return;
        }
        Session session = signedIn.session();
        Workspace workspace = signedIn.workspace();
        read(Texts.get("stats.job"), monitor -> {
            // R13: the store refuses anyone but a supervisor, and gives only the facts of their own units
            List<SearchFact> facts = session.searchFacts(Ui.ZONE).stream()
                    .filter(f -> first.map(m -> !f.month().isBefore(m)).orElse(true))
                    .filter(f -> last.map(m -> !f.month().isAfter(m)).orElse(true)).toList();
            Map<String, String> units = workspace.units().stream().collect(Collectors.toMap(Unit::id, Unit::name));
            return new Computed(new Statistics(Statistics.MINIMUM_THRESHOLD).export(facts), units, facts.size());
        }, result -> {
            computed = result;
            show();
        });
    }

    private void show() {
        grid.setRedraw(false);
        try {
            grid.removeAll();
            for (TableColumn column : grid.getColumns()) {
                column.dispose();
            }
            if (computed == null) {
                summary.setText("");
                chart.show(null, Function.identity(), Function.identity());
                return;
            }
            Table table = computed.tables().get(split.getSelectionIndex());
            Function<String, String> rowName = id -> computed.units().getOrDefault(id, id);
            Function<String, String> columnName = key -> columnLabel(table.columns(), key);
            column(Texts.get("stats.unit"), 130, SWT.LEFT);
            table.columnKeys().forEach(k -> column(columnName.apply(k), table.columns() == Dimension.MONTH ? 70 : 110, SWT.RIGHT));
            column(Texts.get("stats.total"), 70, SWT.RIGHT);
            int rows = table.rowKeys().size();
            for (int r = 0; r <= rows; r++) {
                TableItem item = new TableItem(grid, SWT.NONE);
                item.setText(0, r < rows ? rowName.apply(table.rowKeys().get(r)) : Texts.get("stats.total"));
                for (int c = 0; c <= table.columnKeys().size(); c++) {
                    java.util.Optional<Integer> cell = table.at(r, c);
                    item.setText(c + 1, StatisticsChart.value(cell));
                    if (cell.isEmpty()) {
                        item.setForeground(c + 1, grid.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
                    }
                }
            }
            chart.show(table, rowName, columnName);
            summary.setText(computed.searches() == 0 ? Texts.get("stats.none") : Texts.get("stats.summary", computed.searches()));
        } finally {
            grid.setRedraw(true);
        }
    }

    private void column(String title, int width, int alignment) {
        TableColumn column = new TableColumn(grid, alignment);
        column.setText(title);
        column.setWidth(Math.max(width, Ui.textWidth(grid, title) + 28));
    }

    private static String columnLabel(Dimension dimension, String key) {
        return switch (dimension) {
            case REASON -> Texts.get("reason." + key);
            case OUTCOME -> Texts.get("stats.outcome." + key);
            default -> key;
        };
    }

}
