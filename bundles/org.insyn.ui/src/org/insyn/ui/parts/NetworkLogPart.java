package org.insyn.ui.parts;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.annotation.PostConstruct;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.insyn.core.model.NetworkRequest;
import org.insyn.core.service.SourceProvider;
import org.insyn.core.model.Role;
import org.insyn.core.service.StoreEvent;
import org.insyn.ui.SignedIn;
import org.insyn.ui.Texts;
import org.insyn.ui.Widgets;

/**
 * R15: every request the product made (searches, robots.txt, captures and what the page loaded, blocked trackers), newest
 * first, filtered by words and by outcome. For supervisors and administrators, who review it.
 */
public class NetworkLogPart extends OversightPart {
    static final String KEY = "org.insyn.ui.part.network";
    /** How many of the newest requests are read: enough to review a day's work, small enough to read at once. */
    static final int NEWEST = 5000;

    private Text filter;
    private Button problemsOnly;
    private TableViewer table;
    private Label count;
    private List<NetworkRequest> loaded = List.of();

    /** Searches and captures are what make requests: the log is read again after one. */
    @jakarta.inject.Inject
    @Optional
    org.insyn.core.service.SearchService search;

    public NetworkLogPart() {
        super(Set.of(Role.SUPERVISOR, Role.ADMINISTRATOR), "network.forSupervisors", Set.of(StoreEvent.Type.SEARCH_RUN, StoreEvent.Type.CAPTURE));
    }

    @PostConstruct
    public void createControls(Composite parent, @Optional SignedIn current) {
        Composite c = content(parent, KEY);
        c.setLayout(new GridLayout(4, false));
        Ui.label(c, "network.filter");
        filter = Ui.text(c, KEY + ".filter", SWT.BORDER | SWT.SEARCH | SWT.ICON_CANCEL, 1);
        filter.setMessage(Texts.get("network.filter.hint"));
        filter.addListener(SWT.Modify, e -> show());
        problemsOnly = Widgets.key(new Button(c, SWT.CHECK), KEY + ".problems");
        problemsOnly.setText(Texts.get("network.problemsOnly"));
        problemsOnly.addListener(SWT.Selection, e -> show());
        Ui.button(c, KEY + ".refresh", "network.refresh", this::refresh);
        table = Ui.table(c, KEY + ".table", SWT.MULTI | SWT.VIRTUAL, 4);
        Ui.column(table, "network.col.at", 130, NetworkRequest.class, r -> Ui.when(r.at()));
        Ui.column(table, "network.col.user", 80, NetworkRequest.class, NetworkRequest::userId);
        Ui.column(table, "network.col.purpose", 160, NetworkRequest.class, r -> Words.purpose(r, this::sourceName));
        Ui.column(table, "network.col.method", 60, NetworkRequest.class, NetworkRequest::method);
        Ui.column(table, "network.col.url", 360, NetworkRequest.class, NetworkRequest::url);
        Ui.column(table, "network.col.status", 55, NetworkRequest.class, r -> r.status() == 0 ? "" : String.valueOf(r.status()));
        Ui.column(table, "network.col.bytes", 80, NetworkRequest.class, r -> String.valueOf(r.bytes()));
        Ui.column(table, "network.col.millis", 60, NetworkRequest.class, r -> String.valueOf(r.millis()));
        Ui.column(table, "network.col.outcome", 220, NetworkRequest.class, Words::outcome);
        count = Ui.status(c, KEY + ".count", 4);
        follow(filter, current, table.getTable());
    }

    @Override
    protected void clear() {
        loaded = List.of();
        show();
    }

    @Override
    protected void reload() {
        var workspace = signedIn.workspace();
        read(Texts.get("network.job"), monitor -> workspace.networkLog().recent(NEWEST), requests -> {
            loaded = requests;
            show();
        });
    }

    private void show() {
        String words = filter.getText().strip().toLowerCase(Locale.ROOT);
        List<NetworkRequest> shown = loaded.stream().filter(r -> !problemsOnly.getSelection() || Words.stoppedOrFailed(r))
                .filter(r -> words.isEmpty() || matches(r, words)).toList();
        table.setInput(shown);
        count.setText(Texts.get("network.count", shown.size(), loaded.size(), NEWEST));
    }

    /** A search source's name as the Search part shows it. */
    private String sourceName(String id) {
        return search == null ? id : search.sources().stream().filter(p -> p.id().equals(id)).map(SourceProvider::name).findFirst().orElse(id);
    }

    private boolean matches(NetworkRequest r, String words) {
        String line = String.join(" ", r.url(), r.userId(), Words.purpose(r, this::sourceName), r.method(), Words.outcome(r), String.valueOf(r.status()))
                .toLowerCase(Locale.ROOT);
        for (String word : words.split("\\s+")) {
            if (!line.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
