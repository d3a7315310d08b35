package org.insyn.ui.prefs;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.insyn.core.model.Role;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;
import org.insyn.core.service.Accounts;
import org.insyn.core.service.Workspace;
import org.insyn.ui.Texts;
import org.insyn.ui.Widgets;
import org.insyn.ui.dialogs.FormDialog;

/**
 * R9: everyone's own password, and the accounts of the workspace as an administrator keeps them: user name, name,
 * roles, units, enabled, and a new password for a new, re-enabled or forgotten one. Accounts are disabled, never
 * deleted (the audit trail names them); the store does each change as the signed-in administrator, audited, and
 * refuses anyone else.
 */
final class AccountsPane implements Pane {
    private static final String KEY = PreferencesDialog.KEY + ".accounts";

    /** One account as the table shows it, with what was typed for it; {@code saved} is null for the new row. */
    private static final class Row {
        User saved;
        String id = "";
        String name = "";
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<String> units = new TreeSet<>();
        boolean enabled = true;
        String password = "";

        static Row of(User u) {
            Row r = new Row();
            r.saved(u);
            return r;
        }

        void saved(User u) {
            saved = u;
            id = u.id();
            name = u.displayName();
            roles = u.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(u.roles());
            units = new TreeSet<>(u.unitIds());
            enabled = u.enabled();
            password = "";
        }

        User user() {
            return new User(id, name.strip(), roles, units, enabled);
        }

        boolean detailsChanged() {
            return !saved.displayName().equals(name.strip()) || !saved.roles().equals(roles) || !saved.unitIds().equals(units);
        }

        boolean changed() {
            return saved == null ? !id.isEmpty() : detailsChanged() || saved.enabled() != enabled || !password.isEmpty();
        }
    }

    private final Workspace workspace;
    private final boolean administrator;
    private final List<Row> rows = new ArrayList<>();
    private final Map<Role, Button> roleBoxes = new EnumMap<>(Role.class);
    private Text current;
    private Text chosen;
    private Text repeat;
    private Table table;
    private Text id;
    private Text displayName;
    private Table units;
    private Button enabled;
    private Text password;
    private boolean filling;
    /** Units by id: people see their names, never the ids. */
    private final Map<String, String> unitNames = new java.util.HashMap<>();

    AccountsPane(Workspace workspace, boolean administrator) {
        this.workspace = workspace;
        this.administrator = administrator;
    }

    @Override
    public String name() {
        return "accounts";
    }

    @Override
    public void create(Composite tab) {
        Composite own = Fields.body(tab);
        own.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        current = Fields.text(own, KEY + ".own.current", "prefs.accounts.own.current", "", SWT.PASSWORD);
        chosen = Fields.text(own, KEY + ".own.new", "prefs.accounts.own.new", "", SWT.PASSWORD);
        repeat = Fields.text(own, KEY + ".own.repeat", "prefs.accounts.own.repeat", "", SWT.PASSWORD);
        new Label(tab, SWT.SEPARATOR | SWT.HORIZONTAL).setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

        Composite body = Fields.body(tab);
        table = Fields.table(body, KEY + ".table", 100, 120, "prefs.accounts.id", "prefs.accounts.name", "prefs.accounts.roles",
                "prefs.accounts.units", "prefs.accounts.state");
        table.addListener(SWT.Selection, e -> fill());
        id = Fields.text(body, KEY + ".id", "prefs.accounts.id.label", "", 0);
        displayName = Fields.text(body, KEY + ".name", "prefs.accounts.name.label", "", 0);
        new Label(body, SWT.NONE).setText(Texts.get("prefs.accounts.roles.label"));
        Composite roleRow = new Composite(body, SWT.NONE);
        roleRow.setLayout(new RowLayout());
        for (Role r : Role.values()) {
            Button box = Widgets.key(new Button(roleRow, SWT.CHECK), KEY + ".role." + r.name());
            box.setText(Texts.get("role." + r.name()));
            box.addListener(SWT.Selection, e -> edited());
            roleBoxes.put(r, box);
        }
        new Label(body, SWT.NONE).setText(Texts.get("prefs.accounts.units.label"));
        units = Widgets.key(new Table(body, SWT.CHECK | SWT.BORDER | SWT.V_SCROLL), KEY + ".unitChoice");
        GridData unitsData = new GridData(SWT.FILL, SWT.FILL, true, false);
        unitsData.heightHint = 60;
        units.setLayoutData(unitsData);
        for (Unit u : workspace.units()) {
            unitNames.put(u.id(), u.name());
            TableItem item = new TableItem(units, SWT.NONE);
            item.setText(u.name());
            item.setData(u.id());
        }
        units.addListener(SWT.Selection, e -> {
            if (e.detail == SWT.CHECK) {
                edited();
            }
        });
        new Label(body, SWT.NONE);
        enabled = Widgets.key(new Button(body, SWT.CHECK), KEY + ".enabled");
        enabled.setText(Texts.get("prefs.accounts.enabled"));
        enabled.addListener(SWT.Selection, e -> edited());
        password = Fields.text(body, KEY + ".password", "prefs.accounts.password", "", SWT.PASSWORD);
        id.addListener(SWT.Modify, e -> edited());
        displayName.addListener(SWT.Modify, e -> edited());
        password.addListener(SWT.Modify, e -> edited());
        Fields.note(body, KEY + ".note", Texts.get("prefs.accounts.note"));
        workspace.accounts().list().forEach(u -> rows.add(Row.of(u)));
        rows.add(new Row());
        show();
        Fields.administratorsOnly(tab, body, KEY, administrator);
    }

    /** The accounts, then a last row for a new one. */
    private void show() {
        table.removeAll();
        for (Row r : rows) {
            TableItem item = new TableItem(table, SWT.NONE);
            if (r.saved == null) {
                Widgets.key(item, KEY + ".newRow").setText(new String[] { "", Texts.get("prefs.accounts.newRow"), "", "", "" });
            } else {
                item.setText(cells(r));
            }
        }
        table.setSelection(0);
        fill();
    }

    private String[] cells(Row r) {
        return new String[] { r.id, r.name, r.roles.stream().map(role -> Texts.get("role." + role.name())).collect(Collectors.joining(", ")),
                r.units.stream().map(u -> unitNames.getOrDefault(u, u)).collect(Collectors.joining(", ")), Texts.get(r.enabled ? "prefs.accounts.state.enabled" : "prefs.accounts.state.disabled") };
    }

    private Row selected() {
        int i = table.getSelectionIndex();
        return i < 0 ? null : rows.get(i);
    }

    /** The chosen account into the fields; an existing account's user name is fixed, the new row's is typed. */
    private void fill() {
        Row r = selected();
        if (r == null) {
            return;
        }
        filling = true;
        id.setEditable(r.saved == null);
        id.setText(r.id);
        displayName.setText(r.name);
        roleBoxes.forEach((role, box) -> box.setSelection(r.roles.contains(role)));
        for (TableItem item : units.getItems()) {
            item.setChecked(r.units.contains((String) item.getData()));
        }
        enabled.setSelection(r.enabled);
        // a new account is enabled; it is disabled later, once the trail may name it
        enabled.setEnabled(r.saved != null);
        password.setText(r.password);
        password.setEnabled(r.enabled);
        filling = false;
    }

    /** What was typed goes to the chosen row (saved with the rest). */
    private void edited() {
        Row r = selected();
        if (filling || r == null) {
            return;
        }
        if (r.saved == null) {
            r.id = id.getText().strip();
        }
        r.name = displayName.getText();
        r.roles = EnumSet.noneOf(Role.class);
        roleBoxes.forEach((role, box) -> {
            if (box.getSelection()) {
                r.roles.add(role);
            }
        });
        r.units = new TreeSet<>();
        for (TableItem item : units.getItems()) {
            if (item.getChecked()) {
                r.units.add((String) item.getData());
            }
        }
        r.enabled = enabled.getSelection();
        password.setEnabled(r.enabled);
        r.password = password.getText();
        if (r.saved != null || !r.id.isEmpty()) {
            table.getItem(table.getSelectionIndex()).setText(cells(r));
        }
    }

    @Override
    public void check() {
        if (ownPasswordTyped()) {
            if (current.getText().isEmpty()) {
                throw new FormDialog.Invalid("prefs.accounts.own.noCurrent");
            }
            if (!chosen.getText().equals(repeat.getText())) {
                throw new FormDialog.Invalid("prefs.accounts.own.differs");
            }
        }
        for (Row r : rows) {
            if (!r.changed()) {
                continue;
            }
            if (r.saved == null) {
                if (rows.stream().anyMatch(other -> other.saved != null && other.id.equals(r.id))) {
                    throw new FormDialog.Invalid("prefs.accounts.exists", r.id);
                }
                try {
                    r.user();
                } catch (IllegalArgumentException e) {
                    throw new FormDialog.Invalid("prefs.accounts.badId", r.id);
                }
            }
            if (r.name.isBlank()) {
                throw new FormDialog.Invalid("prefs.accounts.noName", r.id);
            }
            if (r.roles.isEmpty()) {
                throw new FormDialog.Invalid("prefs.accounts.noRole", r.id);
            }
            boolean needsPassword = r.saved == null || (!r.saved.enabled() && r.enabled);
            if (needsPassword && r.password.isEmpty()) {
                throw new FormDialog.Invalid("prefs.accounts.needsPassword", r.id);
            }
        }
    }

    private boolean ownPasswordTyped() {
        return !(current.getText().isEmpty() && chosen.getText().isEmpty() && repeat.getText().isEmpty());
    }

    @Override
    public void save() {
        Accounts accounts = workspace.accounts();
        if (ownPasswordTyped()) {
            // only this account's wrapped key changes: nothing is re-encrypted (R9)
            accounts.changePassword(current.getText().toCharArray(), chosen.getText().toCharArray());
            current.setText("");
            chosen.setText("");
            repeat.setText("");
        }
        boolean added = false;
        for (Row r : rows) {
            if (r.changed()) {
                // each is audited as the signed-in administrator's; a row saved is not saved again after a later refusal
                r.saved(save(accounts, r));
                added |= r == rows.get(rows.size() - 1);
            }
        }
        if (added) {
            rows.add(new Row());
            show();
        }
    }

    private static User save(Accounts accounts, Row r) {
        User now = r.user();
        char[] typed = r.password.toCharArray();
        if (r.saved == null) {
            return accounts.create(now, typed);
        }
        if (r.saved.enabled() && !now.enabled()) {
            if (r.detailsChanged()) {
                accounts.change(new User(now.id(), now.displayName(), now.roles(), now.unitIds(), true));
            }
            return accounts.disable(now.id());
        }
        if (!r.saved.enabled() && now.enabled()) {
            accounts.enable(now.id(), typed);
        } else if (now.enabled() && typed.length > 0) {
            accounts.resetPassword(now.id(), typed);
        }
        return r.detailsChanged() ? accounts.change(now) : now;
    }
}
