package org.insyn.ui.dialogs;

import java.util.List;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.insyn.core.model.CaseFile;
import org.insyn.core.service.Session;
import org.insyn.ui.Texts;

/**
 * R7, R8: a finding of an outreach search made without a case is captured into an outreach case: a new one (its
 * title suggested from the search) or one of the unit's open cases, in the same step as the capture. Nothing is
 * searched again and the justification stays the one the search ran under.
 */
public final class OutreachCaseDialog extends FormDialog {
    public static final String KEY = "org.insyn.ui.dialog.outreachCase";

    private final Session session;
    private final String unitId;
    private final String suggestedTitle;
    private final List<CaseFile> open;
    private Combo which;
    private Text title;
    private CaseFile chosen;

    /** {@code open}: the open cases of the justification's unit, read beforehand off the UI thread. */
    public OutreachCaseDialog(Shell parent, Session session, String unitId, String suggestedTitle, List<CaseFile> open) {
        super(parent, KEY, "outreachCase.title");
        this.session = session;
        this.unitId = unitId;
        this.suggestedTitle = suggestedTitle;
        this.open = open;
    }

    @Override
    protected String okLabel() {
        return Texts.get("outreachCase.ok");
    }

    @Override
    protected void createFields(Composite area) {
        Label what = new Label(area, SWT.WRAP);
        what.setText(Texts.get("outreachCase.what"));
        GridData d = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        d.widthHint = 480;
        what.setLayoutData(d);
        which = combo(area, "outreachCase.which", "which");
        which.add(Texts.get("outreachCase.new"));
        open.forEach(c -> which.add(c.title()));
        which.select(0);
        title = field(area, "outreachCase.caseTitle", "caseTitle", SWT.NONE);
        title.setText(suggestedTitle);
        which.addListener(SWT.Selection, e -> title.setEnabled(which.getSelectionIndex() == 0));
        title.setFocus();
        title.selectAll();
    }

    @Override
    protected void save() {
        if (which.getSelectionIndex() > 0) {
            chosen = open.get(which.getSelectionIndex() - 1);
            return;
        }
        if (title.getText().isBlank()) {
            throw new Invalid("outreachCase.noTitle");
        }
        chosen = chosen != null ? chosen : session.openCase(unitId, title.getText().strip());
    }

    /** The case the finding is captured into. */
    public Optional<CaseFile> chosen() {
        return Optional.ofNullable(chosen);
    }
}
