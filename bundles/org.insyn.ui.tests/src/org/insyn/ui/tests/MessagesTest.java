package org.insyn.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** Swedish and English throughout: every text of the workbench in both languages, with the same blanks to fill. */
class MessagesTest {
    private static final Bundle UI = Arrays.stream(FrameworkUtil.getBundle(MessagesTest.class).getBundleContext().getBundles())
            .filter(b -> b.getSymbolicName().equals("org.insyn.ui")).findFirst().orElseThrow();

    /** Texts that are the same words, or only placeholders and marks, in both languages. */
    private static final Set<String> SAME_IN_BOTH = Set.of("window.title", "signin.who", "refusal.rule", "relevance.RELEVANT",
            "kind.FORUM", "search.source", "search.source.unavailable", "results.relevant", "evidence.col.id", "evidence.col.status",
            "network.col.status", "network.col.millis", "prefs.units.id", "prefs.units.id.label", "window.title.signedIn",
            "words.relevance.RELEVANT", "words.sha256", "words.target.export", "help.title", "about.version", "about.libraryVersion");

    private static Properties load(String path) throws IOException {
        URL url = UI.getEntry(path);
        Properties p = new Properties();
        try (InputStream in = url.openStream()) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyTextIsInSwedishAndEnglishWithTheSameArguments() throws IOException {
        Properties en = load("OSGI-INF/l10n/bundle.properties");
        Properties sv = load("OSGI-INF/l10n/bundle_sv.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(sv.stringPropertyNames()), "the same keys in both languages");
        for (String key : en.stringPropertyNames()) {
            assertEquals(arguments(en.getProperty(key)), arguments(sv.getProperty(key)), key);
            assertTrue(!sv.getProperty(key).equals(en.getProperty(key)) || SAME_IN_BOTH.contains(key),
                    key + " is not translated: " + sv.getProperty(key));
        }
    }

    @Test
    void theApplicationModelUsesOnlyTextsThatExist() throws IOException {
        Properties en = load("OSGI-INF/l10n/bundle.properties");
        String model;
        try (InputStream in = UI.getEntry("Application.e4xmi").openStream()) {
            model = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher m = Pattern.compile("=\"%([\\w.]+)\"").matcher(model);
        List<String> missing = m.results().map(r -> r.group(1)).filter(k -> !en.containsKey(k)).toList();
        assertEquals(List.of(), missing);
    }

    /** The argument numbers a pattern fills in; it must parse as a MessageFormat. */
    private static Set<Integer> arguments(String pattern) {
        new MessageFormat(pattern);
        Set<Integer> used = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d+)").matcher(pattern);
        while (m.find()) {
            used.add(Integer.parseInt(m.group(1)));
        }
        return used;
    }
}
