package org.insyn.index.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.insyn.core.model.Capture;
import org.insyn.core.model.CaseFile;
import org.insyn.core.service.BlobStore;
import org.insyn.core.service.IndexSource;
import org.insyn.core.service.IndexedItem;
import org.insyn.core.service.IndexedItem.Kind;
import org.insyn.core.service.SearchIndex;
import org.insyn.core.service.SearchQuery;
import org.insyn.core.service.Session;
import org.insyn.core.service.SearchResults;
import org.insyn.core.service.StoreEvent;
import org.insyn.core.service.StoreListener;
import org.insyn.core.service.Workspace;

/**
 * The index of one workspace, following its store: each committed change to a note, hit or capture is read back
 * from the store (the truth) and put into the index, or removed from it, before the change's call returns. It
 * holds every unit's items; a search shows the signed-in person only those of the cases they may see and the
 * outreach hits of their units (R9).
 */
public final class WorkspaceIndex implements SearchIndex, StoreListener {
    private final LuceneIndex index;
    private final IndexSource source;
    private final BlobStore blobs;
    private final Session session;
    private volatile Runnable unfollow = () -> {
    };
    private Optional<Path> stateFolder = Optional.empty();
    private boolean perPerson;
    private volatile Set<String> units = Set.of();
    private Runnable afterClose = () -> {
    };

    public WorkspaceIndex(LuceneIndex index, IndexSource source, BlobStore blobs, Session session) {
        this.index = index;
        this.source = source;
        this.blobs = blobs;
        this.session = session;
    }

    /** From now until closed, every change the workspace commits reaches the index. */
    public void follow(Workspace workspace) {
        workspace.addListener(this);
        unfollow = () -> workspace.removeListener(this);
    }

    /**
     * Keeps in the folder how far the index has followed the store. A per-person index (shared mode) holds only what
     * the person's login may see, which follows their units: it is rebuilt at their next call once those change.
     */
    public void keepState(Path folder, boolean perPerson, Set<String> units) {
        this.stateFolder = Optional.of(folder);
        this.perPerson = perPerson;
        this.units = Set.copyOf(units);
    }

    /**
     * After {@link #follow}: reads the changes committed since the state was written (by this person or anyone, in
     * this process or another, e.g. {@code insyn cli capture}), or rebuilds when there is no state to go on or the
     * person's units changed (without a state, the caller has compared the counts).
     */
    public void catchUp(Optional<FeedState> state, boolean rebuild, Progress progress) {
        if (rebuild || perPerson && state.isPresent() && !state.get().units().equals(units)) {
            rebuild(units, progress);
        } else if (state.isEmpty()) {
            saveState(source.position()); // an index from before the change feed, in step with the store by count
        } else {
            saveState(source.changesSince(state.get().seq(), this::changed));
        }
    }

    private void rebuild(Set<String> forUnits, Progress progress) {
        long position = source.position();
        units = Set.copyOf(forUnits);
        reindex(progress);
        saveState(position);
        afterClose.run();
    }

    /** Work once the index is closed, e.g. removing a copy made for this process only. */
    void afterClose(Runnable r) {
        this.afterClose = r;
    }

    private void saveState(long seq) {
        stateFolder.ifPresent(f -> new FeedState(seq, units).write(f));
    }

    @Override
    public void changed(StoreEvent event) {
        changed(List.of(event));
    }

    /** The changes of one transaction go into the index together, with one commit (weeding deletes hundreds at once). */
    @Override
    public synchronized void changed(List<StoreEvent> events) {
        // synchronized: the item read last is the one put last, whether told by this process or the change feed
        List<IndexedItem> puts = new ArrayList<>();
        List<LuceneIndex.Removal> removals = new ArrayList<>();
        List<Long> erasedCases = new ArrayList<>();
        boolean purged = false;
        for (StoreEvent event : events) {
            if (event.type() == StoreEvent.Type.CASE && event.deleted()) {
                erasedCases.add(event.id());
            }
            purged |= event.type() == StoreEvent.Type.PURGED;
            kind(event.type()).ifPresent(k -> {
                try {
                    Optional<IndexedItem> item = event.deleted() ? Optional.empty() : current(k, event.id());
                    item.ifPresentOrElse(puts::add, () -> removals.add(new LuceneIndex.Removal(k, event.id())));
                } catch (org.insyn.core.InsynException e) {
                    if (e.kind() == org.insyn.core.InsynException.Kind.LOCKED) {
                        throw e;
                    }
                    // one item that cannot be read must not keep the others, deletions above all, from the index
                    System.getLogger(WorkspaceIndex.class.getName()).log(System.Logger.Level.WARNING,
                            "item not indexed: " + k + " " + event.id(), e);
                }
            });
        }
        index.apply(puts, removals, erasedCases);
        if (purged || !erasedCases.isEmpty()) {
            // R10, R14: weeded or erased text leaves the files at once, not only the results
            index.expungeRemoved();
        }
    }

    private static Optional<Kind> kind(StoreEvent.Type type) {
        return switch (type) {
            case NOTE -> Optional.of(Kind.NOTE);
            case HIT -> Optional.of(Kind.HIT);
            case CAPTURE -> Optional.of(Kind.CAPTURE);
            default -> Optional.empty();
        };
    }

    /**
     * R9: the cases asked for must be the person's (asking for another unit's case is refused by the store and put
     * on the trail); without cases, all the person may see.
     */
    @Override
    public SearchResults search(SearchQuery query) {
        if (perPerson) {
            Set<String> now = session.user().unitIds();
            if (!now.equals(units)) {
                // R9: the login sees other units' items now; what it may no longer see leaves this person's disk
                rebuild(now, (done, total) -> {
                });
            }
        }
        Set<Long> cases;
        Set<String> units;
        if (query.caseIds().isEmpty()) {
            cases = session.cases().stream().map(CaseFile::id).collect(Collectors.toSet());
            units = session.user().unitIds();
        } else {
            query.caseIds().forEach(session::caseFile);
            cases = query.caseIds();
            units = Set.of();
        }
        return index.search(query, cases, units);
    }

    @Override
    public long size() {
        return index.size();
    }

    @Override
    public long reindex(Progress progress) {
        return index.rebuild(this::everything, source.count(), progress);
    }

    @Override
    public void expungeRemoved() {
        index.expungeRemoved();
    }

    @Override
    public void close() {
        long position = source.position();
        try {
            unfollow.run();
        } finally {
            index.close();
        }
        saveState(position);
    }

    private Optional<IndexedItem> current(Kind kind, long id) {
        return switch (kind) {
            case NOTE -> source.note(id).map(IndexedItem::of);
            case HIT -> source.hit(id).map(h -> IndexedItem.of(h.hit(), h.caseId(), h.unitId(), h.found()));
            case CAPTURE -> source.capture(id).map(this::item);
        };
    }

    private void everything(Consumer<IndexedItem> sink) {
        source.forEachNote(n -> sink.accept(IndexedItem.of(n)));
        source.forEachHit(h -> sink.accept(IndexedItem.of(h.hit(), h.caseId(), h.unitId(), h.found())));
        source.forEachCapture(c -> sink.accept(item(c)));
    }

    /** A capture with the text of its captured HTML page, when it has one. */
    private IndexedItem item(Capture capture) {
        PageText page = htmlArtifact(capture.artifacts()).map(sha -> {
            try (InputStream html = blobs.open(sha)) {
                return PageText.of(html, capture.finalUrl());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).orElse(new PageText("", ""));
        return IndexedItem.of(capture, page.title(), page.text());
    }

    /** The page's HTML as rendered (page.html), never the MHTML archive, whose MIME headers are no text of the page. */
    public static Optional<String> htmlArtifact(Map<String, String> artifacts) {
        return artifacts.entrySet().stream().filter(e -> e.getKey().toLowerCase(java.util.Locale.ROOT).endsWith(".html"))
                .sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).findFirst();
    }
}
