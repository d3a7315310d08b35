package org.insyn.ui.parts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.insyn.core.model.AuditAction;
import org.insyn.core.model.AuditEntry;
import org.insyn.core.model.CaseFile;
import org.insyn.core.model.Role;
import org.insyn.core.model.User;
import org.insyn.core.service.AuditTrail.ChainHead;
import org.insyn.core.service.StoreEvent;
import org.insyn.core.service.VerifyReport;
import org.insyn.ui.SignedIn;
import org.insyn.ui.Texts;
import org.insyn.ui.Widgets;

/**
 * R16: the audit trail, newest first, filtered by user, action, case and date; and the hash chain verified in the
 * background, optionally against a head kept earlier (which catches entries cut from the end). A supervisor sees the
 * entries of their units' cases and those of no case; an administrator sees every entry but not what a case's entries
 * say (R9: administrators see no case content).
 */
public class AuditLogPart extends OversightPart {
    static final String KEY = "org.insyn.ui.part.audit";
    private static final int PAGE = 10_000;

    private Combo user;
    private Combo action;
    private Text caseId;
    private Text from;
    private Text to;
    private TableViewer table;
    private Label count;
    private Text keptHead;
    private Label result;
    private Text head;
    private org.eclipse.swt.widgets.List problems;

    private List<User> users = List.of();
    /** Every entry read so far, in chain order; entries are only ever appended. */
    private final List<AuditEntry> entries = new ArrayList<>();
    private Set<Long> visibleCases = Set.of();
    private Job loading;
    private boolean again;

    /** Each committed change wrote its audit entry: the entries added since are read after any change. */
    public AuditLogPart() {
        super(Set.of(Role.SUPERVISOR, Role.ADMINISTRATOR), "audit.forSupervisors", EnumSet.allOf(StoreEvent.Type.class));
    }

    @PostConstruct
    public void createControls(Composite parent, @Optional SignedIn current) {
        Composite c = content(parent, KEY);
        c.setLayout(new GridLayout(1, false));
        Composite who = Ui.buttons(c, 1);
        Ui.label(who, "audit.user");
        user = combo(who, KEY + ".user");
        Ui.label(who, "audit.action");
        action = combo(who, KEY + ".action");
        action.add(Texts.get("audit.allActions"));
        Arrays.stream(AuditAction.values()).forEach(a -> action.add(actionLabel(a)));
        action.select(0);
        Ui.done(who);
        Composite when = Ui.buttons(c, 1);
        Ui.label(when, "audit.case");
        caseId = filterText(when, KEY + ".case", 50);
        Ui.label(when, "audit.from");
        from = filterText(when, KEY + ".from", 90);
        from.setMessage(Texts.get("audit.date.hint"));
        Ui.fitHint(from, 90);
        Ui.label(when, "audit.to");
        to = filterText(when, KEY + ".to", 90);
        to.setMessage(Texts.get("audit.date.hint"));
        Ui.fitHint(to, 90);
        Ui.done(when);
        table = Ui.table(c, KEY + ".table", SWT.MULTI | SWT.VIRTUAL, 1);
        Ui.column(table, "audit.col.seq", 60, AuditEntry.class, e -> String.valueOf(e.seq()));
        Ui.column(table, "audit.col.at", 130, AuditEntry.class, e -> Ui.when(e.at()));
        Ui.column(table, "audit.col.user", 90, AuditEntry.class, AuditEntry::actorId);
        Ui.column(table, "audit.col.action", 170, AuditEntry.class, e -> actionLabel(e.action()));
        Ui.column(table, "audit.col.case", 50, AuditEntry.class, e -> e.caseId().map(String::valueOf).orElse(""));
        Ui.column(table, "audit.col.target", 130, AuditEntry.class, e -> Words.auditTarget(e.target()));
        Ui.column(table, "audit.col.detail", 380, AuditEntry.class, this::detail);
        count = Ui.status(c, KEY + ".count", 1);
        Composite verify = Ui.buttons(c, 1);
        ((GridLayout) verify.getLayout()).numColumns = 4;
        Ui.label(verify, "audit.keptHead");
        keptHead = Ui.text(verify, KEY + ".keptHead", SWT.BORDER, 1);
        keptHead.setMessage(Texts.get("audit.keptHead.hint"));
        ((GridData) keptHead.getLayoutData()).widthHint = 120;
        Ui.button(verify, KEY + ".verify", "audit.verify", this::verify);
        Ui.button(verify, KEY + ".refresh", "audit.refresh", this::refresh);
        result = Ui.status(verify, KEY + ".result", 4);
        Ui.label(verify, "audit.head");
        head = Ui.text(verify, KEY + ".head", SWT.READ_ONLY, 3);
        ((GridData) head.getLayoutData()).widthHint = 120;
        problems = Widgets.key(new org.eclipse.swt.widgets.List(verify, SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL), KEY + ".problems");
        GridData problemsData = new GridData(SWT.FILL, SWT.FILL, true, false, 4, 1);
        problemsData.heightHint = 60;
        problems.setLayoutData(problemsData);
        problems.setVisible(false);
        problemsData.exclude = true;
        follow(table.getTable(), current, caseId, from, to);
    }

    private Combo combo(Composite parent, String key) {
        Combo combo = Widgets.key(new Combo(parent, SWT.READ_ONLY), key);
        GridData d = new GridData(SWT.FILL, SWT.CENTER, true, false);
        d.widthHint = 120;
        combo.setLayoutData(d);
        combo.addListener(SWT.Selection, e -> show());
        return combo;
    }

    private Text filterText(Composite parent, String key, int width) {
        Text t = Widgets.key(new Text(parent, SWT.BORDER), key);
        GridData d = new GridData(SWT.FILL, SWT.CENTER, false, false);
        d.widthHint = width;
        t.setLayoutData(d);
        t.addListener(SWT.Modify, e -> show());
        return t;
    }

    @Override
    protected void clear() {
        // a read still running for the one signed in before is dropped when it ends
        loading = null;
        again = false;
        entries.clear();
        users = List.of();
        user.removeAll();
        result.setText("");
        head.setText("");
        showProblems(List.of());
        show();
    }

    /** Reads the entries after the last one read (all of them the first time); one read at a time. */
    @Override
    protected void reload() {
        if (loading != null && loading.getState() != Job.NONE) {
            again = true;
            return;
        }
        var workspace = signedIn.workspace();
        var session = signedIn.session();
        boolean supervisor = signedIn.role() == Role.SUPERVISOR;
        long after = entries.isEmpty() ? 0 : entries.getLast().seq() + 1;
        loading = read(Texts.get("audit.job"), monitor -> {
            long last = workspace.audit().head().seq();
            SubMonitor progress = SubMonitor.convert(monitor, Texts.get("audit.job"), (int) Math.max(1, (last - after + PAGE) / PAGE));
            List<AuditEntry> read = new ArrayList<>();
            for (long seq = after; seq <= last;) {
                if (progress.isCanceled()) {
                    throw new OperationCanceledException();
                }
                List<AuditEntry> page = workspace.audit().entries(java.util.Optional.empty(), seq, PAGE);
                if (page.isEmpty()) {
                    break;
                }
                read.addAll(page);
                seq = page.getLast().seq() + 1;
                progress.worked(1);
            }
            Set<Long> cases = supervisor ? session.cases().stream().map(CaseFile::id).collect(Collectors.toSet()) : Set.of();
            return new Read(read, cases, workspace.users());
        }, read -> {
            loading = null;
            entries.addAll(read.entries());
            visibleCases = read.cases();
            if (!read.users().equals(users)) {
                users = read.users();
                String chosen = user.getText();
                user.removeAll();
                user.add(Texts.get("audit.allUsers"));
                users.forEach(u -> user.add(u.displayName() + " (" + u.id() + ")"));
                user.select(Math.max(0, user.indexOf(chosen)));
            }
            show();
            if (again) {
                again = false;
                reload();
            }
        });
    }

    private record Read(List<AuditEntry> entries, Set<Long> cases, List<User> users) {
    }

    private void show() {
        Filter f;
        try {
            f = filter();
        } catch (IllegalArgumentException e) {
            count.setText(e.getMessage());
            return;
        }
        List<AuditEntry> shown = new ArrayList<>();
        int visible = 0;
        for (AuditEntry e : entries) {
            if (mayShow(e)) {
                visible++;
                if (f.test(e)) {
                    shown.add(e);
                }
            }
        }
        Collections.reverse(shown);
        table.setInput(shown);
        count.setText(Texts.get("audit.count", shown.size(), visible));
    }

    /** R9: the trail of a supervisor's own units; an administrator sees that entries exist, not what cases hold. */
    private boolean mayShow(AuditEntry e) {
        return signedIn != null && (signedIn.role() != Role.SUPERVISOR || e.caseId().isEmpty() || visibleCases.contains(e.caseId().get()));
    }

    private String detail(AuditEntry e) {
        return signedIn != null && signedIn.role() == Role.ADMINISTRATOR && e.caseId().isPresent() ? Texts.get("audit.detailWithheld")
                : Words.auditDetail(e.detail());
    }

    private record Filter(java.util.Optional<String> userId, java.util.Optional<AuditAction> action, java.util.Optional<Long> caseId,
            java.util.Optional<LocalDate> from, java.util.Optional<LocalDate> to) {
        boolean test(AuditEntry e) {
            LocalDate day = e.at().atZone(Ui.ZONE).toLocalDate();
            return userId.map(e.actorId()::equals).orElse(true) && action.map(e.action()::equals).orElse(true)
                    && caseId.map(id -> e.caseId().equals(java.util.Optional.of(id))).orElse(true)
                    && from.map(d -> !day.isBefore(d)).orElse(true) && to.map(d -> !day.isAfter(d)).orElse(true);
        }
    }

    /** The filter as typed; a case number or date that cannot be read says how to write it. */
    private Filter filter() {
        int u = user.getSelectionIndex();
        int a = action.getSelectionIndex();
        return new Filter(u > 0 && u <= users.size() ? java.util.Optional.of(users.get(u - 1).id()) : java.util.Optional.empty(),
                a > 0 ? java.util.Optional.of(AuditAction.values()[a - 1]) : java.util.Optional.empty(),
                parse(caseId.getText().replaceFirst("^\\s*#", ""), Long::parseLong, "audit.badCase"),
                parse(from.getText(), LocalDate::parse, "audit.badDate"), parse(to.getText(), LocalDate::parse, "audit.badDate"));
    }

    /** R16: walks the whole chain in the background; with a head kept earlier, also checks the chain still reaches it. */
    private void verify() {
        if (!admitted()) {
            return;
        }
        java.util.Optional<ChainHead> expected;
        try {
            expected = keptHead(keptHead.getText());
        } catch (IllegalArgumentException e) {
            result.setText(e.getMessage());
            return;
        }
        var trail = signedIn.workspace().audit();
        result.setText(Texts.get("audit.verifying"));
        read(Texts.get("audit.verify.job"), monitor -> {
            // one call of the store walks the chain: its length is not known beforehand
            monitor.beginTask(Texts.get("audit.verify.job"), IProgressMonitor.UNKNOWN);
            VerifyReport report = trail.verify(expected);
            ChainHead now = trail.head();
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            return new Verified(report, now);
        }, this::showVerified);
    }

    private record Verified(VerifyReport report, ChainHead head) {
    }

    private void showVerified(Verified v) {
        boolean clean = v.report().clean();
        result.setText(clean ? Texts.get("audit.clean", v.report().entriesChecked())
                : Texts.get("audit.broken", v.report().problems().size(), v.report().entriesChecked()));
        result.setForeground(result.getDisplay().getSystemColor(clean ? SWT.COLOR_DARK_GREEN : SWT.COLOR_RED));
        head.setText(v.head().seq() + ":" + v.head().hash());
        showProblems(v.report().problems().stream()
                .map(p -> Texts.get("audit.problem", Texts.get("audit.problem." + p.kind().name()), p.where(), p.detail())).toList());
        result.getParent().getParent().layout(true, true);
    }

    private void showProblems(List<String> lines) {
        problems.setItems(lines.toArray(String[]::new));
        problems.setVisible(!lines.isEmpty());
        ((GridData) problems.getLayoutData()).exclude = lines.isEmpty();
    }

    /** "seq:hash" as {@code insyn cli verify} prints it. */
    static java.util.Optional<ChainHead> keptHead(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return java.util.Optional.empty();
        }
        int colon = s.indexOf(':');
        try {
            if (colon > 0 && s.substring(colon + 1).matches("[0-9a-fA-F]{64}")) {
                return java.util.Optional.of(new ChainHead(Long.parseLong(s.substring(0, colon)), s.substring(colon + 1).toLowerCase()));
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(Texts.get("audit.badHead"));
    }

    /** The action in words; one added to the trail before it has words here shows by its name rather than failing. */
    static String actionLabel(AuditAction a) {
        try {
            return Texts.get("audit.action." + a.name());
        } catch (IllegalArgumentException e) {
            return a.name();
        }
    }

}
