package org.insyn.core;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** Text shown to people by core services, in Swedish or English ({@code messages.properties}). */
public final class Messages {
    public static final Locale SWEDISH = Locale.of("sv");

    private Messages() {
    }

    public static String get(Locale locale, String key, Object... args) {
        return new MessageFormat(bundle(locale).getString(key), locale).format(args);
    }

    static boolean has(String key) {
        return bundle(Locale.ENGLISH).containsKey(key);
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("org.insyn.core.messages", locale, Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
