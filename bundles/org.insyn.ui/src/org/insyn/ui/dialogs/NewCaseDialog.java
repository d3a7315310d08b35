package org.insyn.ui.dialogs;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.insyn.core.model.CaseFile;
import org.insyn.core.model.Unit;
import org.insyn.core.service.Session;

/**
 * Opens a case in one of the user's units, with its client (name, relatives, city, district: what a search is built
 * from, R6, and what is scrubbed from exports, R12). An outreach case has no client: leave the name empty.
 */
public final class NewCaseDialog extends FormDialog {
    public static final String KEY = "org.insyn.ui.dialog.newCase";

    private final Session session;
    private final List<Unit> units;
    private final Optional<Unit> preferred;
    private Text title;
    private Combo unit;
    private Text name;
    private Text relatives;
    private Text city;
    private Text district;
    private CaseFile created;

    public NewCaseDialog(Shell parent, Session session, List<Unit> units, Optional<Unit> preferred) {
        super(parent, KEY, "newCase.title");
        this.session = session;
        this.units = units;
        this.preferred = preferred;
    }

    @Override
    protected String okLabel() {
        return org.insyn.ui.Texts.get("newCase.ok");
    }

    @Override
    protected void createFields(Composite area) {
        title = field(area, "newCase.caseTitle", "caseTitle", SWT.NONE);
        unit = combo(area, "newCase.unit", "unit");
        units.forEach(u -> unit.add(u.name()));
        unit.select(Math.max(0, preferred.map(units::indexOf).orElse(0)));
        name = field(area, "newCase.client", "client", SWT.NONE);
        relatives = field(area, "newCase.relatives", "relatives", SWT.NONE);
        city = field(area, "newCase.city", "city", SWT.NONE);
        district = field(area, "newCase.district", "district", SWT.NONE);
        title.setFocus();
    }

    @Override
    protected void save() {
        // a case and its client are saved one after the other: a refused client leaves the case, shown in Cases
        created = created != null ? created : session.openCase(units.get(unit.getSelectionIndex()).id(), title.getText().strip());
        if (optional(name).isPresent()) {
            session.saveSubject(created.id(), name.getText().strip(), Arrays.stream(relatives.getText().split("[,;]"))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList(), optional(city), optional(district));
        }
    }

    public Optional<CaseFile> created() {
        return Optional.ofNullable(created);
    }
}
