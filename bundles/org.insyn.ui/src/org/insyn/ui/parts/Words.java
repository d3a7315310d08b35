package org.insyn.ui.parts;

import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.insyn.core.Messages;
import org.insyn.core.model.NetworkRequest;
import org.insyn.ui.Texts;

/**
 * The one place where what the trail and the network log record (codes kept as written, since the audit entries are
 * hash-chained, R16) becomes words in the UI language: reasons, decisions, record classes, roles, purposes and
 * outcomes. What it does not know stays as recorded.
 */
public final class Words {
    private static final Pattern PAIR = Pattern.compile("(\\w+)=(\\S+)");
    private static final Pattern TOLD = Pattern.compile("told (\\d{4}-\\d{2}-\\d{2}) by (\\w+)");
    private static final Pattern AFTER_FAILED = Pattern.compile("after (\\d+) failed attempts");
    private static final Pattern REFUSAL = Pattern.compile("(R\\d+ )?((?:policy|store|account|capture|source)\\.\\w+)");

    private Words() {
    }

    /** An audit entry's detail in words: each {@code key=VALUE} it knows, and a refusal's rule and message. */
    public static String auditDetail(String detail) {
        Matcher refusal = REFUSAL.matcher(detail.strip());
        if (refusal.matches()) {
            String message = Messages.get(Texts.locale(), refusal.group(2)).replaceAll("\\s*\\{\\d+\\}", "").replaceAll("\\(\\)", "");
            return (refusal.group(1) == null ? "" : refusal.group(1).strip() + ": ") + message;
        }
        Matcher told = TOLD.matcher(detail);
        if (told.matches()) {
            return Texts.get("words.phrase.told", told.group(1),
                    Texts.find("channel." + told.group(2).toUpperCase(Locale.ROOT)).orElse(told.group(2)));
        }
        Matcher failed = AFTER_FAILED.matcher(detail);
        if (failed.matches()) {
            return Texts.get("words.phrase.afterFailed", Integer.parseInt(failed.group(1)));
        }
        if (detail.startsWith("reason: ")) {
            return Texts.get("words.reason") + ": " + detail.substring("reason: ".length());
        }
        for (String phrase : new String[] { "irrelevant hit removed (R3)", "everything held listed" }) {
            if (detail.equals(phrase)) {
                return Texts.get("words.phrase." + phrase.replaceAll("\\W+", "_"));
            }
        }
        for (String start : new String[] { "created", "changed" }) {
            if (detail.startsWith(start + " ")) {
                return Texts.get("words.phrase." + start) + " " + auditDetail(detail.substring(start.length() + 1));
            }
        }
        Matcher m = PAIR.matcher(detail);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String value = m.group(2);
            String label = Texts.find("words." + key).orElse(null);
            m.appendReplacement(b, Matcher.quoteReplacement(label == null ? m.group() : label + ": " + value(key, value)));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static String value(String key, String value) {
        Function<String, String> each = switch (key) {
            case "reason" -> v -> Texts.find("reason." + v).orElse(v);
            case "decision" -> v -> Texts.find("words.decision." + v).orElse(v);
            case "relevance" -> v -> Texts.find("words.relevance." + v).orElse(v);
            case "class" -> v -> Texts.find("recordClass." + v).orElse(v);
            case "mode" -> v -> Texts.find("words.mode." + v).orElse(v);
            case "roles" -> v -> Texts.find("role." + v).orElse(v);
            case "enabled" -> v -> Texts.get(Boolean.parseBoolean(v) ? "words.yes" : "words.no");
            case "review" -> v -> Texts.find("words.review." + v).orElse(v);
            default -> v -> v;
        };
        StringBuilder b = new StringBuilder();
        for (String v : value.split(",")) {
            b.append(b.isEmpty() ? "" : ", ").append(each.apply(v));
        }
        return b.toString();
    }

    /** What an audit entry is about ("justification:12") in words ("Justification 12"). */
    public static String auditTarget(String target) {
        int colon = target.indexOf(':');
        if (colon < 0) {
            return Texts.find("words.target." + target).orElse(target);
        }
        String kind = target.substring(0, colon);
        return Texts.find("words.target." + kind, target.substring(colon + 1)).orElse(target);
    }

    /** Why the product made the request, with the source's name for a search. */
    public static String purpose(NetworkRequest r, Function<String, String> sourceName) {
        String p = r.purpose();
        if (p.startsWith("search ")) {
            return Texts.get("words.purpose.search", sourceName.apply(p.substring("search ".length())));
        }
        return Texts.find("words.purpose." + p.replace(".txt", "")).orElse(p);
    }

    /** How the request ended, in words. */
    public static String outcome(NetworkRequest r) {
        String o = r.outcome();
        if (o.startsWith("HTTP ")) {
            return Texts.get("words.outcome.http", o.substring(5));
        }
        return Texts.find("words.outcome." + o.replace(' ', '_').replace(".txt", "").toLowerCase(Locale.ROOT))
                .orElseGet(() -> Texts.get("words.outcome.failed", o));
    }

    /** R15: a request that was stopped (blocked) or failed; fetched pages and pages shown in the browser are neither. */
    public static boolean stoppedOrFailed(NetworkRequest r) {
        return !"ok".equals(r.outcome()) && !"shown".equals(r.outcome());
    }
}
