package org.insyn.ui.parts;

import java.nio.file.Path;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.insyn.core.model.CaseFile;
import org.insyn.core.model.Hit;
import org.insyn.core.model.Justification;
import org.insyn.core.model.Review;
import org.insyn.core.model.ReviewDecision;
import org.insyn.core.model.Subject;
import org.insyn.core.model.TransparencyNote;
import org.insyn.core.model.Unit;
import org.insyn.core.policy.Policy;
import org.insyn.core.report.LetterInput;
import org.insyn.core.service.ReportService;
import org.insyn.ui.ActiveCase;
import org.insyn.ui.Commands;
import org.insyn.ui.SignedIn;
import org.insyn.ui.Texts;
import org.insyn.ui.Widgets;
import org.insyn.ui.dialogs.LetterDialog;
import org.insyn.ui.work.Background;
import org.insyn.ui.work.Exports;

/**
 * The active case at a glance: its client, the transparency note (R4) with the letter that tells the client and the
 * record that they were told, the justifications and their reviews (R1, R2), and the findings (R3, R5).
 */
public class CaseOverviewPart extends CasePart {
    static final String KEY = "org.insyn.ui.part.caseOverview";

    @Inject
    Background background;
    @Inject
    ECommandService commands;
    @Inject
    EHandlerService handlers;
    @Inject
    @Optional
    ReportService reports;

    private Label title;
    private Label subject;
    private Label note;
    private Button letter;
    private Button recordNote;
    private Label letterResult;
    private TableViewer justifications;
    private TableViewer findings;
    /** The review of each justification shown, as read with it (R2). */
    private java.util.Map<Long, String> reviewed = java.util.Map.of();
    /** The case as read last (its client's name and unit are what the letter needs). */
    private Overview shownCase;

    /** Everything the part shows of a case, read in one go off the UI thread. */
    private record Overview(CaseFile c, Unit unit, java.util.Optional<Subject> subject, java.util.Optional<TransparencyNote> told,
            List<Justification> justifications, java.util.Map<Long, String> reviews, List<Hit> findings) {
    }

    @PostConstruct
    public void createControls(Composite parent, @Optional SignedIn current, @Optional @Named(ActiveCase.KEY) CaseFile c) {
        Widgets.key(parent, KEY);
        parent.setLayout(new GridLayout(1, false));
        title = Ui.status(parent, KEY + ".title", 1);
        title.setFont(org.eclipse.jface.resource.JFaceResources.getHeaderFont());
        Ui.heading(parent, "overview.client", 1);
        subject = Ui.status(parent, KEY + ".subject", 1);
        Ui.heading(parent, "overview.note", 1);
        note = Ui.status(parent, KEY + ".note", 1);
        Composite noteButtons = Ui.buttons(parent, 1);
        letter = Ui.button(noteButtons, KEY + ".letter", "overview.letter", this::letter);
        recordNote = Ui.button(noteButtons, KEY + ".recordNote", "overview.recordNote", this::recordNote);
        Ui.done(noteButtons);
        letterResult = Ui.status(parent, KEY + ".letterResult", 1);
        Ui.heading(parent, "overview.justifications", 1);
        justifications = Ui.table(parent, KEY + ".justifications", SWT.SINGLE, 1);
        Ui.column(justifications, "overview.col.reason", 150, Justification.class, j -> Texts.get("reason." + j.reason().name()));
        Ui.column(justifications, "overview.col.text", 240, Justification.class, Justification::text);
        Ui.column(justifications, "overview.col.author", 90, Justification.class, Justification::authorId);
        Ui.column(justifications, "overview.col.review", 200, Justification.class, j -> reviewed.getOrDefault(j.id(), ""));
        ((GridData) justifications.getTable().getLayoutData()).heightHint = justifications.getTable().getHeaderHeight()
                + justifications.getTable().getItemHeight() * 3;
        Ui.heading(parent, "overview.findings", 1);
        Ui.discussionMaterial(parent, 1);
        findings = Ui.table(parent, KEY + ".findings", SWT.SINGLE, 1);
        ((GridData) findings.getTable().getLayoutData()).heightHint = findings.getTable().getHeaderHeight() + findings.getTable().getItemHeight() * 3;
        Ui.column(findings, "results.col.title", 220, Hit.class, Hit::title);
        Ui.column(findings, "results.col.url", 260, Hit.class, Hit::url);
        Ui.column(findings, "results.col.source", 110, Hit.class, Hit::source);
        follow(title, current, c);
    }

    @Override
    protected void showCase() {
        refresh();
    }

    private void refresh() {
        boolean shown = shown();
        letter.setEnabled(shown);
        recordNote.setEnabled(shown);
        if (!shown) {
            title.setText(Texts.get("overview.noCase"));
            subject.setText("");
            note.setText("");
            letterResult.setText("");
            justifications.setInput(List.of());
            findings.setInput(List.of());
            return;
        }
        SignedIn who = signedIn;
        long caseId = active.id();
        background.store(title, "overview", monitor -> {
            CaseFile c = who.session().caseFile(caseId);
            Unit unit = who.workspace().units().stream().filter(u -> u.id().equals(c.unitId())).findFirst()
                    .orElse(new Unit(c.unitId(), c.unitId(), org.insyn.core.model.ReviewPolicy.BEFORE));
            List<Justification> js = who.session().justifications(java.util.Optional.of(caseId));
            java.util.Map<Long, String> reviews = new java.util.HashMap<>();
            for (Justification j : js) {
                reviews.put(j.id(), review(who.session().reviews(j.id())));
            }
            return new Overview(c, unit, who.session().subject(caseId), who.session().transparencyNote(caseId), js, reviews,
                    who.session().findings(caseId));
        }, this::show);
    }

    private void show(Overview o) {
        if (!shown() || active.id() != o.c().id()) {
            return;
        }
        shownCase = o;
        CaseFile c = o.c();
        title.setText(c.title() + " \u2013 " + o.unit().name() + (c.flagged() ? " \u2013 " + Texts.get("cases.flagged") : ""));
        subject.setText(o.subject().map(CaseOverviewPart::describe).orElse(Texts.get("overview.noClient")));
        note.setText(o.told().map(n -> Texts.get("overview.noteRecorded", Ui.day(n.toldOn()), Texts.get("channel." + n.channel().name()),
                n.toldBy())).orElse(Texts.get(o.subject().isPresent() ? "overview.noteMissing" : "overview.noteNotNeeded")));
        note.setForeground(note.getDisplay().getSystemColor(o.told().isPresent() || o.subject().isEmpty() ? SWT.COLOR_WIDGET_FOREGROUND
                : SWT.COLOR_DARK_RED));
        reviewed = o.reviews();
        justifications.setInput(o.justifications());
        findings.setInput(o.findings());
        title.getParent().layout(true, true);
    }

    private static String describe(Subject s) {
        StringBuilder b = new StringBuilder(s.name());
        s.city().ifPresent(city -> b.append(", ").append(city));
        s.district().ifPresent(d -> b.append(", ").append(d));
        if (!s.relatives().isEmpty()) {
            b.append(" \u2013 ").append(Texts.get("overview.relatives", String.join(", ", s.relatives())));
        }
        return b.toString();
    }

    /** The decision that stands, and the latest comment, as a supervisor gave them (R2). */
    private static String review(List<Review> reviews) {
        String decision = Policy.latestDecision(reviews).map(r -> Texts.get("review." + r.decision().name(), r.reviewerId()))
                .orElse(Texts.get("review.none"));
        return reviews.stream().filter(r -> r.decision() == ReviewDecision.COMMENT || r.decision() == ReviewDecision.REJECT)
                .reduce((a, b) -> b).map(r -> decision + ": " + r.comment()).orElse(decision);
    }

    /** R4: the letter telling the client, written as PDF/A to the workspace's exports folder. */
    private void letter() {
        if (shownCase == null) {
            return;
        }
        CaseFile c = shownCase.c();
        String client = shownCase.subject().map(Subject::name).orElse(c.title());
        Unit unit = shownCase.unit();
        LetterDialog dialog = new LetterDialog(title.getShell(), client, unit.id(), unit.name(), signedIn.user().displayName());
        dialog.open();
        java.util.Optional<LetterInput> input = dialog.input();
        if (input.isEmpty() || reports == null) {
            return;
        }
        SignedIn who = signedIn;
        background.run(Texts.get("overview.letter.job"), monitor -> Exports.write(who, "letter-case-" + c.id(),
                out -> reports.letter(input.get(), out)), (Path file) -> {
                    if (!letterResult.isDisposed()) {
                        letterResult.setText(Texts.get("overview.letter.written", file.toString()));
                        letterResult.getParent().layout(true, true);
                    }
                });
    }

    private void recordNote() {
        ParameterizedCommand command = commands.createCommand(Commands.TRANSPARENCY_NOTE, null);
        handlers.executeHandler(command);
    }
}
