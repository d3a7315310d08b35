package org.insyn.ui.prefs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Unit;
import org.insyn.core.service.Workspace;
import org.insyn.ui.Texts;
import org.insyn.ui.Widgets;
import org.insyn.ui.dialogs.FormDialog;

/**
 * The workspace's units and their review policy (R2: a search waits for the supervisor's approval, or runs at once and
 * is reviewed after). New units and changes are saved with {@link Workspace#saveUnit}, audited; the store lets only an
 * administrator do it.
 */
final class UnitsPane implements Pane {
    private static final String KEY = PreferencesDialog.KEY + ".units";
    private static final ReviewPolicy[] POLICIES = ReviewPolicy.values();

    private final Workspace workspace;
    private final boolean administrator;
    /** Every unit as the table shows it, the changed and new ones included, by id. */
    private final Map<String, Unit> units = new LinkedHashMap<>();
    private final List<String> changed = new ArrayList<>();
    private Table table;
    private Text id;
    private Text unitName;
    private Combo policy;
    private boolean filling;

    UnitsPane(Workspace workspace, boolean administrator) {
        this.workspace = workspace;
        this.administrator = administrator;
    }

    @Override
    public String name() {
        return "units";
    }

    @Override
    public void create(Composite tab) {
        workspace.units().forEach(u -> units.put(u.id(), u));
        Composite body = Fields.body(tab);
        table = Fields.table(body, KEY + ".table", 140, 200, "prefs.units.id", "prefs.units.name", "prefs.units.policy");
        table.addListener(SWT.Selection, e -> fill());
        id = Fields.text(body, KEY + ".id", "prefs.units.id.label", "", 0);
        unitName = Fields.text(body, KEY + ".name", "prefs.units.name.label", "", 0);
        Label policyLabel = new Label(body, SWT.NONE);
        policyLabel.setText(Texts.get("prefs.units.policy.label"));
        policy = Widgets.key(new Combo(body, SWT.READ_ONLY), KEY + ".policy");
        for (ReviewPolicy p : POLICIES) {
            policy.add(Texts.get("prefs.units.policy." + p.name()));
        }
        policy.select(0);
        id.addListener(SWT.Modify, e -> edited());
        unitName.addListener(SWT.Modify, e -> edited());
        policy.addListener(SWT.Selection, e -> edited());
        Fields.note(body, KEY + ".note", Texts.get("prefs.units.note"));
        show();
        Fields.administratorsOnly(tab, body, KEY, administrator);
    }

    /** The units, then a last row for a new one. */
    private void show() {
        table.removeAll();
        units.values().forEach(u -> new TableItem(table, SWT.NONE)
                .setText(new String[] { u.id(), u.name(), Texts.get("prefs.units.policy." + u.reviewPolicy().name()) }));
        Widgets.key(new TableItem(table, SWT.NONE), KEY + ".newRow").setText(new String[] { "", Texts.get("prefs.units.newRow"), "" });
        table.setSelection(0);
        fill();
    }

    private boolean newRow() {
        return table.getSelectionIndex() == units.size();
    }

    /** The chosen unit into the fields; an existing unit's id is fixed, the new row's is typed. */
    private void fill() {
        int i = table.getSelectionIndex();
        if (i < 0) {
            return;
        }
        filling = true;
        if (newRow()) {
            id.setEditable(true);
            id.setText("");
            unitName.setText("");
            policy.select(ReviewPolicy.BEFORE.ordinal());
        } else {
            Unit u = new ArrayList<>(units.values()).get(i);
            id.setEditable(false);
            id.setText(u.id());
            unitName.setText(u.name());
            policy.select(u.reviewPolicy().ordinal());
        }
        filling = false;
    }

    /** The name or policy typed changes the chosen unit, or makes the new one (saved with the rest). */
    private void edited() {
        int i = table.getSelectionIndex();
        if (filling || i < 0) {
            return;
        }
        ReviewPolicy chosen = POLICIES[policy.getSelectionIndex()];
        TableItem item = table.getItem(i);
        if (newRow()) {
            item.setText(new String[] { id.getText().strip(), unitName.getText().strip(), Texts.get("prefs.units.policy." + chosen.name()) });
            return;
        }
        Unit now = new Unit(id.getText(), unitName.getText().strip(), chosen);
        units.put(now.id(), now);
        if (!changed.contains(now.id())) {
            changed.add(now.id());
        }
        item.setText(1, now.name());
        item.setText(2, Texts.get("prefs.units.policy." + now.reviewPolicy().name()));
    }

    /** The unit typed in the new row, if any. */
    private java.util.Optional<Unit> draft() {
        TableItem row = table.getItem(units.size());
        String newId = row.getText(0);
        if (newId.isEmpty()) {
            return java.util.Optional.empty();
        }
        if (units.containsKey(newId)) {
            throw new FormDialog.Invalid("prefs.units.exists", newId);
        }
        try {
            return java.util.Optional.of(new Unit(newId, row.getText(1), POLICIES[policyOf(row)]));
        } catch (IllegalArgumentException e) {
            throw new FormDialog.Invalid("prefs.units.badId", newId);
        }
    }

    private static int policyOf(TableItem row) {
        for (ReviewPolicy p : POLICIES) {
            if (Texts.get("prefs.units.policy." + p.name()).equals(row.getText(2))) {
                return p.ordinal();
            }
        }
        return ReviewPolicy.BEFORE.ordinal();
    }

    @Override
    public void check() {
        List<Unit> toSave = new ArrayList<>(changed.stream().map(units::get).toList());
        draft().ifPresent(toSave::add);
        for (Unit u : toSave) {
            if (u.name().isBlank()) {
                throw new FormDialog.Invalid("prefs.units.noName", u.id());
            }
        }
    }

    @Override
    public void save() {
        java.util.Optional<Unit> added = draft();
        for (String unitId : List.copyOf(changed)) {
            // audited as the signed-in administrator's (UNIT_SAVED); refused for anyone else (R9)
            workspace.saveUnit(units.get(unitId));
            changed.remove(unitId);
        }
        added.ifPresent(u -> {
            workspace.saveUnit(u);
            units.put(u.id(), u);
            show();
        });
    }
}
