package org.insyn.ui.dialogs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.insyn.core.model.Justification;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.ReviewDecision;
import org.insyn.core.model.SearchMode;
import org.insyn.core.policy.Policy;
import org.insyn.core.service.Session;
import org.insyn.ui.Texts;

/**
 * R1: the individual assessment before a search: a reason category and, in the worker's own words, why this search
 * is needed. A justification written earlier for the same case and kind of search may be used again (under
 * review=before it may be the one a supervisor approved); rejected ones are not offered (R2).
 */
public final class JustificationDialog extends FormDialog {
    public static final String KEY = "org.insyn.ui.dialog.justification";

    private final Session session;
    private final SearchMode mode;
    private final Optional<Long> caseId;
    private final String unitId;
    private final String query;
    private final int sources;
    private final List<Justification> earlier = new ArrayList<>();
    private Combo existing;
    private Combo reason;
    private Text text;
    private Justification chosen;
    private String typed = "";

    /** {@code usable}: the justifications written earlier for this case and kind of search, as {@link #usable} reads them. */
    public JustificationDialog(Shell parent, Session session, SearchMode mode, Optional<Long> caseId, String unitId, String query, int sources,
            List<Justification> usable) {
        super(parent, KEY, "justification.title");
        this.session = session;
        this.mode = mode;
        this.caseId = caseId;
        this.unitId = unitId;
        this.query = query;
        this.sources = sources;
        this.earlier.addAll(usable);
    }

    /**
     * The justifications written earlier for the same case (or outreach without one), kind of search and unit that
     * were not rejected (R2): a store read, so call it off the UI thread.
     */
    public static List<Justification> usable(Session session, SearchMode mode, Optional<Long> caseId, String unitId) {
        return session.justifications(caseId).stream()
                .filter(j -> j.mode() == mode && j.caseId().equals(caseId) && j.unitId().equals(unitId))
                .filter(j -> Policy.latestDecision(session.reviews(j.id())).filter(r -> r.decision() == ReviewDecision.REJECT).isEmpty())
                .toList();
    }

    @Override
    protected String okLabel() {
        return Texts.get("justification.ok");
    }

    @Override
    protected void createFields(Composite area) {
        Label what = new Label(area, SWT.WRAP);
        what.setText(Texts.get("justification.what", query, sources));
        GridData d = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        d.widthHint = 480;
        what.setLayoutData(d);
        existing = combo(area, "justification.existing", "existing");
        existing.add(Texts.get("justification.new"));
        for (Justification j : earlier) {
            existing.add(org.insyn.ui.parts.Ui.day(j.created().atZone(org.insyn.ui.parts.Ui.ZONE)) + " " + Texts.get("reason." + j.reason().name())
                    + ": " + abbreviate(j.text()));
        }
        existing.select(0);
        existing.addListener(SWT.Selection, e -> chooseEarlier());
        reason = combo(area, "justification.reason", "reason");
        for (ReasonCategory r : ReasonCategory.values()) {
            reason.add(Texts.get("reason." + r.name()));
        }
        reason.select(mode == SearchMode.OUTREACH ? ReasonCategory.OUTREACH_CONTACT.ordinal() : 0);
        text = field(area, "justification.text", "text", SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        text.setMessage(Texts.get("justification.hint"));
        text.setFocus();
    }

    /** An earlier justification shows its own reason and words (not to be changed); a new one what was typed. */
    private void chooseEarlier() {
        int i = existing.getSelectionIndex();
        boolean fresh = i == 0;
        if (fresh) {
            reason.select(mode == SearchMode.OUTREACH ? ReasonCategory.OUTREACH_CONTACT.ordinal() : 0);
            text.setText(typed);
        } else {
            if (text.getEnabled()) {
                typed = text.getText();
            }
            Justification j = earlier.get(i - 1);
            reason.select(j.reason().ordinal());
            text.setText(j.text());
        }
        reason.setEnabled(fresh);
        text.setEnabled(fresh);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 59) + "\u2026";
    }

    @Override
    protected void save() {
        chosen = existing.getSelectionIndex() > 0 ? earlier.get(existing.getSelectionIndex() - 1)
                : session.justify(caseId, unitId, ReasonCategory.values()[reason.getSelectionIndex()], text.getText().strip(), mode);
    }

    public Optional<Justification> chosen() {
        return Optional.ofNullable(chosen);
    }
}
