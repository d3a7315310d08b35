package org.insyn.web.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.insyn.core.model.SourceKind;
import org.insyn.core.service.Session.HitDraft;
import org.insyn.core.service.SourceContext;
import org.insyn.core.service.SourceException;
import org.insyn.core.service.SourceProvider;

/**
 * A source that is one site of the public web (Facebook's public pages, Flashback, Dayviews): a {@code site:} search
 * through the first general web search of its {@code via} list that is set up, so the city may buy one search
 * service or run its own (R6: social network public pages, public forums).
 */
public final class SiteSearch implements SourceProvider {
    private final SourceConfig config;
    private final List<ConfiguredSource> backends;

    /** @param backends the web searches of {@code via}, each already restricted to the site, in order of preference */
    public SiteSearch(SourceConfig config, List<ConfiguredSource> backends) {
        this.config = config;
        this.backends = List.copyOf(backends);
    }

    public SourceConfig config() {
        return config;
    }

    @Override
    public String id() {
        return config.id();
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public SourceKind kind() {
        return config.kind();
    }

    @Override
    public Duration timeout() {
        return chosen().map(ConfiguredSource::timeout).orElse(Duration.ofSeconds(config.timeoutSeconds()));
    }

    /** The web search this site search asks now: the first of its list that has what it needs. */
    public Optional<ConfiguredSource> chosen() {
        return backends.stream().filter(b -> b.unavailable().isEmpty()).findFirst();
    }

    @Override
    public Optional<java.time.LocalDate> until() {
        return chosen().flatMap(ConfiguredSource::until);
    }

    @Override
    public Optional<SourceException> unavailable() {
        if (chosen().isPresent()) {
            return Optional.empty();
        }
        String settings = backends.stream().flatMap(b -> b.settingNames().stream().limit(1)).distinct()
                .collect(Collectors.joining(", "));
        return Optional.of(new SourceException("source.noBackend", String.join(", ", config.via()), settings));
    }

    @Override
    public List<HitDraft> search(String query, SourceContext context) throws SourceException {
        Optional<ConfiguredSource> backend = chosen();
        if (backend.isEmpty()) {
            throw unavailable().orElseThrow();
        }
        return backend.get().search(query, context);
    }
}
