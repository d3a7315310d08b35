package org.insyn.app;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.insyn.core.Messages;

/**
 * The one parser of every command line: {@code --name value} options (a repeatable one may come several times),
 * {@code --flag} switches and plain words, checked against what the command takes.
 */
public final class Arguments {
    /**
     * What a command takes.
     *
     * @param options options with a value
     * @param flags switches without a value
     * @param words names of the plain words, in order; at most this many are taken
     */
    public record Spec(List<String> options, List<String> flags, List<String> words) {
        public Spec {
            options = List.copyOf(options);
            flags = List.copyOf(flags);
            words = List.copyOf(words);
        }

        public static Spec of(List<String> options, List<String> words) {
            return new Spec(options, List.of(), words);
        }

        public Spec withFlags(String... more) {
            List<String> all = new ArrayList<>(flags);
            all.addAll(List.of(more));
            return new Spec(options, all, words);
        }

        public Spec withOptions(String... more) {
            List<String> all = new ArrayList<>(options);
            List.of(more).stream().filter(o -> !all.contains(o)).forEach(all::add);
            return new Spec(all, flags, words);
        }
    }

    /** A parsed command line: every value of each option or word, in order; a flag has the value "true". */
    public record Parsed(Map<String, List<String>> values) {
        public Optional<String> get(String name) {
            List<String> v = values.get(name);
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(v.size() - 1));
        }

        public List<String> all(String name) {
            return values.getOrDefault(name, List.of());
        }

        public boolean has(String name) {
            return values.containsKey(name);
        }

        /** The last value of each name, as the older commands read them. */
        public Map<String, String> last() {
            Map<String, String> out = new HashMap<>();
            values.forEach((k, v) -> out.put(k, v.get(v.size() - 1)));
            return out;
        }
    }

    private Arguments() {
    }

    /**
     * The options, flags and words, or null after saying on {@code err} which argument was not expected (or which
     * option lacks its value).
     */
    public static Parsed parse(List<String> args, Spec spec, PrintStream err, Locale locale) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        List<String> plain = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (spec.options().contains(a) && i + 1 < args.size()) {
                found.computeIfAbsent(a, k -> new ArrayList<>()).add(args.get(++i));
            } else if (spec.flags().contains(a)) {
                found.put(a, List.of("true"));
            } else if (!a.startsWith("--") && plain.size() < spec.words().size()) {
                plain.add(a);
            } else {
                err.println(Messages.get(locale, spec.options().contains(a) ? "cli.missingValue" : "cli.capture.unexpected", a));
                return null;
            }
        }
        for (int i = 0; i < plain.size(); i++) {
            found.put(spec.words().get(i), List.of(plain.get(i)));
        }
        return new Parsed(found);
    }

    /** The last value of each option and word, or null after saying what was wrong. */
    static Map<String, String> parse(List<String> args, List<String> options, List<String> words, PrintStream err, Locale locale) {
        Parsed p = parse(args, Spec.of(options, words), err, locale);
        return p == null ? null : p.last();
    }
}
