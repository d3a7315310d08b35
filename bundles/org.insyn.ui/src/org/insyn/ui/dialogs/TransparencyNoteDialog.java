package org.insyn.ui.dialogs;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.insyn.core.model.NoticeChannel;
import org.insyn.core.service.Session;
import org.insyn.ui.Texts;

/** R4: records that the client was told that the service may search public internet sources about them: when, how, by whom. */
public final class TransparencyNoteDialog extends FormDialog {
    public static final String KEY = "org.insyn.ui.dialog.transparencyNote";

    private final Session session;
    private final long caseId;
    private final String clientName;
    private final NoticeChannel suggested;
    private Text toldOn;
    private Combo channel;
    private Text toldBy;

    public TransparencyNoteDialog(Shell parent, Session session, long caseId, String clientName, NoticeChannel suggested) {
        super(parent, KEY, "note.title");
        this.session = session;
        this.caseId = caseId;
        this.clientName = clientName;
        this.suggested = suggested;
    }

    @Override
    protected String okLabel() {
        return Texts.get("note.ok");
    }

    @Override
    protected void createFields(Composite area) {
        Label what = new Label(area, SWT.WRAP);
        what.setText(Texts.get("note.what", clientName));
        what.setLayoutData(new org.eclipse.swt.layout.GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        // a date as a Swedish office writes it (yyyy-MM-dd), in both languages; today unless changed
        toldOn = field(area, "note.toldOn", "toldOn", SWT.NONE);
        toldOn.setMessage(Texts.get("audit.date.hint"));
        toldOn.setText(LocalDate.now(org.insyn.ui.parts.Ui.ZONE).toString());
        channel = combo(area, "note.channel", "channel");
        for (NoticeChannel c : NoticeChannel.values()) {
            channel.add(Texts.get("channel." + c.name()));
        }
        channel.select(suggested.ordinal());
        toldBy = field(area, "note.toldBy", "toldBy", SWT.NONE);
        toldBy.setText(session.user().displayName());
        channel.setFocus();
    }

    @Override
    protected void save() {
        LocalDate date;
        try {
            date = LocalDate.parse(toldOn.getText().strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new Invalid("audit.badDate", toldOn.getText().strip());
        }
        session.recordTransparencyNote(caseId, date, List.of(NoticeChannel.values()).get(channel.getSelectionIndex()), toldBy.getText().strip());
    }
}
