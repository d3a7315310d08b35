package org.insyn.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.insyn.core.service.DemoWeb;
import org.insyn.core.service.SourceProvider;
import org.insyn.core.service.SourceSettings;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Offers every configured source as a {@link SourceProvider} service: the built-in configurations in the
 * bundle's {@code sources/} folder and the JSON files a user puts in the workspace's {@code sources/} folder
 * (a file with a built-in's id replaces it). In demo mode ({@link DemoWeb} present) the built-ins are the demo
 * sites' instead, so that nothing goes to the internet.
 */
@Component(name = "org.insyn.web.sources", service = {}, immediate = true)
public final class SourceRegistry {
    private static final System.Logger LOG = System.getLogger(SourceRegistry.class.getName());

    private final List<ServiceRegistration<SourceProvider>> registrations = new ArrayList<>();
    private SourceSettings preferences;
    private DemoWeb demo;

    @Reference(name = "preferences", cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    public void setPreferences(SourceSettings preferences) {
        this.preferences = preferences;
    }

    @Reference(name = "demo", cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    public void setDemo(DemoWeb demo) {
        this.demo = demo;
    }

    @Activate
    public void activate(BundleContext context) {
        Settings settings = settings();
        PrivateHttp http = new PrivateHttp(new PrivateHttp.Limits(
                Duration.ofMillis(settings.get("http.minIntervalMillis").map(Long::parseLong).orElse(1000L)),
                settings.get("http.maxBytes").map(Long::parseLong).orElse(5L << 20), 5));
        Map<String, SourceConfig> configs = new LinkedHashMap<>();
        bundled(context.getBundle(), demo == null ? "sources" : "sources/demo").forEach(c -> configs.put(c.id(), c));
        workspaceFolder(context).ifPresent(folder -> userConfigs(folder).forEach(c -> configs.put(c.id(), c)));
        for (SourceProvider source : providers(configs.values(), http, settings)) {
            Dictionary<String, Object> props = new Hashtable<>(Map.of("source.id", source.id(), "source.kind", source.kind().name()));
            registrations.add(context.registerService(SourceProvider.class, source, props));
        }
    }

    /** The sources of these configurations; a site search asks the web searches among them that it names. */
    public static List<SourceProvider> providers(Collection<SourceConfig> configs, PrivateHttp http, Settings settings) {
        Map<String, SourceConfig> byId = new LinkedHashMap<>();
        configs.forEach(c -> byId.put(c.id(), c));
        List<SourceProvider> out = new ArrayList<>();
        for (SourceConfig c : configs) {
            if (c.type().equals("site")) {
                List<ConfiguredSource> backends = c.via().stream().map(byId::get).filter(b -> b != null && !b.type().equals("site"))
                        .map(b -> new ConfiguredSource(b.restrictedTo(c), http, settings)).toList();
                out.add(new SiteSearch(c, backends));
            } else {
                out.add(new ConfiguredSource(c, http, settings));
            }
        }
        return out;
    }

    @Deactivate
    public void deactivate() {
        registrations.forEach(ServiceRegistration::unregister);
        registrations.clear();
    }

    private Settings settings() {
        Map<String, String> demoSites = new LinkedHashMap<>();
        if (demo != null) {
            demo.sites().forEach((site, uri) -> demoSites.put("demo." + site, uri.toString()));
        }
        SourceSettings prefs = preferences;
        return key -> Optional.ofNullable(demoSites.get(key)).or(() -> prefs == null ? Optional.empty() : prefs.get(key));
    }

    private static List<SourceConfig> bundled(Bundle bundle, String folder) {
        List<SourceConfig> out = new ArrayList<>();
        var entries = bundle.findEntries(folder, "*.json", false);
        for (URL url : entries == null ? List.<URL>of() : Collections.list(entries)) {
            try (InputStream in = url.openStream()) {
                out.add(SourceConfig.read(in));
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("built-in source " + url + " is broken: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** A broken user file is reported and skipped; the other sources still load. */
    public static List<SourceConfig> userConfigs(Path folder) {
        List<SourceConfig> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
            for (Path f : files) {
                try (InputStream in = Files.newInputStream(f)) {
                    out.add(SourceConfig.read(in));
                } catch (IOException | RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "source file " + f + " is skipped: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot read " + folder + ": " + e.getMessage());
        }
        return out;
    }

    private static Optional<Path> workspaceFolder(BundleContext context) {
        String area = context.getProperty("osgi.instance.area");
        if (area == null || !area.startsWith("file:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(URI.create(area.replace(" ", "%20"))).resolve("sources"));
    }
}
