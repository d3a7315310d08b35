package org.insyn.ui.dialogs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.insyn.core.model.Capture;
import org.insyn.ui.Texts;
import org.insyn.ui.Widgets;
import org.insyn.ui.parts.Ui;

/**
 * R11, R12: what goes into a case's evidence report (PDF/A) and where it is saved: the captures to include (all,
 * unless some are left out) and the folder (the workspace's exports folder unless another is chosen).
 */
public final class ExportDialog extends FormDialog {
    public static final String KEY = "org.insyn.ui.dialog.export";

    private final List<Capture> captures;
    private final Path defaultFolder;
    private Table chosen;
    private Text folder;
    private List<Long> captureIds = List.of();
    private Path target;

    public ExportDialog(Shell parent, List<Capture> captures, Path defaultFolder) {
        super(parent, KEY, "export.title");
        this.captures = captures;
        this.defaultFolder = defaultFolder;
    }

    @Override
    protected String okLabel() {
        return Texts.get("export.ok");
    }

    @Override
    protected void createFields(Composite area) {
        Label what = new Label(area, SWT.WRAP);
        what.setText(Texts.get("export.what"));
        GridData d = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        d.widthHint = 480;
        what.setLayoutData(d);
        chosen = Widgets.key(new Table(area, SWT.CHECK | SWT.BORDER | SWT.V_SCROLL), KEY + ".captures");
        GridData td = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
        td.heightHint = chosen.getItemHeight() * Math.max(3, Math.min(8, captures.size())) + 4;
        chosen.setLayoutData(td);
        for (Capture c : captures) {
            TableItem item = new TableItem(chosen, SWT.NONE);
            item.setText(Texts.get("export.capture", c.id(), Ui.when(c.capturedAt()), c.url()));
            item.setData(c);
            item.setChecked(true);
        }
        folder = field(area, "export.folder", "folder", SWT.NONE);
        folder.setText(defaultFolder.toString());
        Button browse = Widgets.key(new Button(area, SWT.PUSH), KEY + ".browse");
        browse.setText(Texts.get("signin.browse"));
        browse.setLayoutData(new GridData(SWT.RIGHT, SWT.CENTER, false, false, 2, 1));
        browse.addListener(SWT.Selection, e -> {
            DirectoryDialog dialog = new DirectoryDialog(getShell());
            dialog.setFilterPath(folder.getText());
            Optional.ofNullable(dialog.open()).ifPresent(folder::setText);
        });
    }

    @Override
    protected void save() {
        List<Long> ids = new ArrayList<>();
        for (TableItem item : chosen.getItems()) {
            if (item.getChecked()) {
                ids.add(((Capture) item.getData()).id());
            }
        }
        if (ids.isEmpty() && !captures.isEmpty()) {
            throw new Invalid("export.noCapture");
        }
        if (folder.getText().isBlank()) {
            throw new Invalid("export.noFolder");
        }
        captureIds = ids.size() == captures.size() ? List.of() : ids;
        target = Path.of(folder.getText().strip()).toAbsolutePath();
    }

    /** The captures to include; empty means all of the case's. */
    public List<Long> captureIds() {
        return captureIds;
    }

    public Optional<Path> folder() {
        return Optional.ofNullable(target);
    }
}
