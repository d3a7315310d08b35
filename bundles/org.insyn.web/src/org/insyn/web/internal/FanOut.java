package org.insyn.web.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.insyn.core.model.NetworkRequest;
import org.insyn.core.service.SearchService.Listener;
import org.insyn.core.service.SearchService.SourceResult;
import org.insyn.core.service.Session.HitDraft;
import org.insyn.core.service.SourceContext;
import org.insyn.core.service.SourceException;
import org.insyn.core.service.SourceProvider;

/**
 * Asks every source at once, each on its own thread within its own timeout, and hands on each source's new hits
 * (one per canonical URL over the whole run) as soon as the source is done. A failing, slow or cancelled source
 * ends with its reason; the others go on.
 */
public final class FanOut {
    /** Past its deadline a source gets this long to notice before its thread is interrupted. */
    private static final Duration GRACE = Duration.ofSeconds(2);
    private static final long POLL_MILLIS = 50;

    /** Who runs the search and where its requests are logged. */
    public record Run(String userId, Optional<Long> runId, Consumer<NetworkRequest> log) {
    }

    public Map<String, SourceResult> run(List<SourceProvider> sources, String query, Run run, Listener listener,
            Consumer<List<HitDraft>> sink) {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicBoolean cancelled = new AtomicBoolean();
        Map<String, Future<SourceResult>> futures = new LinkedHashMap<>();
        Map<String, Instant> deadlines = new LinkedHashMap<>();
        Object sinkLock = new Object();
        AtomicReference<RuntimeException> storeFailure = new AtomicReference<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (SourceProvider source : sources) {
                Instant deadline = Instant.now().plus(source.timeout());
                deadlines.put(source.id(), deadline);
                SourceContext context = new SourceContext(run.userId(), run.runId(), deadline, run.log(), cancelled::get,
                        (pages, hits) -> listener.page(source.id(), pages, hits));
                futures.put(source.id(), threads.submit(() -> {
                    Instant start = Instant.now();
                    listener.started(source.id());
                    List<HitDraft> hits;
                    try {
                        hits = source.search(query, context);
                    } catch (SourceException e) {
                        return new SourceResult(source.id(), 0, Optional.of(e), millisSince(start));
                    } catch (RuntimeException e) {
                        // a source's own fault (e.g. a selector jsoup cannot read) is that source's failure
                        return new SourceResult(source.id(), 0, Optional.of(new SourceException("source.parse", source.name(),
                                String.valueOf(e.getMessage()))), millisSince(start));
                    }
                    List<HitDraft> fresh = new ArrayList<>();
                    for (HitDraft h : hits) {
                        String url = Canonical.url(h.url());
                        if (seen.add(url)) {
                            fresh.add(new HitDraft(h.source(), url, h.title(), h.snippet(), h.published(), h.author()));
                        }
                    }
                    try {
                        synchronized (sinkLock) {
                            sink.accept(fresh);
                        }
                    } catch (RuntimeException e) {
                        // hits that cannot be stored fail the whole search, not this source
                        storeFailure.compareAndSet(null, e);
                        cancelled.set(true);
                    }
                    SourceResult result = new SourceResult(source.id(), hits.size(), Optional.empty(), millisSince(start));
                    return result;
                }));
            }
            Map<String, SourceResult> results = new LinkedHashMap<>();
            Instant began = Instant.now();
            Optional<Instant> cancelledAt = Optional.empty();
            while (results.size() < futures.size()) {
                if (cancelledAt.isEmpty() && listener.cancelled()) {
                    cancelled.set(true);
                    cancelledAt = Optional.of(Instant.now());
                }
                for (var e : futures.entrySet()) {
                    String id = e.getKey();
                    Future<SourceResult> f = e.getValue();
                    if (results.containsKey(id)) {
                        continue;
                    }
                    Instant stopAt = cancelledAt.orElse(deadlines.get(id)).plus(GRACE);
                    SourceResult r = null;
                    if (f.isDone()) {
                        r = f.resultNow();
                    } else if (Instant.now().isAfter(stopAt)) {
                        // A source that ignores its deadline or the cancellation is stopped by interrupting its thread.
                        f.cancel(true);
                        r = new SourceResult(id, 0, Optional.of(new SourceException(cancelled.get() ? "source.cancelled"
                                : "source.timeout")), millisSince(began));
                    }
                    if (r != null) {
                        results.put(id, r);
                        listener.finished(r);
                    }
                }
                if (results.size() < futures.size()) {
                    sleep();
                }
            }
            if (storeFailure.get() != null) {
                throw storeFailure.get();
            }
            return results;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long millisSince(Instant start) {
        return Duration.between(start, Instant.now()).toMillis();
    }
}
