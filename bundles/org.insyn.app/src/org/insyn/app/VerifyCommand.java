package org.insyn.app;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.insyn.core.InsynException;
import org.insyn.core.Messages;
import org.insyn.core.service.AuditTrail.ChainHead;
import org.insyn.core.service.CaptureService;
import org.insyn.core.service.SearchIndexProvider;
import org.insyn.core.service.VerifyReport;
import org.insyn.core.service.VerifyReport.Problem;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.core.service.WorkspaceProvider;

/**
 * {@code insyn cli verify}: re-walks the audit chain and re-hashes every blob (R16, R17), printing each finding with
 * its position; exit code 1 on any finding. With {@code --head SEQ:HASH} it also checks that the chain still leads
 * to a head exported earlier, which catches entries cut from the end.
 */
public final class VerifyCommand implements Command {
    private final Supplier<WorkspaceProvider> provider;
    private final Optional<Supplier<CaptureService>> captures;
    private final Optional<Supplier<SearchIndexProvider>> indexes;
    private final Map<String, String> env;
    private final Prompt prompt;
    private final Locale locale;

    public VerifyCommand(Supplier<WorkspaceProvider> provider, Map<String, String> env, Prompt prompt, Locale locale) {
        this(provider, Optional.empty(), env, prompt, locale);
    }

    /** With the capture service, also checks every capture's files against its manifest and timestamp (R17). */
    public VerifyCommand(Supplier<WorkspaceProvider> provider, Optional<Supplier<CaptureService>> captures,
            Map<String, String> env, Prompt prompt, Locale locale) {
        this(provider, captures, Optional.empty(), env, prompt, locale);
    }

    /** With the index provider too, also checks every file of the search index against its checksum. */
    public VerifyCommand(Supplier<WorkspaceProvider> provider, Optional<Supplier<CaptureService>> captures,
            Optional<Supplier<SearchIndexProvider>> indexes, Map<String, String> env, Prompt prompt, Locale locale) {
        this.provider = provider;
        this.captures = captures;
        this.indexes = indexes;
        this.env = env;
        this.prompt = prompt;
        this.locale = locale;
    }

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public String summary() {
        return Messages.get(locale, "cli.verify.summary");
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Optional<String> dir = Optional.ofNullable(env.get("INSYN_WORKSPACE"));
        Optional<String> user = Optional.empty();
        Optional<ChainHead> expected = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("--workspace") || a.equals("--head") || a.equals("--user")) && i + 1 < args.size()) {
                String v = args.get(++i);
                if (a.equals("--workspace")) {
                    dir = Optional.of(v);
                } else if (a.equals("--user")) {
                    user = Optional.of(v);
                } else if (v.matches("\\d+:[0-9a-f]{64}")) {
                    expected = Optional.of(new ChainHead(Long.parseLong(v.substring(0, v.indexOf(':'))), v.substring(v.indexOf(':') + 1)));
                } else {
                    err.println(Messages.get(locale, "cli.verify.badHead", v));
                    return Cli.USAGE;
                }
            } else {
                err.println(Messages.get(locale, "cli.verify.usage"));
                return Cli.USAGE;
            }
        }
        Optional<WorkspaceConfig> config = WorkspaceOption.config(dir, env, locale, err);
        if (config.isEmpty()) {
            return Cli.USAGE;
        }
        try {
            Optional<Workspace> signedIn = WorkspaceOption.signIn(provider.get(), config.get(), user, env, prompt, locale, err);
            if (signedIn.isEmpty()) {
                return Cli.USAGE;
            }
            return verify(signedIn.get(), config.get(), expected, out);
        } catch (InsynException e) {
            err.println(e.message(locale));
            return 1;
        }
    }

    private int verify(Workspace signedIn, WorkspaceConfig config, Optional<ChainHead> expected, PrintStream out) {
        try (Workspace ws = signedIn) {
            VerifyReport report = ws.verify();
            List<Problem> problems = new ArrayList<>(report.problems());
            if (expected.isPresent()) {
                ws.audit().verify(expected).problems().stream().filter(p -> !problems.contains(p)).forEach(problems::add);
            }
            Optional<VerifyReport> evidence = captures.map(c -> c.get().verify(ws, config));
            evidence.ifPresent(e -> problems.addAll(e.problems()));
            indexes.ifPresent(i -> problems.addAll(i.get().check(config, ws)));
            for (Problem p : problems) {
                out.println(p.kind() + " " + p.where() + ": " + p.detail());
            }
            // R17: who signed each timestamp, and whether a trust anchor names them, rather than trusting the token's own certificate
            evidence.ifPresent(e -> e.timestamps().forEach(t -> out.println(Messages.get(locale,
                    t.trusted() ? "cli.verify.timestampTrusted" : "cli.verify.timestampUntrusted", Long.toString(t.captureId()), t.signedBy()))));
            evidence.ifPresent(e -> out.println(Messages.get(locale, "cli.verify.captures", e.blobsChecked())));
            ChainHead head = ws.audit().head();
            out.println(Messages.get(locale, problems.isEmpty() ? "cli.verify.clean" : "cli.verify.findings",
                    report.entriesChecked(), report.blobsChecked(), problems.size()));
            out.println(Messages.get(locale, "cli.verify.head", head.seq() + ":" + head.hash()));
            return problems.isEmpty() ? Cli.OK : 1;
        }
    }
}
