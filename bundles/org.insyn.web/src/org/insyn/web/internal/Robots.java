package org.insyn.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules of one site's robots.txt for our agent (RFC 9309): the group naming our product token, else the
 * "*" group; the longest matching rule wins and Allow wins a tie.
 */
final class Robots {
    static final Robots ALLOW_ALL = new Robots(List.of());
    static final Robots DISALLOW_ALL = new Robots(List.of(new Rule(false, "/", Pattern.compile("/.*"))));

    private record Rule(boolean allow, String path, Pattern pattern) {
    }

    private final List<Rule> rules;

    private Robots(List<Rule> rules) {
        this.rules = rules;
    }

    static Robots parse(String text, String token) {
        List<Rule> ours = null;
        List<Rule> any = null;
        List<Rule> current = null;
        boolean inAgents = false;
        boolean matchesUs = false;
        boolean matchesAny = false;
        for (String raw : text.split("\r?\n|\r")) {
            String line = raw.replaceFirst("#.*", "").strip();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (key.equals("user-agent")) {
                if (!inAgents) {
                    current = new ArrayList<>();
                    matchesUs = false;
                    matchesAny = false;
                    inAgents = true;
                }
                String agent = value.toLowerCase(Locale.ROOT);
                if (agent.equals("*")) {
                    matchesAny = true;
                    any = any == null ? current : any;
                } else if (!agent.isEmpty() && token.toLowerCase(Locale.ROOT).startsWith(agent)) {
                    matchesUs = true;
                    ours = ours == null ? current : ours;
                }
            } else if ((key.equals("allow") || key.equals("disallow")) && current != null) {
                inAgents = false;
                if ((matchesUs || matchesAny) && !value.isEmpty()) {
                    current.add(new Rule(key.equals("allow"), value, toPattern(value)));
                }
            } else {
                inAgents = false;
            }
        }
        List<Rule> chosen = ours != null ? ours : any;
        return chosen == null ? ALLOW_ALL : new Robots(List.copyOf(chosen));
    }

    private static Pattern toPattern(String path) {
        boolean anchored = path.endsWith("$");
        String body = anchored ? path.substring(0, path.length() - 1) : path;
        StringBuilder regex = new StringBuilder();
        for (String part : body.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex + (anchored ? "" : ".*"));
    }

    /** Whether the path (with its query) may be fetched. */
    boolean allows(String pathAndQuery) {
        Rule best = null;
        for (Rule r : rules) {
            if (r.pattern.matcher(pathAndQuery).matches() && (best == null || r.path.length() > best.path.length()
                    || r.path.length() == best.path.length() && r.allow)) {
                best = r;
            }
        }
        return best == null || best.allow;
    }
}
