package org.insyn.ui.parts;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.insyn.core.model.Hit;
import org.insyn.core.model.Relevance;
import org.insyn.core.service.SearchService;
import org.insyn.core.service.SourceProvider;
import org.insyn.ui.LastSearch;
import org.insyn.ui.Refusals;
import org.insyn.ui.SelectedHit;
import org.insyn.ui.SignedIn;
import org.insyn.ui.Texts;
import org.insyn.ui.Widgets;
import org.insyn.ui.work.Background;

/**
 * R3: the hits of the last search, each triaged relevant (a finding, marked in the list) or irrelevant. An irrelevant
 * hit is greyed and deleted from the store and the index {@link #GRACE_SECONDS} seconds later, or at once when the
 * worker moves on (another search's hits, another case, signing out); until then Ctrl+Z (or U) undoes the last
 * triage, a finding's too. Keys on the list: R relevant, I or Delete irrelevant, Enter shows the page.
 */
public class ResultsPart {
    static final String KEY = "org.insyn.ui.part.results";
    /** How long an irrelevant hit can still be taken back before it is deleted for good (R3). */
    static final int GRACE_SECONDS = 10;

    @Inject
    MApplication app;
    @Inject
    Refusals refusals;
    @Inject
    EPartService parts;
    @Inject
    Background background;
    @Inject
    @Optional
    SearchService search;

    private SignedIn signedIn;
    private LastSearch last;
    private Label summary;
    private TableViewer table;
    private Button relevant;
    private Button irrelevant;
    private Button undo;
    private Button open;
    private Label status;
    private List<Hit> hits = List.of();
    /** Hits marked irrelevant and not yet deleted, oldest first. */
    private final Map<Long, Hit> pending = new LinkedHashMap<>();
    /** What Ctrl+Z takes back, newest first: a hit and the triage it had before. */
    private final Deque<Map.Entry<Hit, Relevance>> undoable = new ArrayDeque<>();
    private Runnable graceTimer;

    @PostConstruct
    public void createControls(Composite parent, @Optional SignedIn current, @Optional @Named(LastSearch.KEY) LastSearch lastSearch) {
        Widgets.key(parent, KEY);
        parent.setLayout(new GridLayout(1, false));
        Ui.discussionMaterial(parent, 1);
        summary = Ui.status(parent, KEY + ".summary", 1);
        table = Ui.table(parent, KEY + ".table", SWT.SINGLE, 1);
        Ui.column(table, "results.col.state", 110, Hit.class, this::state);
        Ui.column(table, "results.col.title", 240, Hit.class, Hit::title);
        Ui.column(table, "results.col.source", 120, Hit.class, h -> sourceName(h.source()));
        Ui.column(table, "results.col.url", 240, Hit.class, Hit::url);
        Ui.column(table, "results.col.snippet", 300, Hit.class, Hit::snippet);
        table.addSelectionChangedListener(e -> selected());
        table.getTable().addListener(SWT.KeyDown, e -> {
            if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == 'z' || e.keyCode == 'Z')) {
                undo();
            } else if ((e.stateMask & SWT.MODIFIER_MASK) != 0) {
                return;
            } else if (e.character == 'r' || e.character == 'R') {
                triage(Relevance.RELEVANT);
            } else if (e.character == 'i' || e.character == 'I' || e.keyCode == SWT.DEL) {
                triage(Relevance.IRRELEVANT);
            } else if (e.character == 'u' || e.character == 'U') {
                undo();
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
        undo = Ui.button(buttons, KEY + ".undo", "results.undo", this::undo);
        open = Ui.button(buttons, KEY + ".open", "results.open", this::showPage);
        Ui.done(buttons);
        status = Ui.status(parent, KEY + ".status", 1);
        signedIn = current;
        lastSearch(lastSearch);
        parent.addDisposeListener(e -> finish(signedIn));
    }

    private String state(Hit h) {
        if (pending.containsKey(h.id())) {
            return "\u2717 " + Texts.get("results.state.pending");
        }
        return h.relevance() == Relevance.RELEVANT ? "\u2713 " + Texts.get("results.state.finding")
                : Texts.get("relevance." + h.relevance().name());
    }

    private String sourceName(String id) {
        return search == null ? id
                : search.sources().stream().filter(p -> p.id().equals(id)).map(SourceProvider::name).findFirst().orElse(id);
    }

    @Inject
    @Optional
    void signedIn(@Optional SignedIn s) {
        if (s != signedIn) {
            // signing out is moving on: the workspace is still open here, so the marked hits go now (R3)
            finish(signedIn);
        }
        signedIn = s;
        if (s == null && table != null && !table.getTable().isDisposed()) {
            lastSearch(null);
        }
    }

    @Inject
    @Optional
    void caseChanged(@Optional @Named(org.insyn.ui.ActiveCase.KEY) org.insyn.core.model.CaseFile c) {
        if (last != null && last.justification().caseId().isPresent() && (c == null || c.id() != last.justification().caseId().get())) {
            deletePending();
        }
    }

    @Inject
    @Optional
    void lastSearch(@Optional @Named(LastSearch.KEY) LastSearch lastSearch) {
        if (lastSearch != last) {
            deletePending();
            undoable.clear();
        }
        last = lastSearch;
        if (table == null || table.getTable().isDisposed()) {
            return;
        }
        status.setText("");
        hits = List.of();
        refresh(true);
    }

    /** Reads the hits of the search off the UI thread and shows them. */
    private void refresh(boolean selectFirst) {
        if (last == null || signedIn == null) {
            show(List.of(), selectFirst);
            return;
        }
        SignedIn who = signedIn;
        LastSearch asked = last;
        background.store(table.getTable(), "hits", monitor -> who.session().hits(asked.outcome().run().id()), read -> {
            if (asked == last) {
                show(read, selectFirst);
            }
        });
    }

    private void show(List<Hit> read, boolean selectFirst) {
        Object selected = ((IStructuredSelection) table.getSelection()).getFirstElement();
        hits = read;
        summary.setText(last == null || signedIn == null ? Texts.get("results.none")
                : Texts.get("results.summary", hits.size(), last.outcome().run().query()));
        table.setInput(hits);
        table.getTable().setData("org.insyn.ui.part.results.pending", pending.keySet().toArray(Long[]::new));
        for (org.eclipse.swt.widgets.TableItem item : table.getTable().getItems()) {
            if (item.getData() instanceof Hit h && pending.containsKey(h.id())) {
                item.setForeground(table.getTable().getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
            }
        }
        java.util.Optional<Hit> again = selected instanceof Hit h ? hits.stream().filter(x -> x.id() == h.id()).findFirst()
                : java.util.Optional.empty();
        if (again.isPresent()) {
            table.setSelection(new StructuredSelection(again.get()), true);
        } else if (selectFirst && !hits.isEmpty()) {
            table.setSelection(new StructuredSelection(hits.get(0)), true);
        }
        selected();
        summary.getParent().layout(true, true);
    }

    private java.util.Optional<Hit> selection() {
        return java.util.Optional.ofNullable((Hit) ((IStructuredSelection) table.getSelection()).getFirstElement());
    }

    private void selected() {
        java.util.Optional<Hit> hit = selection();
        boolean marked = hit.isPresent() && pending.containsKey(hit.get().id());
        relevant.setEnabled(hit.isPresent() && !marked && hit.get().relevance() != Relevance.RELEVANT);
        irrelevant.setEnabled(hit.isPresent() && !marked);
        undo.setEnabled(!undoable.isEmpty());
        open.setEnabled(hit.isPresent() && !marked);
        String why = Texts.get(hit.isEmpty() ? "results.why.noHit" : "results.why.marked");
        relevant.setToolTipText(relevant.getEnabled() ? null : hit.isPresent() && !marked ? Texts.get("results.why.finding") : why);
        irrelevant.setToolTipText(irrelevant.getEnabled() ? null : why);
        open.setToolTipText(open.getEnabled() ? null : why);
        undo.setToolTipText(undo.getEnabled() ? null : Texts.get("results.why.nothingToUndo"));
        hit.filter(h -> !pending.containsKey(h.id())).ifPresent(
                h -> app.getContext().set(SelectedHit.KEY, new SelectedHit(h, last.justification().id(), last.justification().caseId())));
    }

    /** R3: relevant makes a finding at once; irrelevant is marked and deleted after the grace period. The next hit is selected. */
    private void triage(Relevance relevance) {
        java.util.Optional<Hit> hit = selection();
        if (hit.isEmpty() || pending.containsKey(hit.get().id())) {
            return;
        }
        Hit h = hit.get();
        int index = hits.indexOf(h);
        if (relevance == Relevance.IRRELEVANT) {
            pending.put(h.id(), h);
            undoable.push(Map.entry(h, h.relevance()));
            status.setText(Texts.get("results.pending", h.title(), GRACE_SECONDS));
            restartGrace();
            show(hits, false);
        } else if (h.relevance() != Relevance.RELEVANT) {
            undoable.push(Map.entry(h, h.relevance()));
            write(h, Relevance.RELEVANT, Texts.get("results.finding", h.title()));
        }
        if (index + 1 < hits.size()) {
            table.setSelection(new StructuredSelection(hits.get(index + 1)), true);
        }
        status.getParent().layout(true, true);
    }

    private void write(Hit h, Relevance relevance, String done) {
        SignedIn who = signedIn;
        background.store(status, "triage-" + h.id(), monitor -> who.session().triage(h.id(), relevance), triaged -> {
            status.setText(done);
            status.getParent().layout(true, true);
            refresh(false);
        });
    }

    /** Takes back the last triage: a marked hit stays, a finding is untriaged again. */
    private void undo() {
        Map.Entry<Hit, Relevance> lastTriage = undoable.poll();
        if (lastTriage == null) {
            return;
        }
        Hit h = lastTriage.getKey();
        if (pending.remove(h.id()) != null) {
            status.setText(Texts.get("results.undone", h.title()));
            show(hits, false);
        } else {
            write(h, lastTriage.getValue(), Texts.get("results.undone", h.title()));
        }
        table.setSelection(new StructuredSelection(hits.stream().filter(x -> x.id() == h.id()).findFirst().orElse(h)), true);
        selected();
        status.getParent().layout(true, true);
    }

    private void restartGrace() {
        Runnable timer = () -> {
            if (!table.getTable().isDisposed()) {
                deletePending();
            }
        };
        if (graceTimer != null) {
            table.getTable().getDisplay().timerExec(-1, graceTimer);
        }
        graceTimer = timer;
        table.getTable().getDisplay().timerExec(GRACE_SECONDS * 1000, timer);
    }

    /** R3: the marked hits are deleted from the store and the index now; only the trail keeps that hits were discarded. */
    private void deletePending() {
        if (pending.isEmpty() || signedIn == null) {
            return;
        }
        if (table == null || table.getTable().isDisposed()) {
            finish(signedIn);
            return;
        }
        List<Hit> going = List.copyOf(pending.values());
        pending.clear();
        undoable.removeIf(e -> going.stream().anyMatch(g -> g.id() == e.getKey().id()));
        SignedIn who = signedIn;
        LastSearch of = last;
        Background.Work<List<Hit>> delete = monitor -> {
            for (Hit h : going) {
                who.session().triage(h.id(), Relevance.IRRELEVANT);
            }
            return of == null ? List.of() : who.session().hits(of.outcome().run().id());
        };
        background.store(status, "delete", delete, left -> {
            if (of == last) {
                show(left, false);
            }
            int n = going.size();
            status.setText(n == 1 ? Texts.get("results.deleted", going.get(0).title()) : Texts.get("results.deletedMany", n));
            status.getParent().layout(true, true);
        });
    }

    /** Before the workspace closes (sign-out, the part closing): the marked hits are deleted now, on this thread (R3). */
    private void finish(SignedIn who) {
        if (pending.isEmpty() || who == null) {
            return;
        }
        List<Hit> going = List.copyOf(pending.values());
        pending.clear();
        for (Hit h : going) {
            try {
                who.session().triage(h.id(), Relevance.IRRELEVANT);
            } catch (RuntimeException e) {
                refusals.show(e);
                return;
            }
        }
    }

    private void showPage() {
        if (selection().filter(h -> !pending.containsKey(h.id())).isPresent()) {
            parts.showPart("org.insyn.ui.part.browser", EPartService.PartState.VISIBLE);
        }
    }

    @Focus
    void focus() {
        table.getTable().setFocus();
    }
}
