package org.insyn.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.insyn.core.service.DemoWeb;
import org.insyn.core.service.SourceProvider;
import org.insyn.testing.OsgiServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** Long work runs as a job: the UI thread answers while a slow search runs, and the search can be cancelled. */
@ExtendWith(ScreenshotOnFailure.class)
class ResponsivenessUiTest {
    /** How long each answer of the slow site takes. */
    static final long DELAY_MS = 6000;
    private final Bot bot = new Bot();
    private Path slow;

    /**
     * A real configured source, as an administrator adds one: a JSON file in the workspace's {@code sources/} folder,
     * whose site (the demo web) waits before each answer. The web bundle reads that folder when its source registry
     * starts, so the registry is restarted.
     */
    private void registerSlowSource() throws Exception {
        String web = OsgiServices.service(DemoWeb.class, Duration.ofSeconds(30)).sites().get("web").toString();
        String json = "{\"id\": \"test-slow\", \"name\": \"Långsamma sökmotorn\", \"kind\": \"WEB\", \"type\": \"html\","
                + " \"url\": \"" + web + "/sok?q={query}&delay=" + DELAY_MS + "\", \"items\": \"div.result\", \"empty\": \"div.no-results\","
                + " \"fields\": {\"title\": \"a.result__a\", \"url\": \"a.result__a@href\", \"snippet\": \".result__snippet\"},"
                + " \"timeoutSeconds\": 30}";
        BundleContext context = FrameworkUtil.getBundle(ResponsivenessUiTest.class).getBundleContext();
        Path folder = Path.of(URI.create(context.getProperty("osgi.instance.area").replace(" ", "%20"))).resolve("sources");
        Files.createDirectories(folder);
        slow = Files.writeString(folder.resolve("test-slow.json"), json);
        restartSourceRegistry(context);
        OsgiServices.service(SourceProvider.class, "(source.id=test-slow)", Duration.ofSeconds(30));
    }

    private static void restartSourceRegistry(BundleContext context) throws Exception {
        ServiceComponentRuntime scr = OsgiServices.service(ServiceComponentRuntime.class, Duration.ofSeconds(30));
        ComponentDescriptionDTO registry = scr.getComponentDescriptionDTO(Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName().equals("org.insyn.web")).findFirst().orElseThrow(), "org.insyn.web.sources");
        scr.disableComponent(registry).getValue();
        scr.enableComponent(registry).getValue();
    }

    @AfterEach
    void unregister() throws Exception {
        if (slow != null) {
            Files.delete(slow);
            restartSourceRegistry(FrameworkUtil.getBundle(ResponsivenessUiTest.class).getBundleContext());
        }
    }

    @Test
    void theUiThreadAnswersDuringASlowSearchWhichCanBeCancelled() throws Exception {
        registerSlowSource();
        // signing in again fills the sources afresh, the slow one among them
        SignInPage.switchTo(bot, Fixture.FIELD_WORKER);
        SearchPage search = new SearchPage(bot).outreach("självskada", "Rinkeby");
        search.onlySources("test-slow").run(null, "Uppsökande arbete: test av en långsam källa i Rinkeby och Kista.");

        Label task = bot.byKey(Label.class, "org.insyn.ui.progress.task");
        Button cancel = bot.byKey(Button.class, "org.insyn.ui.progress.cancel");
        bot.waitUntil(() -> task.getText().startsWith("Search: ") && cancel.isEnabled(), "the search on the progress line");
        bot.shot("responsive-slow-search");
        List<Long> answers = new ArrayList<>();
        long end = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            bot.sync(() -> task.getText());
            answers.add((System.nanoTime() - t0) / 1_000_000);
            Thread.sleep(20);
        }
        Collections.sort(answers);
        long median = answers.get(answers.size() / 2);
        long worst = answers.get(answers.size() - 1);
        assertTrue(answers.size() > 20 && median < 100 && worst < 1000,
                "the UI thread answered " + answers.size() + " times, median " + median + " ms, worst " + worst + " ms");

        long cancelled = System.nanoTime();
        bot.click(cancel);
        String status = search.done();
        long took = (System.nanoTime() - cancelled) / 1_000_000;
        assertTrue(status.contains("cancelled"), status);
        assertTrue(took < DELAY_MS, "the cancelled search ended after " + took + " ms, before the slow site answered");
        bot.waitUntil(() -> !cancel.isEnabled() && task.getText().equals("Ready"), "the progress line idle again");
    }
}
