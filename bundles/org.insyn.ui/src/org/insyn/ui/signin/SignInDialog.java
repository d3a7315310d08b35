package org.insyn.ui.signin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.insyn.core.model.Role;
import org.insyn.core.model.Unit;
import org.insyn.ui.Texts;
import org.insyn.ui.Widgets;
import org.insyn.ui.signin.SignInException.Field;
import org.insyn.ui.signin.WorkspaceOpener.FirstAccount;
import org.insyn.ui.signin.WorkspaceOpener.Opened;

/**
 * Asks who signs in and to which workspace: the folder, the user and their password, and optionally a shared PostgreSQL
 * database. A folder without a workspace gets a new one (password twice, the first account's name and unit). The
 * workspace opens in the background; a mistake is said in the dialog and everything typed stays. A user with more
 * than one role or unit then chooses the ones they work in now.
 */
public final class SignInDialog extends Dialog {
    public static final String KEY = "org.insyn.ui.signin";

    private final SignInDefaults defaults;
    private final WorkspaceOpener opener = new WorkspaceOpener();

    private Text folder;
    private Button browse;
    private Text password;
    private Text repeat;
    private Text name;
    private Text unitName;
    private Text user;
    private Button shared;
    private Text postgresUrl;
    private Text postgresUser;
    private Text postgresPassword;
    private Combo role;
    private Combo unit;
    private Label error;
    private ProgressBar busy;
    private final List<Control> newWorkspaceRows = new ArrayList<>();
    private final List<Control> sharedRows = new ArrayList<>();
    private final List<Control> choiceRows = new ArrayList<>();

    private Opened opened;
    private List<Role> roles = List.of();
    private List<Unit> units = List.of();
    private Optional<Choice> choice = Optional.empty();

    /** The outcome: the opened workspace and user, with the role and unit chosen. */
    public record Choice(Opened opened, Role role, Optional<Unit> unit) {
    }

    public SignInDialog(Shell parent, SignInDefaults defaults) {
        super(parent);
        this.defaults = defaults;
    }

    /** Shows the dialog until someone signs in (the choice) or gives up (empty). */
    public Optional<Choice> ask() {
        return open() == OK ? choice : Optional.empty();
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Texts.get("signin.title"));
        Widgets.key(shell, KEY);
    }

    @Override
    protected void initializeBounds() {
        super.initializeBounds();
        org.insyn.ui.dialogs.Fit.onOpen(getShell());
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(3, false));
        Label heading = new Label(area, SWT.WRAP);
        heading.setText(Texts.get("signin.heading"));
        heading.setFont(JFaceResources.getBannerFont());
        GridData headingData = new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1);
        headingData.widthHint = 520;
        heading.setLayoutData(headingData);

        folder = text(area, "folder", "signin.folder", SWT.BORDER, null);
        folder.setText(defaults.folder().toString());
        browse = Widgets.key(new Button(area, SWT.PUSH), KEY + ".browse");
        browse.setText(Texts.get("signin.browse"));
        browse.addListener(SWT.Selection, e -> {
            DirectoryDialog d = new DirectoryDialog(getShell());
            d.setFilterPath(folder.getText());
            Optional.ofNullable(d.open()).ifPresent(folder::setText);
        });
        folder.addListener(SWT.Modify, e -> showRows());

        password = text(area, "password", "signin.password", SWT.BORDER | SWT.PASSWORD, null);
        repeat = text(area, "repeat", "signin.repeat", SWT.BORDER | SWT.PASSWORD, newWorkspaceRows);
        user = text(area, "user", "signin.user", SWT.BORDER, null);
        user.setText(defaults.userId());
        name = text(area, "name", "signin.name", SWT.BORDER, newWorkspaceRows);
        unitName = text(area, "unitName", "signin.unitName", SWT.BORDER, newWorkspaceRows);

        shared = Widgets.key(new Button(area, SWT.CHECK), KEY + ".shared");
        shared.setText(Texts.get("signin.shared"));
        shared.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        shared.setSelection(defaults.postgresUrl().isPresent());
        shared.addListener(SWT.Selection, e -> showRows());
        postgresUrl = text(area, "pgUrl", "signin.pgUrl", SWT.BORDER, sharedRows);
        postgresUrl.setText(defaults.postgresUrl().orElse("jdbc:postgresql://"));
        postgresUser = text(area, "pgUser", "signin.pgUser", SWT.BORDER, sharedRows);
        postgresUser.setText(defaults.postgresUser().orElse(""));
        postgresPassword = text(area, "pgPassword", "signin.pgPassword", SWT.BORDER | SWT.PASSWORD, sharedRows);

        role = combo(area, "role", "signin.role");
        unit = combo(area, "unit", "signin.unit");

        busy = new ProgressBar(area, SWT.INDETERMINATE);
        busy.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        busy.setVisible(false);
        error = Widgets.key(new Label(area, SWT.WRAP), KEY + ".error");
        error.setForeground(area.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridData errorData = new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1);
        errorData.widthHint = 520;
        error.setLayoutData(errorData);
        showRows();
        password.setFocus();
        // GTK may give the focus to the first field when the window is mapped: the cursor belongs in the password
        // when the window first gets the keyboard, before any key arrives
        getShell().addListener(SWT.Activate, new org.eclipse.swt.widgets.Listener() {
            @Override
            public void handleEvent(org.eclipse.swt.widgets.Event e) {
                getShell().removeListener(SWT.Activate, this);
                password.setFocus();
            }
        });
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        Widgets.key(createButton(parent, IDialogConstants.OK_ID, Texts.get("signin.ok"), true), KEY + ".ok");
        Widgets.key(createButton(parent, IDialogConstants.CANCEL_ID, Texts.get("signin.cancel"), false), KEY + ".cancel");
    }

    private Text text(Composite area, String key, String label, int style, List<Control> row) {
        Label l = label(area, label);
        Text t = Widgets.key(new Text(area, style), KEY + "." + key);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, "folder".equals(key) ? 1 : 2, 1));
        if (row != null) {
            row.add(l);
            row.add(t);
        }
        return t;
    }

    private static Label label(Composite area, String key) {
        Label l = new Label(area, SWT.NONE);
        l.setText(Texts.get(key));
        l.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false));
        return l;
    }

    private Combo combo(Composite area, String key, String label) {
        Label l = label(area, label);
        Combo c = Widgets.key(new Combo(area, SWT.READ_ONLY), KEY + "." + key);
        c.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        choiceRows.add(l);
        choiceRows.add(c);
        return c;
    }

    /** Shows the rows that apply: a new workspace's, shared mode's, and the role and unit once there is a choice. */
    private void showRows() {
        // shared mode keeps the keys in the database: a local folder without them is a person's new profile, not a new
        // workspace (IT makes a shared workspace with insyn cli init)
        boolean isNew = !shared.getSelection() && !folder.getText().isBlank()
                && !WorkspaceOpener.isWorkspace(Path.of(folder.getText().strip()));
        boolean changed = show(newWorkspaceRows, isNew) | show(sharedRows, shared.getSelection()) | show(choiceRows, opened != null);
        if (changed) {
            org.insyn.ui.dialogs.Fit.fit(getShell());
        }
    }

    /** Whether anything changed. */
    private static boolean show(List<Control> controls, boolean visible) {
        boolean changed = false;
        for (Control c : controls) {
            GridData data = (GridData) c.getLayoutData();
            changed |= data.exclude == visible;
            c.setVisible(visible);
            data.exclude = !visible;
        }
        return changed;
    }

    @Override
    protected void okPressed() {
        if (opened != null) {
            choice = Optional.of(new Choice(opened, roles.get(role.getSelectionIndex()),
                    units.isEmpty() ? Optional.empty() : Optional.of(units.get(unit.getSelectionIndex()))));
            super.okPressed();
            return;
        }
        WorkspaceOpener.Request request;
        try {
            request = request();
        } catch (SignInException e) {
            fail(e);
            return;
        }
        working(true);
        CompletableFuture.supplyAsync(() -> {
            try {
                return opener.open(request);
            } catch (SignInException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }).whenComplete((result, failure) -> getShell().getDisplay().asyncExec(() -> {
            if (getShell() == null || getShell().isDisposed()) {
                if (result != null) {
                    result.close();
                }
                return;
            }
            working(false);
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                fail(cause instanceof SignInException s ? s : new SignInException(Field.NONE, "signin.failed", cause.toString()));
            } else {
                unlocked(result);
            }
        }));
    }

    /** The typed request, after the checks that need no workspace. */
    private WorkspaceOpener.Request request() throws SignInException {
        if (folder.getText().isBlank()) {
            throw new SignInException(Field.FOLDER, "signin.noFolder");
        }
        Path directory = Path.of(folder.getText().strip()).toAbsolutePath();
        if (password.getCharCount() == 0) {
            throw new SignInException(Field.PASSWORD, "signin.noPassword");
        }
        boolean isNew = !shared.getSelection() && !WorkspaceOpener.isWorkspace(directory);
        Optional<FirstAccount> first = Optional.empty();
        if (isNew) {
            if (!password.getText().equals(repeat.getText())) {
                throw new SignInException(Field.REPEAT, "signin.repeatDiffers");
            }
            if (name.getText().isBlank()) {
                throw new SignInException(Field.NAME, "signin.noName");
            }
            if (unitName.getText().isBlank()) {
                throw new SignInException(Field.UNIT_NAME, "signin.noUnitName");
            }
            first = Optional.of(new FirstAccount(name.getText(), unitName.getText()));
        }
        if (user.getText().isBlank()) {
            throw new SignInException(Field.USER, "signin.noUser");
        }
        Optional<String> url = Optional.empty();
        if (shared.getSelection()) {
            if (!postgresUrl.getText().strip().matches("jdbc:postgresql://.+")) {
                throw new SignInException(Field.POSTGRES, "signin.badPostgresUrl");
            }
            url = Optional.of(postgresUrl.getText().strip());
        }
        return new WorkspaceOpener.Request(directory, password.getTextChars(), url,
                url.isPresent() && !postgresUser.getText().isBlank() ? Optional.of(postgresUser.getText().strip()) : Optional.empty(),
                url.isPresent() && postgresPassword.getCharCount() > 0 ? Optional.of(postgresPassword.getTextChars()) : Optional.empty(),
                user.getText().strip(), first);
    }

    /** The workspace is open: sign in at once when the user has one role and unit, else let them choose. */
    private void unlocked(Opened result) {
        opened = result;
        roles = result.user().roles().stream().sorted().toList();
        units = result.workspace().units().stream().filter(u -> result.user().belongsTo(u.id()))
                .sorted(Comparator.comparing(Unit::name)).toList();
        if (roles.size() <= 1 && units.size() <= 1 && !roles.isEmpty()) {
            choice = Optional.of(new Choice(result, roles.get(0), units.stream().findFirst()));
            super.okPressed();
            return;
        }
        roles.forEach(r -> role.add(Texts.get("role." + r.name())));
        role.select(Math.max(0, roles.indexOf(defaults.role().orElse(null))));
        units.forEach(u -> unit.add(u.name()));
        unit.select(Math.max(0, units.stream().map(Unit::id).toList().indexOf(defaults.unitId().orElse(""))));
        unit.setEnabled(!units.isEmpty());
        for (Text t : List.of(folder, password, repeat, name, unitName, user, postgresUrl, postgresUser, postgresPassword)) {
            t.setEnabled(false);
        }
        shared.setEnabled(false);
        browse.setEnabled(false);
        error.setText(Texts.get("signin.choose"));
        error.setForeground(getShell().getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
        showRows();
        role.setFocus();
    }

    private void working(boolean on) {
        busy.setVisible(on);
        getButton(IDialogConstants.OK_ID).setEnabled(!on);
        if (on) {
            error.setText(Texts.get("signin.opening"));
            error.setForeground(getShell().getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
        }
    }

    private void fail(SignInException e) {
        error.setText(e.getMessage());
        error.setForeground(getShell().getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        Text at = switch (e.field()) {
            case FOLDER -> folder;
            case PASSWORD -> password;
            case REPEAT -> repeat;
            case NAME -> name;
            case UNIT_NAME -> unitName;
            case USER -> user;
            case POSTGRES -> postgresUrl;
            case NONE -> null;
        };
        if (at != null && at.isVisible()) {
            at.setFocus();
            at.selectAll();
        }
        org.insyn.ui.dialogs.Fit.fit(getShell());
    }

    @Override
    protected void cancelPressed() {
        if (opened != null) {
            opened.close();
            opened = null;
        }
        super.cancelPressed();
    }
}
