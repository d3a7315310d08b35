package org.insyn.ui.parts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.insyn.core.model.CaseFile;
import org.insyn.core.model.Justification;
import org.insyn.core.model.Review;
import org.insyn.core.model.ReviewDecision;
import org.insyn.core.model.Role;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;
import org.insyn.core.policy.Policy;
import org.insyn.core.service.Session;
import org.insyn.core.service.StoreEvent;
import org.insyn.core.service.Workspace;
import org.insyn.ui.SignedIn;
import org.insyn.ui.Texts;

/**
 * R2: the justifications of the supervisor's units that await a decision, to approve, reject (with a comment) or
 * comment on. The supervisor's own justifications are listed too, marked as theirs: acting on one shows the store's
 * four-eyes refusal, so the rule is seen where it applies rather than the item silently missing.
 */
public class ReviewQueuePart extends OversightPart {
    static final String KEY = "org.insyn.ui.part.reviewQueue";

    private Label summary;
    private TableViewer table;
    private Text text;
    private Label history;
    private Text comment;
    private Label done;
    private final List<Button> actions = new ArrayList<>();
    private Queue queue = Queue.EMPTY;

    /** One justification awaiting review, with what the supervisor needs to decide on it. */
    record Item(Justification justification, String unitName, String caseTitle, String authorName, boolean own, List<Review> reviews) {
    }

    private record Queue(List<Item> items, Map<String, String> names, String units) {
        static final Queue EMPTY = new Queue(List.of(), Map.of(), "");
    }

    public ReviewQueuePart() {
        super(Set.of(Role.SUPERVISOR), "queue.forSupervisors",
                Set.of(StoreEvent.Type.JUSTIFICATION, StoreEvent.Type.REVIEW, StoreEvent.Type.CASE));
    }

    @PostConstruct
    public void createControls(Composite parent, @Optional SignedIn current) {
        Composite c = content(parent, KEY);
        c.setLayout(new GridLayout(1, false));
        summary = Ui.status(c, KEY + ".summary", 1);
        table = Ui.table(c, KEY + ".table", SWT.SINGLE, 1);
        Ui.column(table, "queue.col.written", 120, Item.class, i -> Ui.when(i.justification().created()));
        Ui.column(table, "queue.col.unit", 90, Item.class, Item::unitName);
        Ui.column(table, "queue.col.case", 150, Item.class, Item::caseTitle);
        Ui.column(table, "queue.col.author", 120, Item.class, Item::authorName);
        Ui.column(table, "queue.col.reason", 200, Item.class, i -> Texts.get("reason." + i.justification().reason().name()));
        Ui.column(table, "queue.col.state", 220, Item.class, i -> Texts.get(i.own() ? "queue.own" : "queue.awaiting"));
        table.addSelectionChangedListener(e -> showSelected());

        Ui.label(c, "queue.text");
        text = Ui.text(c, KEY + ".text", SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL, 1);
        ((GridData) text.getLayoutData()).heightHint = 70;
        history = Ui.status(c, KEY + ".history", 1);
        Ui.label(c, "queue.comment");
        comment = Ui.text(c, KEY + ".comment", SWT.MULTI | SWT.WRAP | SWT.BORDER | SWT.V_SCROLL, 1);
        ((GridData) comment.getLayoutData()).heightHint = 50;
        // Tab leaves the comment field rather than typing a tab into it
        comment.addListener(SWT.Traverse, e -> {
            if (e.detail == SWT.TRAVERSE_TAB_NEXT || e.detail == SWT.TRAVERSE_TAB_PREVIOUS) {
                e.doit = true;
            }
        });
        Composite buttons = Ui.buttons(c, 1);
        actions.add(Ui.button(buttons, KEY + ".approve", "queue.approve", () -> decide(ReviewDecision.APPROVE)));
        actions.add(Ui.button(buttons, KEY + ".reject", "queue.reject", () -> decide(ReviewDecision.REJECT)));
        actions.add(Ui.button(buttons, KEY + ".commentOnly", "queue.commentOnly", () -> decide(ReviewDecision.COMMENT)));
        Ui.button(buttons, KEY + ".refresh", "queue.refresh", this::refresh);
        Ui.done(buttons);
        done = Ui.status(c, KEY + ".done", 1);
        follow(table.getTable(), current);
    }

    @Override
    protected void clear() {
        queue = Queue.EMPTY;
        done.setText("");
        comment.setText("");
        show();
    }

    @Override
    protected void reload() {
        Workspace workspace = signedIn.workspace();
        Session session = signedIn.session();
        read(Texts.get("queue.job"), monitor -> read(workspace, session), q -> {
            queue = q;
            show();
        });
    }

    /** The queue of the store, and the supervisor's own undecided justifications, which the store leaves out (R2). */
    private static Queue read(Workspace workspace, Session session) {
        String me = session.user().id();
        List<Justification> waiting = new ArrayList<>(session.reviewQueue());
        session.justifications(java.util.Optional.empty()).stream().filter(j -> j.authorId().equals(me))
                .filter(j -> Policy.latestDecision(session.reviews(j.id())).isEmpty()).forEach(waiting::add);
        waiting.sort(Comparator.comparing(Justification::created).thenComparing(Justification::id));
        Map<String, String> units = workspace.units().stream().collect(Collectors.toMap(Unit::id, Unit::name));
        Map<String, String> names = workspace.users().stream().collect(Collectors.toMap(User::id, User::displayName));
        Map<Long, String> cases = session.cases().stream().collect(Collectors.toMap(CaseFile::id, CaseFile::title));
        Function<String, String> name = id -> names.getOrDefault(id, id);
        List<Item> items = waiting.stream().map(j -> new Item(j, units.getOrDefault(j.unitId(), j.unitId()),
                j.caseId().map(id -> cases.getOrDefault(id, "#" + id)).orElse(Texts.get("queue.outreach")), name.apply(j.authorId()),
                j.authorId().equals(me), session.reviews(j.id()))).toList();
        String mine = workspace.units().stream().filter(u -> session.user().belongsTo(u.id())).map(Unit::name)
                .collect(Collectors.joining(", "));
        return new Queue(items, names, mine);
    }

    private void show() {
        Item selected = selected();
        table.setInput(queue.items());
        queue.items().stream().filter(i -> selected != null && i.justification().id() == selected.justification().id()).findFirst()
                .or(() -> queue.items().stream().findFirst()).ifPresent(i -> table.setSelection(new StructuredSelection(i), true));
        long others = queue.items().stream().filter(i -> !i.own()).count();
        summary.setText(queue == Queue.EMPTY ? "" : Texts.get("queue.summary", others, queue.units()));
        showSelected();
    }

    private void showSelected() {
        Item item = selected();
        text.setText(item == null ? "" : item.justification().text());
        history.setText(item == null ? "" : item.reviews().isEmpty() ? Texts.get("queue.noReviews")
                : item.reviews().stream().map(r -> Texts.get("queue.review." + r.decision().name(),
                        queue.names().getOrDefault(r.reviewerId(), r.reviewerId()), Ui.when(r.at()), r.comment()))
                        .collect(Collectors.joining("\n")));
        actions.forEach(b -> b.setEnabled(item != null));
        history.getParent().layout(true, true);
    }

    private Item selected() {
        return (Item) ((IStructuredSelection) table.getSelection()).getFirstElement();
    }

    /** The store decides (R2: a supervisor of the unit, never one's own; a rejection needs a comment). */
    private void decide(ReviewDecision decision) {
        Item item = selected();
        if (item == null || !admitted()) {
            return;
        }
        Session session = signedIn.session();
        long id = item.justification().id();
        String remark = comment.getText().strip();
        if (decision == ReviewDecision.COMMENT && remark.isEmpty()) {
            done.setText(Texts.get("queue.noComment"));
            comment.setFocus();
            return;
        }
        read(Texts.get("queue.decide.job"), monitor -> session.review(id, decision, remark), review -> {
            comment.setText("");
            done.setText(Texts.get("queue.done." + decision.name(), item.authorName(), item.caseTitle()));
            refresh();
        });
    }

}
