package org.insyn.core.service;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.insyn.core.Messages;

/** Why one source could not answer (timeout, too large, HTTP error, robots.txt…), said in the worker's language. */
public class SourceException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final List<Object> args;

    public SourceException(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = List.of(args);
    }

    public String key() {
        return key;
    }

    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }

    public String message(Locale locale) {
        return Messages.get(locale, key, args.toArray());
    }
}
