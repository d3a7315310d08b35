package org.insyn.core.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.insyn.core.Messages;

/** The query exactly as it will be sent, with the warnings the worker sees before it runs (R6). */
public record BuiltQuery(SearchMode mode, String text, List<Warning> warnings) {
    public BuiltQuery {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(text, "text");
        warnings = List.copyOf(warnings);
    }

    /** A message key of core's messages with its arguments. */
    public record Warning(String key, List<String> args) {
        public Warning {
            Objects.requireNonNull(key, "key");
            args = List.copyOf(args);
        }

        public String message(Locale locale) {
            return Messages.get(locale, key, args.toArray());
        }
    }
}
