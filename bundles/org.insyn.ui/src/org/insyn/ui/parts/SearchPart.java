package org.insyn.ui.parts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.insyn.core.InsynException;
import org.insyn.core.model.BuiltQuery;
import org.insyn.core.model.CaseFile;
import org.insyn.core.model.Justification;
import org.insyn.core.model.QueryRequest;
import org.insyn.core.model.Role;
import org.insyn.core.model.SearchMode;
import org.insyn.core.model.Subject;
import org.insyn.core.model.Unit;
import org.insyn.core.service.SearchService;
import org.insyn.core.service.SourceProvider;
import org.insyn.ui.ActiveCase;
import org.insyn.ui.LastSearch;
import org.insyn.ui.Refusals;
import org.insyn.ui.SignedIn;
import org.insyn.ui.Texts;
import org.insyn.ui.Widgets;
import org.insyn.ui.dialogs.JustificationDialog;
import org.insyn.ui.work.Background;

/**
 * Builds the query as 002 §4.3 says (R6: the full name in quotes, city or district, further terms only when there
 * were too many hits; R8: outreach by topic and place), shows it exactly as it will be sent with its warnings, lets
 * the worker pick the sources, asks for the justification (R1) and runs the search as a job with progress and cancel.
 */
public class SearchPart {
    static final String KEY = "org.insyn.ui.part.search";

    @Inject
    MApplication app;
    @Inject
    Background background;
    @Inject
    EPartService parts;
    @Inject
    Refusals refusals;
    @Inject
    @Optional
    SearchService search;

    private SignedIn signedIn;
    private CaseFile active;
    private Label caseLabel;
    private Button clientMode;
    private Button outreachMode;
    private Composite clientFields;
    private Composite outreachFields;
    private Text name;
    private Text city;
    private Text district;
    private Button narrow;
    private Text terms;
    private Text topic;
    private Text place;
    private Text query;
    private Label warnings;
    private Table sources;
    private Button run;
    private Label status;
    private java.util.Optional<BuiltQuery> built = java.util.Optional.empty();

    @PostConstruct
    public void createControls(Composite parent, @Optional SignedIn current, @Optional @Named(ActiveCase.KEY) CaseFile c) {
        Widgets.key(parent, KEY);
        parent.setLayout(new GridLayout(2, false));
        caseLabel = Ui.status(parent, KEY + ".case", 2);
        clientMode = radio(parent, "client", "search.mode.client");
        outreachMode = radio(parent, "outreach", "search.mode.outreach");

        clientFields = group(parent);
        name = field(clientFields, "search.name", "name");
        city = field(clientFields, "search.city", "city");
        district = field(clientFields, "search.district", "district");
        narrow = Widgets.key(new Button(clientFields, SWT.CHECK), KEY + ".narrow");
        narrow.setText(Texts.get("search.narrow"));
        narrow.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
        narrow.addListener(SWT.Selection, e -> rebuild());
        terms = Ui.text(clientFields, KEY + ".terms", SWT.BORDER, 2);
        terms.setMessage(Texts.get("search.terms"));
        terms.addListener(SWT.Modify, e -> rebuild());

        outreachFields = group(parent);
        topic = field(outreachFields, "search.topic", "topic");
        place = field(outreachFields, "search.place", "place");

        Ui.label(parent, "search.query");
        query = Ui.text(parent, KEY + ".query", SWT.BORDER | SWT.READ_ONLY, 1);
        warnings = Ui.status(parent, KEY + ".warnings", 2);
        Ui.label(parent, "search.sources").setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false, 2, 1));
        sources = Widgets.key(new Table(parent, SWT.CHECK | SWT.BORDER | SWT.V_SCROLL), KEY + ".sources");
        GridData sd = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
        sd.heightHint = 120;
        sources.setLayoutData(sd);
        sources.addListener(SWT.Selection, e -> {
            // an unavailable source says why and cannot be chosen
            if (e.detail == SWT.CHECK && e.item instanceof TableItem item && item.getData() instanceof SourceProvider p
                    && p.unavailable().isPresent()) {
                item.setChecked(false);
            }
            enableRun();
        });
        run = Ui.button(parent, KEY + ".run", "search.run", this::runSearch);
        status = Ui.status(parent, KEY + ".status", 1);
        signedIn = current;
        active = c;
        reset();
    }

    private Button radio(Composite parent, String key, String textKey) {
        Button b = Widgets.key(new Button(parent, SWT.RADIO), KEY + "." + key);
        b.setText(Texts.get(textKey));
        b.addListener(SWT.Selection, e -> showMode());
        return b;
    }

    private static Composite group(Composite parent) {
        Composite g = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 0;
        g.setLayout(layout);
        g.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        return g;
    }

    private Text field(Composite group, String labelKey, String key) {
        Ui.label(group, labelKey);
        Text t = Ui.text(group, KEY + "." + key, SWT.BORDER, 1);
        t.addListener(SWT.Modify, e -> rebuild());
        return t;
    }

    @Inject
    @Optional
    void signedIn(@Optional SignedIn s) {
        signedIn = s;
        if (run != null && !run.isDisposed()) {
            reset();
        }
    }

    @Inject
    @Optional
    void caseChanged(@Optional @Named(ActiveCase.KEY) CaseFile c) {
        active = c;
        if (run != null && !run.isDisposed()) {
            reset();
        }
    }

    /** Fills the form from the signed-in user's role and the active case's client. */
    private void reset() {
        boolean investigator = signedIn != null && signedIn.user().has(Role.INVESTIGATOR);
        clientMode.setEnabled(investigator);
        boolean client = investigator && signedIn.role() != Role.FIELD_WORKER;
        clientMode.setSelection(client);
        outreachMode.setSelection(!client);
        caseLabel.setText(active == null ? Texts.get("search.noCase") : Texts.get("search.inCase", active.title()));
        name.setText("");
        city.setText("");
        district.setText("");
        if (signedIn != null && active != null) {
            SignedIn who = signedIn;
            long caseId = active.id();
            background.store(name, "subject", monitor -> who.session().subject(caseId), subject -> {
                if (who == signedIn && active != null && active.id() == caseId) {
                    name.setText(subject.map(Subject::name).orElse(""));
                    city.setText(subject.flatMap(Subject::city).orElse(""));
                    district.setText(subject.flatMap(Subject::district).orElse(""));
                }
            });
        }
        narrow.setSelection(false);
        terms.setText("");
        status.setText("");
        fillSources();
        showMode();
    }

    private void fillSources() {
        sources.removeAll();
        if (search == null) {
            return;
        }
        for (SourceProvider p : search.sources()) {
            TableItem item = new TableItem(sources, SWT.NONE);
            item.setData(p);
            item.setData(Widgets.KEY, KEY + ".source." + p.id());
            item.setText(p.unavailable().map(e -> Texts.get("search.source.unavailable", p.name(), e.message(Texts.locale())))
                    .orElse(Texts.get("search.source", p.name(), Texts.get("kind." + p.kind().name()))));
            item.setChecked(p.unavailable().isEmpty());
            if (p.unavailable().isPresent()) {
                item.setForeground(sources.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
            }
        }
    }

    private void showMode() {
        boolean client = clientMode.getSelection();
        for (Composite g : List.of(clientFields, outreachFields)) {
            boolean visible = g == (client ? clientFields : outreachFields);
            g.setVisible(visible);
            ((GridData) g.getLayoutData()).exclude = !visible;
        }
        clientFields.getParent().layout(true, true);
        rebuild();
    }

    private SearchMode mode() {
        return clientMode.getSelection() ? SearchMode.CLIENT : SearchMode.OUTREACH;
    }

    /** Shows the query as it will be sent, and what the worker should know about it, at every keystroke. */
    private void rebuild() {
        if (search == null) {
            built = java.util.Optional.empty();
            warnings.setText(Texts.get("search.noService"));
            enableRun();
            return;
        }
        QueryRequest request = mode() == SearchMode.CLIENT
                ? QueryRequest.client(name.getText(), optional(city), optional(district))
                : QueryRequest.outreach(topic.getText(), optional(place));
        if (mode() == SearchMode.CLIENT && narrow.getSelection()) {
            request = request.narrowedBy(Arrays.stream(terms.getText().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
        }
        terms.setEnabled(narrow.getSelection());
        try {
            built = java.util.Optional.of(search.build(request));
            query.setText(built.get().text());
            warnings.setText(built.get().warnings().stream().map(w -> "\u26a0 " + w.message(Texts.locale())).collect(Collectors.joining("\n")));
            warnings.setForeground(warnings.getDisplay().getSystemColor(SWT.COLOR_DARK_YELLOW));
        } catch (InsynException e) {
            built = java.util.Optional.empty();
            query.setText("");
            warnings.setText(Texts.of(e));
            warnings.setForeground(warnings.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        }
        warnings.getParent().layout(true, true);
        enableRun();
    }

    private static java.util.Optional<String> optional(Text t) {
        return java.util.Optional.of(t.getText().strip()).filter(s -> !s.isEmpty());
    }

    private List<SourceProvider> chosenSources() {
        List<SourceProvider> chosen = new ArrayList<>();
        for (TableItem item : sources.getItems()) {
            if (item.getChecked() && item.getData() instanceof SourceProvider p) {
                chosen.add(p);
            }
        }
        return chosen;
    }

    private void enableRun() {
        run.setEnabled(signedIn != null && built.isPresent() && !chosenSources().isEmpty());
    }

    /**
     * R4 and R8 first (may this kind of search be asked for here at all? a refusal stores nothing but its audit line),
     * then R1 (the justification), then the search as a job; the session refuses it before any request if a rule says no.
     */
    private void runSearch() {
        BuiltQuery q = built.orElseThrow();
        List<SourceProvider> chosen = chosenSources();
        SearchMode mode = mode();
        // without an active case an outreach search belongs to none until a finding is captured (R8)
        java.util.Optional<Long> caseId = java.util.Optional.ofNullable(active).map(CaseFile::id);
        String unitId = caseId.isPresent() ? active.unitId() : signedIn.unit().map(Unit::id).orElse("");
        SignedIn who = signedIn;
        run.setEnabled(false);
        background.run(Texts.get("search.checking"), monitor -> {
            who.session().checkMaySearch(caseId, mode);
            return JustificationDialog.usable(who.session(), mode, caseId, unitId);
        }, usable -> {
            enableRun();
            if (who == signedIn && !run.isDisposed()) {
                ask(q, chosen, mode, caseId, unitId, usable);
            }
        }, failure -> {
            if (!run.isDisposed()) {
                enableRun();
            }
            refusals.show(failure);
        });
    }

    private void ask(BuiltQuery q, List<SourceProvider> chosen, SearchMode mode, java.util.Optional<Long> caseId, String unitId,
            List<Justification> usable) {
        JustificationDialog dialog = new JustificationDialog(run.getShell(), signedIn.session(), mode, caseId, unitId, q.text(), chosen.size(), usable);
        if (dialog.open() != org.eclipse.jface.window.Window.OK || dialog.chosen().isEmpty()) {
            return;
        }
        Justification j = dialog.chosen().get();
        SignedIn who = signedIn;
        status.setText(Texts.get("search.running"));
        background.run(Texts.get("search.job", q.text()), monitor -> {
            monitor.beginTask(Texts.get("search.job", q.text()), chosen.size());
            return search.search(who.session(), who.workspace().networkLog(), j.id(), q, chosen.stream().map(SourceProvider::id).toList(),
                    listener(monitor, chosen));
        }, outcome -> {
            app.getContext().set(LastSearch.KEY, new LastSearch(outcome, j));
            if (!status.isDisposed()) {
                status.setText(summary(outcome, chosen));
                status.getParent().layout(true, true);
            }
            parts.showPart("org.insyn.ui.part.results", EPartService.PartState.VISIBLE);
        }, failure -> {
            if (!status.isDisposed()) {
                status.setText("");
            }
            refusals.show(failure);
        });
    }

    private static SearchService.Listener listener(IProgressMonitor monitor, List<SourceProvider> chosen) {
        return new SearchService.Listener() {
            @Override
            public void started(String sourceId) {
                monitor.subTask(name(chosen, sourceId));
            }

            @Override
            public void finished(SearchService.SourceResult result) {
                monitor.subTask(Texts.get("search.source.done", name(chosen, result.sourceId()), result.hits()));
                monitor.worked(1);
            }

            @Override
            public boolean cancelled() {
                return monitor.isCanceled();
            }
        };
    }

    private static String name(List<SourceProvider> chosen, String id) {
        return chosen.stream().filter(p -> p.id().equals(id)).map(SourceProvider::name).findFirst().orElse(id);
    }

    /** How many hits, and which sources failed and why. */
    private static String summary(SearchService.Outcome outcome, List<SourceProvider> chosen) {
        StringBuilder b = new StringBuilder(Texts.get("search.done", outcome.hits().size(), outcome.sources().size()));
        outcome.sources().values().stream().filter(r -> !r.ok()).forEach(r -> b.append('\n').append(Texts.get("search.failedSource",
                name(chosen, r.sourceId()), r.failure().get().message(Texts.locale()))));
        return b.toString();
    }

    @Focus
    void focus() {
        (clientMode.getSelection() ? name : topic).setFocus();
    }
}
