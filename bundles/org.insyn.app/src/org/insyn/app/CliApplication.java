package org.insyn.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.insyn.core.Messages;
import org.insyn.core.service.CaptureService;
import org.insyn.core.service.ReportService;
import org.insyn.core.service.SearchIndexProvider;
import org.insyn.core.service.SearchService;
import org.insyn.core.service.WorkspaceProvider;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The headless Equinox application behind {@code insyn cli}: same bundles and services as the workbench. */
public final class CliApplication implements IApplication {
    /** Declarative Services start the store and the capture service shortly after the framework; a command waits this long. */
    static final long SERVICE_TIMEOUT_MS = 20_000;

    @Override
    public Object start(IApplicationContext context) {
        quietLibraries();
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        BundleContext bundles = FrameworkUtil.getBundle(getClass()).getBundleContext();
        String version = bundles.getBundle().getVersion().toString();
        Locale locale = Locale.getDefault().getLanguage().equals("sv") ? Messages.SWEDISH : Locale.ENGLISH;
        ServiceTracker<WorkspaceProvider, WorkspaceProvider> tracker = new ServiceTracker<>(bundles, WorkspaceProvider.class, null);
        ServiceTracker<CaptureService, CaptureService> captureTracker = new ServiceTracker<>(bundles, CaptureService.class, null);
        ServiceTracker<SearchService, SearchService> searchTracker = new ServiceTracker<>(bundles, SearchService.class, null);
        tracker.open();
        captureTracker.open();
        searchTracker.open();
        ServiceTracker<ReportService, ReportService> reportTracker = new ServiceTracker<>(bundles, ReportService.class, null);
        reportTracker.open();
        ServiceTracker<SearchIndexProvider, SearchIndexProvider> indexTracker = new ServiceTracker<>(bundles, SearchIndexProvider.class, null);
        indexTracker.open();
        try {
            Supplier<WorkspaceProvider> store = service(tracker, locale, "cli.noStore");
            Supplier<CaptureService> captures = service(captureTracker, locale, "cli.noCaptureService");
            Map<String, String> env = System.getenv();
            Prompt prompt = Prompt.system();
            Supplier<SearchIndexProvider> indexes = service(indexTracker, locale, "cli.noIndex");
            List<Command> commands = new ArrayList<>(List.of(new InitCommand(store, env, prompt, locale),
                    new AccountCommand(store, env, prompt, locale), new UnitCommand(store, env, prompt, locale),
                    new CaptureCommand(store, captures, env, prompt, locale),
                    new VerifyCommand(store, Optional.of(captures), Optional.of(indexes), env, prompt, locale)));
            Supplier<SearchService> search = service(searchTracker, locale, "cli.noSearch");
            commands.addAll(SearchCommands.all(search, store, env, prompt, locale));
            commands.addAll(CaseworkCommands.all(store, search, env, prompt, locale));
            commands.add(new ExportCommand(service(reportTracker, locale, "cli.noReports"), store, captures, env, prompt, locale));
            commands.add(new ReindexCommand(store, indexes, env, prompt, locale));
            commands.addAll(RetentionCommands.all(store, indexes, env, prompt, locale));
            commands.add(new MigrateCommand(store, env, prompt, locale));
            Cli cli = new Cli(version, commands, locale);
            int code = cli.run(Arrays.asList(args == null ? new String[0] : args), System.out, System.err);
            System.out.flush();
            return Integer.valueOf(code);
        } finally {
            indexTracker.close();
            reportTracker.close();
            searchTracker.close();
            captureTracker.close();
            tracker.close();
        }
    }

    /**
     * No library log lines on the terminal (Flyway's migration lines and database address, Lucene's note on the
     * vector module): libraries without a logging binding here write through java.util.logging, whose console
     * handler is removed. A command says what matters itself, in the person's language.
     */
    public static void quietLibraries() {
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        for (java.util.logging.Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
    }

    /** A service, waited for only when a command needs it; the message key says which bundle is missing. */
    static <T> Supplier<T> service(ServiceTracker<T, T> tracker, Locale locale, String missing) {
        return () -> {
            try {
                T p = tracker.waitForService(SERVICE_TIMEOUT_MS);
                if (p == null) {
                    throw new IllegalStateException(Messages.get(locale, missing, SERVICE_TIMEOUT_MS / 1000));
                }
                return p;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
    }

    @Override
    public void stop() {
        // nothing to release: start() returns when its command is done
    }
}
