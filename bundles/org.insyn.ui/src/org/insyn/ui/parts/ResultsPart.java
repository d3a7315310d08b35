package org.insyn.ui.parts;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.insyn.core.InsynException;
import org.insyn.core.model.Hit;
import org.insyn.core.model.Relevance;
import org.insyn.ui.LastSearch;
import org.insyn.ui.Refusals;
import org.insyn.ui.SelectedHit;
import org.insyn.ui.SignedIn;
import org.insyn.ui.Texts;
import org.insyn.ui.Widgets;

/**
 * R3: the hits of the last search, each triaged relevant (a finding) or irrelevant (deleted at once from the store
 * and the index; the worker is told). Keys on the list: R relevant, I or Delete irrelevant, Enter shows the page.
 */
public class ResultsPart {
    static final String KEY = "org.insyn.ui.part.results";

    @Inject
    MApplication app;
    @Inject
    Refusals refusals;
    @Inject
    EPartService parts;

    private SignedIn signedIn;
    private LastSearch last;
    private Label summary;
    private TableViewer table;
    private Button relevant;
    private Button irrelevant;
    private Button open;
    private Label status;

    @PostConstruct
    public void createControls(Composite parent, @Optional SignedIn current, @Optional @Named(LastSearch.KEY) LastSearch search) {
        Widgets.key(parent, KEY);
        parent.setLayout(new GridLayout(1, false));
        Ui.discussionMaterial(parent, 1);
        summary = Ui.status(parent, KEY + ".summary", 1);
        table = Ui.table(parent, KEY + ".table", SWT.SINGLE, 1);
        Ui.column(table, "results.col.title", 240, Hit.class, Hit::title);
        Ui.column(table, "results.col.source", 110, Hit.class, Hit::source);
        Ui.column(table, "results.col.url", 240, Hit.class, Hit::url);
        Ui.column(table, "results.col.snippet", 300, Hit.class, Hit::snippet);
        Ui.column(table, "results.col.state", 90, Hit.class, h -> Texts.get("relevance." + h.relevance().name()));
        table.addSelectionChangedListener(e -> selected());
        table.getTable().addListener(SWT.KeyDown, e -> {
            if (e.character == 'r' || e.character == 'R') {
                triage(Relevance.RELEVANT);
            } else if (e.character == 'i' || e.character == 'I' || e.keyCode == SWT.DEL) {
                triage(Relevance.IRRELEVANT);
            } else if (e.character == SWT.CR) {
                showPage();
            } else {
                return;
            }
            e.doit = false;
        });
        table.addDoubleClickListener(e -> showPage());
        Composite buttons = Ui.buttons(parent, 1);
        relevant = Ui.button(buttons, KEY + ".relevant", "results.relevant", () -> triage(Relevance.RELEVANT));
        irrelevant = Ui.button(buttons, KEY + ".irrelevant", "results.irrelevant", () -> triage(Relevance.IRRELEVANT));
        open = Ui.button(buttons, KEY + ".open", "results.open", this::showPage);
        Ui.done(buttons);
        status = Ui.status(parent, KEY + ".status", 1);
        signedIn = current;
        lastSearch(search);
    }

    @Inject
    @Optional
    void signedIn(@Optional SignedIn s) {
        signedIn = s;
        if (s == null && table != null && !table.getTable().isDisposed()) {
            lastSearch(null);
        }
    }

    @Inject
    @Optional
    void lastSearch(@Optional @Named(LastSearch.KEY) LastSearch search) {
        last = search;
        if (table == null || table.getTable().isDisposed()) {
            return;
        }
        status.setText("");
        refresh();
        if (!hits().isEmpty()) {
            table.setSelection(new StructuredSelection(hits().get(0)), true);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Hit> hits() {
        return table.getInput() == null ? List.of() : (List<Hit>) table.getInput();
    }

    private void refresh() {
        if (last == null || signedIn == null) {
            summary.setText(Texts.get("results.none"));
            table.setInput(List.of());
        } else {
            List<Hit> hits = signedIn.session().hits(last.outcome().run().id());
            summary.setText(Texts.get("results.summary", hits.size(), last.outcome().run().query()));
            table.setInput(hits);
        }
        selected();
        summary.getParent().layout(true, true);
    }

    private java.util.Optional<Hit> selection() {
        return java.util.Optional.ofNullable((Hit) ((IStructuredSelection) table.getSelection()).getFirstElement());
    }

    private void selected() {
        java.util.Optional<Hit> hit = selection();
        relevant.setEnabled(hit.isPresent());
        irrelevant.setEnabled(hit.isPresent());
        open.setEnabled(hit.isPresent());
        hit.ifPresent(h -> app.getContext().set(SelectedHit.KEY, new SelectedHit(h, last.justification().id(), last.justification().caseId())));
    }

    /** R3: relevant makes a finding; irrelevant deletes the hit, and the worker is told so. The next hit is selected. */
    private void triage(Relevance relevance) {
        java.util.Optional<Hit> hit = selection();
        if (hit.isEmpty()) {
            return;
        }
        int index = hits().indexOf(hit.get());
        try {
            signedIn.session().triage(hit.get().id(), relevance);
        } catch (InsynException e) {
            refusals.show(e);
            return;
        }
        status.setText(relevance == Relevance.IRRELEVANT ? Texts.get("results.deleted", hit.get().title())
                : Texts.get("results.finding", hit.get().title()));
        refresh();
        List<Hit> now = hits();
        if (!now.isEmpty()) {
            int next = relevance == Relevance.IRRELEVANT ? Math.min(index, now.size() - 1) : Math.min(index + 1, now.size() - 1);
            table.setSelection(new StructuredSelection(now.get(next)), true);
        }
    }

    private void showPage() {
        if (selection().isPresent()) {
            parts.showPart("org.insyn.ui.part.browser", EPartService.PartState.VISIBLE);
        }
    }

    @Focus
    void focus() {
        table.getTable().setFocus();
    }
}
