package org.insyn.ui.dialogs;

import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.insyn.core.model.Role;
import org.insyn.ui.Texts;
import org.insyn.ui.Widgets;

/**
 * Help › Guide: what each of the four jobs does in Insyn, step by step, with the rule behind each refusal, in the UI
 * language. Opens on the guide of the role signed in; the others can be read too.
 */
public final class HelpDialog extends Dialog {
    public static final String KEY = "org.insyn.ui.dialog.help";

    private final Role role;
    private Text guide;

    public HelpDialog(Shell parent, Role role) {
        super(parent);
        this.role = role;
        setShellStyle(getShellStyle() | SWT.RESIZE | SWT.MAX);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Texts.get("help.title"));
        Widgets.key(shell, KEY);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Point getInitialSize() {
        Point screen = new Point(getParentShell().getMonitor().getClientArea().width, getParentShell().getMonitor().getClientArea().height);
        return new Point(Math.min(760, screen.x), Math.min(620, screen.y));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(2, false));
        new Label(area, SWT.NONE).setText(Texts.get("help.role"));
        Combo roles = Widgets.key(new Combo(area, SWT.READ_ONLY), KEY + ".role");
        List<Role> all = Arrays.asList(Role.values());
        all.forEach(r -> roles.add(Texts.get("role." + r.name())));
        roles.select(all.indexOf(role));
        guide = Widgets.key(new Text(area, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER), KEY + ".guide");
        guide.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        roles.addListener(SWT.Selection, e -> show(all.get(roles.getSelectionIndex())));
        show(role);
        return area;
    }

    private void show(Role r) {
        guide.setText(Texts.get("help.guide." + r.name()) + "\n\n" + Texts.get("help.common"));
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        Widgets.key(createButton(parent, IDialogConstants.OK_ID, Texts.get("dialog.close"), true), KEY + ".close");
    }
}
