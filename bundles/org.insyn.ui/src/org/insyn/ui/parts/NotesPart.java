package org.insyn.ui.parts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.insyn.core.InsynException;
import org.insyn.core.model.Capture;
import org.insyn.core.model.CaseFile;
import org.insyn.core.model.Hit;
import org.insyn.core.model.Note;
import org.insyn.core.model.RecordClass;
import org.insyn.core.service.SearchQuery;
import org.insyn.core.service.SearchResults;
import org.insyn.core.service.StoreEvent;
import org.insyn.ui.ActiveCase;
import org.insyn.ui.Refusals;
import org.insyn.ui.SignedIn;
import org.insyn.ui.Texts;
import org.insyn.ui.Widgets;

/**
 * The worker's notes in the active case, each classed for retention (R10) and linked to the findings and captures it
 * is about; and full-text search over the notes, hits and captured pages of the user's cases, with the matching words
 * highlighted.
 */
public class NotesPart extends CasePart {
    static final String KEY = "org.insyn.ui.part.notes";

    @Inject
    Refusals refusals;
    @Inject
    org.insyn.ui.work.Background background;

    private Note editing;
    private Label caseLabel;
    private TableViewer notes;
    private Text editor;
    private Combo recordClass;
    private Table links;
    private Button save;
    private Button newNote;
    private Label status;
    private Text query;
    private StyledText results;
    private final List<Found> found = new ArrayList<>();

    /** Where a search result sits in the results text. */
    private record Found(int start, int end, SearchResults.Found item) {
    }

    @PostConstruct
    public void createControls(Composite parent, @Optional SignedIn current, @Optional @Named(ActiveCase.KEY) CaseFile c) {
        Widgets.key(parent, KEY);
        parent.setLayout(new GridLayout(1, false));
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));

        Composite top = Ui.column(sash, 2);
        caseLabel = Ui.status(top, KEY + ".case", 2);
        notes = Ui.table(top, KEY + ".list", SWT.SINGLE, 2);
        GridData listData = (GridData) notes.getTable().getLayoutData();
        listData.grabExcessVerticalSpace = false;
        listData.heightHint = notes.getTable().getHeaderHeight() + notes.getTable().getItemHeight() * 3 + 4;
        Ui.column(notes, "notes.col.modified", 120, Note.class, n -> Ui.when(n.modified()));
        Ui.column(notes, "notes.col.class", 110, Note.class, n -> Texts.get("recordClass." + n.recordClass().name()));
        Ui.column(notes, "notes.col.text", 260, Note.class, n -> n.text().lines().findFirst().orElse(""));
        notes.addSelectionChangedListener(e -> edit((Note) ((IStructuredSelection) e.getSelection()).getFirstElement()));
        editor = Ui.text(top, KEY + ".editor", SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER, 2);
        // at least five lines to write in (and all the room the part can give)
        ((GridData) editor.getLayoutData()).heightHint = Ui.lines(editor, 6);
        editor.addListener(SWT.Traverse, e -> e.doit |= e.detail == SWT.TRAVERSE_TAB_NEXT || e.detail == SWT.TRAVERSE_TAB_PREVIOUS);
        Ui.label(top, "notes.recordClass");
        recordClass = Widgets.key(new Combo(top, SWT.READ_ONLY), KEY + ".recordClass");
        for (RecordClass rc : RecordClass.values()) {
            recordClass.add(Texts.get("recordClass." + rc.name()));
        }
        Ui.label(top, "notes.links").setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false, 2, 1));
        links = Widgets.key(new Table(top, SWT.CHECK | SWT.BORDER | SWT.V_SCROLL), KEY + ".links");
        GridData ld = new GridData(SWT.FILL, SWT.FILL, true, false, 2, 1);
        ld.heightHint = Ui.lines(links, 4);
        links.setLayoutData(ld);
        Composite buttons = Ui.buttons(top, 2);
        save = Ui.button(buttons, KEY + ".save", "notes.save", this::save);
        newNote = Ui.button(buttons, KEY + ".new", "notes.new", () -> edit(null));
        status = Ui.status(buttons, KEY + ".status", 1);
        Ui.done(buttons);

        Composite bottom = Ui.column(sash, 2);
        query = Ui.text(bottom, KEY + ".query", SWT.BORDER | SWT.SEARCH, 1);
        query.setMessage(Texts.get("notes.query"));
        query.addListener(SWT.DefaultSelection, e -> search());
        Ui.button(bottom, KEY + ".search", "notes.search", this::search);
        results = Widgets.key(new StyledText(bottom, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER), KEY + ".results");
        results.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        results.addListener(SWT.MouseDoubleClick, e -> openFound(results.getCaretOffset()));
        results.addListener(SWT.KeyDown, e -> {
            if (e.character == SWT.CR) {
                openFound(results.getCaretOffset());
            }
        });
        sash.setWeights(75, 25);
        follow(notes.getTable(), current, c);
    }

    @Override
    protected void showCase() {
        status.setText("");
        refresh();
        edit(null);
    }

    /** New findings and captures can be linked; the note being written stays as it is. */
    @Override
    protected void storeChanged(StoreEvent e) {
        if (e.type() != StoreEvent.Type.NOTE) {
            fillLinks(editing);
        }
    }

    @Override
    protected void userChanged() {
        // the full-text query and hits were the previous person's
        query.setText("");
        results.setText("");
        found.clear();
        status.setText("");
    }

    private void refresh() {
        caseLabel.setText(shown() ? Texts.get("notes.inCase", active.title()) : Texts.get("notes.noCase"));
        notes.setInput(List.of());
        if (shown()) {
            SignedIn who = signedIn;
            long caseId = active.id();
            background.store(notes.getTable(), "notes", monitor -> who.session().notes(caseId), list -> {
                if (shown() && active.id() == caseId) {
                    notes.setInput(list);
                }
            });
        }
        for (org.eclipse.swt.widgets.Control control : List.of(editor, recordClass, links, save, newNote)) {
            control.setEnabled(shown());
        }
    }

    /** Shows the note in the editor, or an empty one for a new note. */
    private void edit(Note note) {
        editing = note;
        editor.setText(note == null ? "" : note.text());
        recordClass.select((note == null ? RecordClass.CLIENT_FILE : note.recordClass()).ordinal());
        fillLinks(note);
    }

    /** The case's findings and captures, ticked when the note is about them. */
    private void fillLinks(Note note) {
        links.removeAll();
        if (!shown()) {
            return;
        }
        SignedIn who = signedIn;
        long caseId = active.id();
        background.store(links, "links", monitor -> new Linkable(who.session().findings(caseId), who.session().captures(caseId)), l -> {
            if (shown() && active.id() == caseId) {
                fillLinks(note, l);
            }
        });
    }

    private record Linkable(List<Hit> findings, List<Capture> captures) {
    }

    private void fillLinks(Note note, Linkable l) {
        links.removeAll();
        for (Hit h : l.findings()) {
            TableItem item = new TableItem(links, SWT.NONE);
            item.setData(h);
            item.setText(Texts.get("notes.link.finding", h.title(), h.url()));
            item.setChecked(note != null && note.hitIds().contains(h.id()));
        }
        for (Capture c : l.captures()) {
            TableItem item = new TableItem(links, SWT.NONE);
            item.setData(c);
            item.setText(Texts.get("notes.link.capture", c.id(), c.url(), Ui.when(c.capturedAt())));
            item.setChecked(note != null && note.captureIds().contains(c.id()));
        }
    }

    private void save() {
        List<Long> hitIds = new ArrayList<>();
        List<Long> captureIds = new ArrayList<>();
        for (TableItem item : links.getItems()) {
            if (item.getChecked() && item.getData() instanceof Hit h) {
                hitIds.add(h.id());
            } else if (item.getChecked() && item.getData() instanceof Capture c) {
                captureIds.add(c.id());
            }
        }
        Instant now = Instant.now();
        Note draft = new Note(editing == null ? 0 : editing.id(), active.id(), signedIn.user().id(), editor.getText(),
                RecordClass.values()[recordClass.getSelectionIndex()], hitIds, captureIds, now, now);
        SignedIn who = signedIn;
        long caseId = active.id();
        save.setEnabled(false);
        background.store(save, "save", monitor -> {
            Note saved = who.session().saveNote(draft);
            return java.util.Map.entry(saved, who.session().notes(caseId));
        }, done -> {
            save.setEnabled(shown());
            status.setText(Texts.get("notes.saved", Ui.when(done.getKey().modified())));
            status.getParent().layout(true, true);
            if (shown() && active.id() == caseId) {
                editing = done.getKey();
                notes.setInput(done.getValue());
                notes.setSelection(new StructuredSelection(done.getKey()), true);
            }
        }, failure -> save.setEnabled(shown()));
    }

    /** Searches the index within the cases the user may see; matches are highlighted. */
    private void search() {
        found.clear();
        if (signedIn == null || signedIn.index().isEmpty() || query.getText().isBlank()) {
            results.setText(signedIn != null && signedIn.index().isEmpty() ? Texts.get("notes.noIndex") : "");
            return;
        }
        SignedIn who = signedIn;
        String words = query.getText().strip();
        background.store(results, "search", monitor -> {
            Set<Long> cases = who.session().cases().stream().map(CaseFile::id).collect(Collectors.toSet());
            try {
                return who.index().get().search(SearchQuery.of(words).inCases(cases));
            } catch (InsynException e) {
                return e;
            }
        }, answer -> {
            if (who != signedIn) {
                return;
            }
            if (answer instanceof InsynException e) {
                results.setText(Texts.of(e));
            } else {
                show((SearchResults) answer);
            }
        });
    }

    private void show(SearchResults r) {
        found.clear();
        StringBuilder text = new StringBuilder(Texts.get("notes.found", r.total())).append("\n\n");
        List<StyleRange> styles = new ArrayList<>();
        for (SearchResults.Found f : r.found()) {
            int start = text.length();
            String heading = Texts.get("notes.kind." + f.kind().name()) + " \u2013 " + Ui.when(f.date())
                    + (f.title().isBlank() ? "" : " \u2013 " + f.title());
            text.append(heading).append('\n');
            styles.add(new StyleRange(start, heading.length(), null, null, SWT.BOLD));
            Snippets.Highlighted snippet = Snippets.parse(f.snippet());
            int at = text.length();
            text.append(snippet.text()).append("\n\n");
            for (int[] mark : snippet.marks()) {
                StyleRange s = new StyleRange(at + mark[0], mark[1], null, results.getDisplay().getSystemColor(SWT.COLOR_YELLOW));
                s.fontStyle = SWT.BOLD;
                styles.add(s);
            }
            found.add(new Found(start, text.length(), f));
        }
        results.setText(text.toString());
        results.setStyleRanges(styles.toArray(StyleRange[]::new));
    }

    /** A note found opens in the editor (in its case, which becomes the active one). */
    private void openFound(int offset) {
        found.stream().filter(f -> offset >= f.start() && offset < f.end() && f.item().kind() == org.insyn.core.service.IndexedItem.Kind.NOTE)
                .findFirst().ifPresent(f -> {
                    if (active == null || !f.item().caseId().equals(java.util.Optional.of(active.id()))) {
                        return;
                    }
                    Object shownNotes = notes.getInput();
                    if (shownNotes instanceof List<?> list) {
                        list.stream().filter(n -> n instanceof Note note && note.id() == f.item().id()).findFirst()
                                .ifPresent(n -> notes.setSelection(new StructuredSelection(n), true));
                    }
                });
    }
}
