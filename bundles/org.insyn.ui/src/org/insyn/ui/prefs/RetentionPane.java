package org.insyn.ui.prefs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.insyn.core.InsynException;
import org.insyn.core.model.CaseFile;
import org.insyn.core.model.LegalHold;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.RetentionRule;
import org.insyn.core.model.Role;
import org.insyn.core.model.Unit;
import org.insyn.core.service.Retention;
import org.insyn.ui.SignedIn;
import org.insyn.ui.Texts;
import org.insyn.ui.Widgets;
import org.insyn.ui.dialogs.FormDialog;
import org.insyn.ui.parts.Ui;

/**
 * R10: the retention schedule of the user's units (after how many days from its case's closing material of minor
 * importance is weeded; the other record classes are kept) and the legal holds of their cases. The schedule is a
 * supervisor's or an administrator's and is saved with the rest; a hold is placed or lifted at once, with its reason,
 * since it is an act on a case rather than a setting (the store says who may: anyone in the case places one, a
 * supervisor lifts it).
 */
final class RetentionPane implements Pane {
    private static final String KEY = PreferencesDialog.KEY + ".retention";

    private final SignedIn signedIn;
    private final Retention retention;
    private final List<RetentionRule> rules = new ArrayList<>();
    private final Map<String, Optional<Integer>> changed = new LinkedHashMap<>();
    private Map<String, String> unitNames = Map.of();
    private Table schedule;
    private Text days;
    private Table holds;
    private List<CaseFile> cases = List.of();
    private Text reason;
    private Label done;
    private boolean filling;

    RetentionPane(SignedIn signedIn) {
        this.signedIn = signedIn;
        this.retention = signedIn.session().retention();
    }

    @Override
    public String name() {
        return "retention";
    }

    private boolean mayChangeSchedule() {
        return signedIn.role() == Role.SUPERVISOR || signedIn.role() == Role.ADMINISTRATOR;
    }

    @Override
    public void create(Composite tab) {
        unitNames = signedIn.workspace().units().stream().collect(Collectors.toMap(Unit::id, Unit::name));
        Composite body = Fields.body(tab);
        schedule = Fields.table(body, KEY + ".schedule", 90, 200, "prefs.retention.unit", "prefs.retention.class", "prefs.retention.rule");
        schedule.addListener(SWT.Selection, e -> fill());
        days = Fields.text(body, KEY + ".days", "prefs.retention.days", "", 0);
        days.setMessage(Texts.get("prefs.retention.days.hint"));
        days.addListener(SWT.Modify, e -> edited());
        rules.addAll(retention.schedule());
        showSchedule();
        if (!mayChangeSchedule()) {
            days.setEnabled(false);
            Fields.note(body, KEY + ".supervisorsOnly", Texts.get("prefs.retention.supervisorsOnly"));
        }

        Label heading = new Label(body, SWT.NONE);
        heading.setText(Texts.get("prefs.retention.holds"));
        heading.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        if (signedIn.role() == Role.ADMINISTRATOR && !signedIn.user().has(Role.SUPERVISOR)) {
            // R9: administrators see no case
            Fields.note(body, KEY + ".noCases", Texts.get("prefs.retention.noCases"));
            return;
        }
        holds = Fields.table(body, KEY + ".holds", 90, 200, "prefs.retention.case", "prefs.retention.unit", "prefs.retention.hold");
        reason = Fields.text(body, KEY + ".reason", "prefs.retention.reason", "", 0);
        Composite buttons = Ui.buttons(body, 2);
        Ui.button(buttons, KEY + ".place", "prefs.retention.place", () -> hold(true));
        Ui.button(buttons, KEY + ".lift", "prefs.retention.lift", () -> hold(false));
        Ui.done(buttons);
        done = Widgets.key(new Label(body, SWT.WRAP), KEY + ".done");
        done.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        showHolds();
    }

    private String unitName(String unitId) {
        return unitNames.getOrDefault(unitId, unitId);
    }

    private void showSchedule() {
        int selected = Math.max(0, schedule.getSelectionIndex());
        schedule.removeAll();
        for (RetentionRule r : rules) {
            new TableItem(schedule, SWT.NONE).setText(new String[] { unitName(r.unitId()), Texts.get("recordClass." + r.recordClass().name()),
                    describe(r.recordClass(), days(r)) });
        }
        if (!rules.isEmpty()) {
            schedule.setSelection(Math.min(selected, rules.size() - 1));
        }
        fill();
    }

    private Optional<Integer> days(RetentionRule r) {
        return changed.getOrDefault(r.unitId(), r.daysAfterClosing());
    }

    private static String describe(RecordClass recordClass, Optional<Integer> days) {
        if (!recordClass.mayBeWeeded()) {
            return Texts.get("prefs.retention.kept");
        }
        return days.map(d -> Texts.get("prefs.retention.after", d)).orElse(Texts.get("prefs.retention.notWeeded"));
    }

    private Optional<RetentionRule> selectedRule() {
        int i = schedule.getSelectionIndex();
        return i < 0 ? Optional.empty() : Optional.of(rules.get(i));
    }

    /** Only minor-importance material has a period (R10); the other classes are kept and say so. */
    private void fill() {
        filling = true;
        Optional<RetentionRule> rule = selectedRule();
        days.setText(rule.flatMap(this::days).map(String::valueOf).orElse(""));
        days.setEditable(rule.map(r -> r.recordClass().mayBeWeeded()).orElse(false));
        filling = false;
    }

    private void edited() {
        Optional<RetentionRule> rule = selectedRule();
        if (filling || rule.isEmpty() || !rule.get().recordClass().mayBeWeeded()) {
            return;
        }
        String typed = days.getText().strip();
        Optional<Integer> value = typed.matches("\\d{1,5}") ? Optional.of(Integer.parseInt(typed)) : Optional.empty();
        if (!typed.isEmpty() && value.isEmpty()) {
            return; // said by check() on Save
        }
        changed.put(rule.get().unitId(), value);
        schedule.getItem(schedule.getSelectionIndex()).setText(2, describe(rule.get().recordClass(), value));
    }

    @Override
    public void check() {
        String typed = days.getText().strip();
        if (days.getEditable() && !typed.isEmpty() && !typed.matches("\\d{1,5}")) {
            throw new FormDialog.Invalid("prefs.retention.badDays", typed);
        }
    }

    @Override
    public void save() {
        for (Map.Entry<String, Optional<Integer>> e : List.copyOf(changed.entrySet())) {
            // R10: audited; refused for anyone but the unit's supervisors and administrators
            retention.setRule(e.getKey(), RecordClass.MINOR_IMPORTANCE, e.getValue());
            changed.remove(e.getKey());
        }
    }

    private void showHolds() {
        int selected = Math.max(0, holds.getSelectionIndex());
        cases = signedIn.session().cases();
        holds.removeAll();
        for (CaseFile c : cases) {
            Optional<LegalHold> hold = c.legalHold() ? retention.hold(c.id()) : Optional.empty();
            new TableItem(holds, SWT.NONE).setText(new String[] { c.title(), unitName(c.unitId()),
                    hold.map(h -> Texts.get("prefs.retention.held", h.reason(), h.placedBy(), Ui.when(h.placedAt())))
                            .orElse(Texts.get("prefs.retention.notHeld")) });
        }
        if (!cases.isEmpty()) {
            holds.setSelection(Math.min(selected, cases.size() - 1));
        }
    }

    /** R10, R14: places or lifts the chosen case's hold at once, with the reason typed; the store audits it. */
    private void hold(boolean place) {
        int i = holds.getSelectionIndex();
        if (i < 0) {
            return;
        }
        CaseFile c = cases.get(i);
        String why = reason.getText().strip();
        try {
            if (why.isEmpty()) {
                throw new FormDialog.Invalid("prefs.retention.noReason");
            }
            if (place) {
                retention.placeHold(c.id(), why);
            } else {
                retention.liftHold(c.id(), why);
            }
            done.setText(Texts.get(place ? "prefs.retention.placed" : "prefs.retention.lifted", c.title()));
            reason.setText("");
        } catch (FormDialog.Invalid e) {
            done.setText(e.getMessage());
        } catch (InsynException e) {
            done.setText(Texts.of(e));
        }
        showHolds();
        done.getParent().layout(true, true);
    }
}
