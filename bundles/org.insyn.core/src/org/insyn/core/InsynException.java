package org.insyn.core;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A refusal or fault a person can act on: a message key with its arguments, said in the worker's language,
 * and the rule behind it when there is one.
 */
public class InsynException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers that act differently per kind. */
    public enum Kind {
        /** The rules do not allow this action (the rule is named). */
        REFUSED,
        /** Something asked for does not exist (or is not visible to the user). */
        NOT_FOUND,
        /** The input is wrong; the message says what to change. */
        INVALID,
        /** Stored data does not match its hashes: it was changed outside the product. */
        INTEGRITY,
        /** The store or the disk failed. */
        STORAGE,
        /** The workspace is locked (idle too long) or the account may no longer work: sign in again. */
        LOCKED
    }

    private final Kind kind;
    private final Optional<Rule> rule;
    private final String key;
    private final List<Object> args;

    public InsynException(Kind kind, Optional<Rule> rule, String key, Object... args) {
        this(kind, rule, null, key, args);
    }

    public InsynException(Kind kind, Optional<Rule> rule, Throwable cause, String key, Object... args) {
        super(key, cause);
        this.kind = kind;
        this.rule = rule;
        this.key = key;
        this.args = List.of(args);
    }

    public static InsynException refused(Rule rule, String key, Object... args) {
        return new InsynException(Kind.REFUSED, Optional.of(rule), key, args);
    }

    public static InsynException notFound(String what, Object id) {
        return new InsynException(Kind.NOT_FOUND, Optional.empty(), "error.notFound", what, String.valueOf(id));
    }

    public static InsynException invalid(String key, Object... args) {
        return new InsynException(Kind.INVALID, Optional.empty(), key, args);
    }

    @Override
    public String getMessage() {
        return message(Locale.ENGLISH);
    }

    public Kind kind() {
        return kind;
    }

    public Optional<Rule> rule() {
        return rule;
    }

    public String key() {
        return key;
    }

    /** The message in the worker's language, led by the rule it cites: "R4 Öppenhet mot klienten: …". */
    public String message(Locale locale) {
        Object[] localized = args.stream().map(a -> a instanceof Enum<?> e && Messages.has("role." + e.name())
                ? Messages.get(locale, "role." + e.name()) : a).toArray();
        if (key.equals("error.notFound") && localized.length > 0 && Messages.has("entity." + localized[0])) {
            localized[0] = Messages.get(locale, "entity." + localized[0]); // "Klient 7 finns inte", not "subject 7 finns inte"
        }
        String text = Messages.get(locale, key, localized);
        return rule.map(r -> r.cite(locale) + ": " + text).orElse(text);
    }
}
