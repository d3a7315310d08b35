package org.insyn.app;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.insyn.core.model.Capture;
import org.insyn.core.model.RecordClass;
import org.insyn.core.service.CaptureService;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.core.service.WorkspaceProvider;

/**
 * {@code insyn cli capture --workspace DIR --user ID --case N --justification N [--hit N] [--class C] [--wacz FILE] URL}:
 * captures the page as sealed evidence (R7, R17) and prints the capture id and the hashes. The workspace
 * passphrase is read from INSYN_PASSPHRASE, never from the command line.
 */
public final class CaptureCommand implements Command {
    static final String PASSPHRASE = "INSYN_PASSPHRASE";
    private static final List<String> OPTIONS = List.of("--workspace", "--user", "--case", "--justification", "--hit", "--class", "--wacz");

    private final Supplier<WorkspaceProvider> workspaces;
    private final Supplier<CaptureService> captures;
    private final Map<String, String> environment;

    public CaptureCommand(Supplier<WorkspaceProvider> workspaces, Supplier<CaptureService> captures, Map<String, String> environment) {
        this.workspaces = workspaces;
        this.captures = captures;
        this.environment = environment;
    }

    @Override
    public String name() {
        return "capture";
    }

    @Override
    public String summary() {
        return "capture a page as sealed evidence: --workspace DIR --user ID --case N --justification N URL";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Map<String, String> options = new HashMap<>();
        Optional<URI> url = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (OPTIONS.contains(a) && i + 1 < args.size()) {
                options.put(a, args.get(++i));
            } else if (!a.startsWith("--") && url.isEmpty()) {
                url = Optional.of(URI.create(a));
            } else {
                return usage(err, "unexpected argument '" + a + "'");
            }
        }
        for (String required : List.of("--workspace", "--user", "--case", "--justification")) {
            if (!options.containsKey(required)) {
                return usage(err, "missing " + required);
            }
        }
        if (url.isEmpty()) {
            return usage(err, "missing the URL to capture");
        }
        String passphrase = environment.get(PASSPHRASE);
        if (passphrase == null || passphrase.isEmpty()) {
            return usage(err, "set " + PASSPHRASE + " to the workspace passphrase");
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
            return usage(err, "--case, --justification and --hit take numbers; --class one of " + List.of(RecordClass.values()));
        }

        try (Workspace workspace = workspaces.get().open(WorkspaceConfig.embedded(Path.of(options.get("--workspace")),
                passphrase.toCharArray()))) {
            CaptureService service = captures.get();
            var session = workspace.session(options.get("--user"));
            Capture capture = service.capture(workspace, session,
                    new CaptureService.Request(caseId, justificationId, hitId, url.get(), recordClass));
            out.println("capture " + capture.id());
            out.println("url       " + capture.url());
            out.println("final url " + capture.finalUrl() + " (HTTP " + capture.httpStatus() + ")");
            out.println("captured  " + capture.capturedAt() + " (" + capture.zoneId() + ")");
            out.println("complete  " + (capture.complete() ? "yes" : "no: see the manifest"));
            out.println("timestamp " + (capture.timestampToken().isPresent() ? "RFC 3161 token" : "none configured"));
            out.println(capture.manifestSha256() + "  manifest.json");
            capture.artifacts().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> out.println(e.getValue() + "  " + e.getKey()));
            if (options.containsKey("--wacz")) {
                try (OutputStream wacz = Files.newOutputStream(Path.of(options.get("--wacz")))) {
                    service.exportWacz(workspace, capture, wacz);
                }
                out.println("wacz      " + options.get("--wacz"));
            }
            return capture.complete() ? Cli.OK : 1;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("insyn capture: " + problem);
        err.println("usage: insyn cli capture --workspace DIR --user ID --case N --justification N [--hit N]"
                + " [--class CLIENT_FILE|REGISTERED|MINOR_IMPORTANCE] [--wacz FILE] URL");
        err.println("       the workspace passphrase comes from the environment variable " + PASSPHRASE);
        return Cli.USAGE;
    }
}
