package org.insyn.ui.dialogs;

import java.time.LocalDate;
import java.util.Optional;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.insyn.core.report.LetterInput;
import org.insyn.ui.Texts;

/**
 * R4: what the transparency letter to the client says about how to reach the unit (to ask what is held, R14), and
 * its language. The contact is remembered per unit for the next letter.
 */
public final class LetterDialog extends FormDialog {
    public static final String KEY = "org.insyn.ui.dialog.letter";
    private static final String NODE = "org.insyn.ui.letter";

    private final String clientName;
    private final String unitId;
    private final String unitName;
    private final String worker;
    private Text contact;
    private Combo language;
    private LetterInput input;

    public LetterDialog(Shell parent, String clientName, String unitId, String unitName, String worker) {
        super(parent, KEY, "letter.title");
        this.clientName = clientName;
        this.unitId = unitId;
        this.unitName = unitName;
        this.worker = worker;
    }

    @Override
    protected String okLabel() {
        return Texts.get("letter.ok");
    }

    @Override
    protected void createFields(Composite area) {
        contact = field(area, "letter.contact", "contact", SWT.MULTI | SWT.WRAP);
        contact.setText(InstanceScope.INSTANCE.getNode(NODE).get(unitId, ""));
        language = combo(area, "letter.language", "language");
        language.add(Texts.get("language.sv"));
        language.add(Texts.get("language.en"));
        language.select(0);
        contact.setFocus();
    }

    @Override
    protected void save() {
        if (contact.getText().isBlank()) {
            throw new Invalid("letter.noContact");
        }
        InstanceScope.INSTANCE.getNode(NODE).put(unitId, contact.getText().strip());
        input = new LetterInput(clientName, unitName, worker, contact.getText().strip(), LocalDate.now(),
                language.getSelectionIndex() == 0 ? org.insyn.core.Messages.SWEDISH : java.util.Locale.ENGLISH);
    }

    public Optional<LetterInput> input() {
        return Optional.ofNullable(input);
    }
}
