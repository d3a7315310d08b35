package org.insyn.app;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.insyn.core.InsynException;
import org.insyn.core.Messages;
import org.insyn.core.model.Capture;
import org.insyn.core.model.RecordClass;
import org.insyn.core.service.CaptureService;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.core.service.WorkspaceProvider;

/**
 * {@code insyn cli capture [--workspace DIR] [--user ID] --case N --justification N [--hit N] [--class C] [--wacz FILE] URL}:
 * captures the page as sealed evidence (R7, R17) and prints the capture id and the hashes. The workspace comes
 * from --workspace or INSYN_WORKSPACE; the person signs in (see {@link WorkspaceOption}).
 */
public final class CaptureCommand implements Command {
    private static final List<String> OPTIONS = List.of("--workspace", "--user", "--case", "--justification", "--hit", "--class", "--wacz");

    private final Supplier<WorkspaceProvider> workspaces;
    private final Supplier<CaptureService> captures;
    private final Map<String, String> env;
    private final Prompt prompt;
    private final Locale locale;

    public CaptureCommand(Supplier<WorkspaceProvider> workspaces, Supplier<CaptureService> captures, Map<String, String> env,
            Prompt prompt, Locale locale) {
        this.workspaces = workspaces;
        this.captures = captures;
        this.env = env;
        this.prompt = prompt;
        this.locale = locale;
    }

    @Override
    public String name() {
        return "capture";
    }

    @Override
    public String summary() {
        return Messages.get(locale, "cli.capture.summary");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Map<String, String> options = new HashMap<>();
        Optional.ofNullable(env.get("INSYN_WORKSPACE")).ifPresent(w -> options.put("--workspace", w));
        Optional<URI> url = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (OPTIONS.contains(a) && i + 1 < args.size()) {
                options.put(a, args.get(++i));
            } else if (!a.startsWith("--") && url.isEmpty()) {
                try {
                    url = Optional.of(new URI(a));
                } catch (URISyntaxException e) {
                    err.println(Messages.get(locale, "capture.notAnAddress", a));
                    return Cli.USAGE;
                }
            } else {
                return usage(err, Messages.get(locale, "cli.capture.unexpected", a));
            }
        }
        if (!options.containsKey("--workspace")) {
            return usage(err, Messages.get(locale, "cli.noWorkspace"));
        }
        for (String required : List.of("--case", "--justification")) {
            if (!options.containsKey(required)) {
                return usage(err, Messages.get(locale, "cli.capture.missing", required));
            }
        }
        if (url.isEmpty()) {
            return usage(err, Messages.get(locale, "cli.capture.noUrl"));
        }
        long caseId;
        long justificationId;
        Optional<Long> hitId;
        RecordClass recordClass;
        try {
            caseId = Long.parseLong(options.get("--case"));
            justificationId = Long.parseLong(options.get("--justification"));
            hitId = Optional.ofNullable(options.get("--hit")).map(Long::valueOf);
            recordClass = RecordClass.valueOf(options.getOrDefault("--class", RecordClass.CLIENT_FILE.name()));
        } catch (IllegalArgumentException e) {
            return usage(err, Messages.get(locale, "cli.capture.numbers", List.of(RecordClass.values())));
        }
        Optional<WorkspaceConfig> found = WorkspaceOption.config(Optional.of(options.get("--workspace")), env, locale, err);
        if (found.isEmpty()) {
            return Cli.USAGE;
        }
        try {
            Optional<Workspace> signedIn = WorkspaceOption.signIn(workspaces.get(), found.get(),
                    Optional.ofNullable(options.get("--user")), env, prompt, locale, err);
            if (signedIn.isEmpty()) {
                return Cli.USAGE;
            }
            return capture(signedIn.get(), caseId, justificationId, hitId, recordClass, url.get(), options, out);
        } catch (InsynException e) {
            err.println(e.message(locale));
            return 1;
        }
    }

    private int capture(Workspace signedIn, long caseId, long justificationId, Optional<Long> hitId, RecordClass recordClass, URI url,
            Map<String, String> options, PrintStream out) throws Exception {
        try (Workspace workspace = signedIn) {
            CaptureService service = captures.get();
            Capture capture = service.capture(workspace, workspace.session(),
                    new CaptureService.Request(caseId, justificationId, hitId, url, recordClass));
            out.println("capture " + capture.id());
            out.println(Messages.get(locale, "cli.capture.done", capture.url(), capture.finalUrl(), capture.httpStatus(),
                    capture.capturedAt(), capture.zoneId()));
            if (!capture.complete()) {
                out.println(Messages.get(locale, "cli.capture.incomplete"));
            }
            out.println(Messages.get(locale, capture.timestampToken().isPresent() ? "cli.capture.timestamped" : "cli.capture.noTimestamp"));
            out.println(capture.manifestSha256() + "  manifest.json");
            capture.artifacts().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> out.println(e.getValue() + "  " + e.getKey()));
            if (options.containsKey("--wacz")) {
                try (OutputStream wacz = Files.newOutputStream(Path.of(options.get("--wacz")))) {
                    service.exportWacz(workspace, capture, wacz);
                }
                out.println("wacz " + options.get("--wacz"));
            }
            return capture.complete() ? Cli.OK : 1;
        }
    }

    private int usage(PrintStream err, String problem) {
        err.println(problem);
        err.println(Messages.get(locale, "cli.capture.usage"));
        return Cli.USAGE;
    }
}
