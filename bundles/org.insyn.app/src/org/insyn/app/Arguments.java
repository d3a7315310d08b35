package org.insyn.app;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.insyn.core.Messages;

/** {@code --name value} options and plain words of a command line, checked against what the command takes. */
final class Arguments {
    private Arguments() {
    }

    /**
     * The options and words, or null after saying on {@code err} which argument was not expected (or which option
     * lacks its value). At most {@code words.size()} plain words are taken, stored under their names.
     */
    static Map<String, String> parse(List<String> args, List<String> options, List<String> words, PrintStream err, Locale locale) {
        Map<String, String> found = new HashMap<>();
        List<String> plain = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (options.contains(a) && i + 1 < args.size()) {
                found.put(a, args.get(++i));
            } else if (!a.startsWith("--") && plain.size() < words.size()) {
                plain.add(a);
            } else {
                err.println(Messages.get(locale, "cli.capture.unexpected", a));
                return null;
            }
        }
        for (int i = 0; i < plain.size(); i++) {
            found.put(words.get(i), plain.get(i));
        }
        return found;
    }
}
