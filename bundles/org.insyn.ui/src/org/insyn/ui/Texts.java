package org.insyn.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.insyn.core.InsynException;
import org.insyn.core.Messages;

/**
 * Text shown in the workbench, from the bundle's message files ({@code OSGI-INF/l10n/bundle.properties} in English,
 * {@code bundle_sv.properties} in Swedish), the same files the application model's {@code %keys} come from. The
 * language is the one the workbench was started in ({@code -nl}); Swedish unless that is English.
 */
public final class Texts {
    private Texts() {
    }

    /** The UI language: English when the workbench runs in English, Swedish otherwise. */
    public static Locale locale() {
        return "en".equals(Locale.getDefault().getLanguage()) ? Locale.ENGLISH : Messages.SWEDISH;
    }

    /** The text of {@code key}, with {@code args} filled in by {@link MessageFormat} (so an apostrophe is written ''). */
    public static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle().getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no UI text " + key, e);
        }
        return new MessageFormat(pattern, locale()).format(args);
    }

    /** The text of {@code key} when the message files have it. */
    public static java.util.Optional<String> find(String key, Object... args) {
        return bundle().containsKey(key) ? java.util.Optional.of(get(key, args)) : java.util.Optional.empty();
    }

    /** A core service's refusal or error in the UI language, the rule it cites first. */
    public static String of(InsynException e) {
        return e.message(locale());
    }

    private static ResourceBundle bundle() {
        return ResourceBundle.getBundle("OSGI-INF.l10n.bundle", locale(), Texts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
