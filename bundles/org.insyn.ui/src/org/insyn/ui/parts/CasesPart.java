package org.insyn.ui.parts;

import java.util.List;
import java.util.Locale;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.insyn.core.model.CaseFile;
import org.insyn.core.model.Unit;
import org.insyn.core.service.StoreEvent;
import org.insyn.ui.ActiveCase;
import org.insyn.ui.Refusals;
import org.insyn.ui.SignedIn;
import org.insyn.ui.StoreEvents;
import org.insyn.ui.Texts;
import org.insyn.ui.Widgets;
import org.insyn.ui.dialogs.NewCaseDialog;

/** The cases of the user's units: filtered by words of the title, closed ones on request; the chosen one is the active case. */
public class CasesPart {
    static final String KEY = "org.insyn.ui.part.cases";

    @Inject
    MApplication app;
    @Inject
    Refusals refusals;
    @Inject
    org.insyn.ui.work.Background background;

    private SignedIn signedIn;
    private Text filter;
    private Button showClosed;
    private TableViewer table;
    private Button newCase;
    private Button close;
    /** The cases and unit names last read from the store; the filter works on these, without a call per key. */
    private List<CaseFile> all = List.of();
    private List<Unit> units = List.of();

    @PostConstruct
    public void createControls(Composite parent, @Optional SignedIn current) {
        Widgets.key(parent, KEY);
        parent.setLayout(new org.eclipse.swt.layout.GridLayout(2, false));
        filter = Ui.text(parent, KEY + ".filter", SWT.BORDER | SWT.SEARCH | SWT.ICON_CANCEL, 1);
        filter.setMessage(Texts.get("cases.filter"));
        filter.addListener(SWT.Modify, e -> show());
        showClosed = Widgets.key(new Button(parent, SWT.CHECK), KEY + ".closed");
        showClosed.setText(Texts.get("cases.showClosed"));
        showClosed.addListener(SWT.Selection, e -> show());
        table = Ui.table(parent, KEY + ".table", SWT.SINGLE, 2);
        Ui.column(table, "cases.col.title", 220, CaseFile.class, CaseFile::title);
        Ui.column(table, "cases.col.unit", 110, CaseFile.class, c -> unitName(c.unitId()));
        Ui.column(table, "cases.col.opened", 120, CaseFile.class, c -> Ui.when(c.opened()));
        Ui.column(table, "cases.col.state", 140, CaseFile.class, CasesPart::state);
        table.addSelectionChangedListener(e -> {
            CaseFile chosen = (CaseFile) ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (chosen != null) {
                ActiveCase.set(app.getContext(), chosen);
            }
            close.setEnabled(chosen != null && chosen.isOpen());
        });
        Composite buttons = Ui.buttons(parent, 2);
        newCase = Ui.button(buttons, KEY + ".new", "cases.new", this::newCase);
        close = Ui.button(buttons, KEY + ".close", "cases.close", this::closeCase);
        Ui.done(buttons);
        close.setEnabled(false);
        signedIn(current);
    }

    @Inject
    @Optional
    void signedIn(@Optional SignedIn s) {
        signedIn = s;
        if (table != null && !table.getTable().isDisposed()) {
            newCase.setEnabled(s != null && !s.user().unitIds().isEmpty());
            refresh();
        }
    }

    @Inject
    @Optional
    void changed(@UIEventTopic(StoreEvents.TOPIC) StoreEvent e) {
        if (e.type() == StoreEvent.Type.CASE && table != null && !table.getTable().isDisposed()) {
            refresh();
        }
    }

    /** Follows a case chosen elsewhere (e.g. just created). */
    @Inject
    @Optional
    void caseChanged(@Optional @Named(ActiveCase.KEY) CaseFile c) {
        if (table != null && !table.getTable().isDisposed() && c != null
                && !c.equals(((IStructuredSelection) table.getSelection()).getFirstElement())) {
            table.setSelection(new StructuredSelection(c), true);
        }
    }

    /** Reads the cases and unit names off the UI thread, then shows them. */
    private void refresh() {
        if (signedIn == null) {
            all = List.of();
            show();
            return;
        }
        SignedIn who = signedIn;
        background.store(table.getTable(), "cases", monitor -> new Object[] { who.session().cases(),
                who.workspace().units() }, read -> {
                    if (who == signedIn) {
                        @SuppressWarnings("unchecked")
                        List<CaseFile> cases = (List<CaseFile>) read[0];
                        @SuppressWarnings("unchecked")
                        List<Unit> names = (List<Unit>) read[1];
                        all = cases;
                        units = names;
                        show();
                    }
                });
    }

    /** The cases read last, filtered by the words typed and whether closed ones are wanted. */
    private void show() {
        String words = filter.getText().strip().toLowerCase(Locale.ROOT);
        List<CaseFile> cases = all.stream().filter(c -> showClosed.getSelection() || c.isOpen())
                .filter(c -> words.isEmpty() || c.title().toLowerCase(Locale.ROOT).contains(words)).toList();
        Object selected = ((IStructuredSelection) table.getSelection()).getFirstElement();
        table.setInput(cases);
        ActiveCase.of(app.getContext()).flatMap(a -> cases.stream().filter(c -> c.id() == a.id()).findFirst())
                .or(() -> java.util.Optional.ofNullable((CaseFile) selected))
                .ifPresent(c -> table.setSelection(new StructuredSelection(c), true));
    }

    private String unitName(String unitId) {
        return units.stream().filter(u -> u.id().equals(unitId)).map(Unit::name).findFirst().orElse(unitId);
    }

    private static String state(CaseFile c) {
        String state = Texts.get(c.isOpen() ? "cases.open" : "cases.closed");
        return c.flagged() ? state + ", " + Texts.get("cases.flagged") : state;
    }

    private void newCase() {
        List<Unit> mine = units.stream().filter(u -> signedIn.user().belongsTo(u.id())).toList();
        NewCaseDialog dialog = new NewCaseDialog(table.getTable().getShell(), signedIn.session(), mine, signedIn.unit());
        dialog.open();
        dialog.created().ifPresent(c -> {
            refresh();
            ActiveCase.set(app.getContext(), c);
        });
    }

    private void closeCase() {
        CaseFile chosen = (CaseFile) ((IStructuredSelection) table.getSelection()).getFirstElement();
        if (chosen == null) {
            return;
        }
        SignedIn who = signedIn;
        background.store(table.getTable(), "close", monitor -> who.session().closeCase(chosen.id()), closed -> {
            ActiveCase.set(app.getContext(), closed);
            refresh();
        });
    }

    @Focus
    void focus() {
        table.getTable().setFocus();
    }
}
