package org.insyn.web.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.insyn.core.InsynException;
import org.insyn.core.model.BuiltQuery;
import org.insyn.core.model.QueryRequest;
import org.insyn.core.model.SearchRun;
import org.insyn.core.service.NetworkLog;
import org.insyn.core.service.SearchService;
import org.insyn.core.service.Session;
import org.insyn.core.service.SearchService.SourceResult;
import org.insyn.core.service.SourceProvider;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The search service (a DS component): every {@link SourceProvider} service is a source it can ask. */
@Component(name = "org.insyn.web.search", service = SearchService.class)
public final class SearchServiceImpl implements SearchService {
    private final Map<String, SourceProvider> sources = new ConcurrentHashMap<>();
    private final QueryBuilder builder;
    private final FanOut fanOut;

    /** For Declarative Services: sources arrive through {@link #addSource}. */
    public SearchServiceImpl() {
        this(List.of(), new QueryBuilder(), new FanOut());
    }

    public SearchServiceImpl(List<SourceProvider> initial, QueryBuilder builder, FanOut fanOut) {
        this.builder = builder;
        this.fanOut = fanOut;
        initial.forEach(this::addSource);
    }

    @Reference(name = "sources", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeSource")
    public void addSource(SourceProvider source) {
        sources.put(source.id(), source);
    }

    public void removeSource(SourceProvider source) {
        sources.remove(source.id(), source);
    }

    @Override
    public BuiltQuery build(QueryRequest request) {
        return builder.build(request);
    }

    @Override
    public List<SourceProvider> sources() {
        return sources.values().stream().sorted(Comparator.comparing(SourceProvider::kind).thenComparing(SourceProvider::name))
                .toList();
    }

    @Override
    public Outcome search(Session session, NetworkLog log, long justificationId, BuiltQuery query, List<String> sourceIds,
            Listener listener) {
        List<SourceProvider> chosen = sourceIds.stream().distinct()
                .map(id -> Optional.ofNullable(sources.get(id)).orElseThrow(() -> InsynException.invalid("source.unknown", id)))
                .toList();
        // R1, R2, R4, R8: the session checks the policy and writes the audit entry; a refusal throws before any request.
        SearchRun run = session.startSearch(justificationId, query.text(), chosen.stream().map(SourceProvider::id).toList());
        Map<String, SourceResult> results;
        SearchRun finished;
        try {
            results = fanOut.run(chosen, query.text(), new FanOut.Run(session.user().id(), Optional.of(run.id()), log::record),
                    listener, drafts -> {
                        if (!drafts.isEmpty()) {
                            session.addHits(run.id(), drafts);
                        }
                    });
        } finally {
            // the run is closed on the trail even when storing its hits failed
            finished = session.finishSearch(run.id());
        }
        return new Outcome(finished, session.hits(run.id()), results);
    }
}
