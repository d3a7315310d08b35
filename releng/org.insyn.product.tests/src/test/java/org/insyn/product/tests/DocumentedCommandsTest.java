package org.insyn.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command of the command line that the README and the docs name exists in the product and answers --help. */
class DocumentedCommandsTest {
    /** {@code insyn cli COMMAND} or {@code ./insyn cli COMMAND}, as the documents write them. */
    static final Pattern COMMAND = Pattern.compile("(?<![\\w/-])(?:\\./)?insyn cli ([a-z][a-z-]*)");

    /** Each command named, with the documents that name it. */
    static Map<String, TreeSet<String>> documentedCommands() throws IOException {
        Path root = Path.of(System.getProperty("insyn.releng", "releng")).resolve("..").toAbsolutePath().normalize();
        List<Path> documents = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        Map<String, TreeSet<String>> named = new TreeMap<>();
        for (Path document : documents) {
            Matcher m = COMMAND.matcher(Files.readString(document));
            while (m.find()) {
                named.computeIfAbsent(m.group(1), c -> new TreeSet<>()).add(root.relativize(document).toString());
            }
        }
        return named;
    }

    @Test
    void everyCommandTheDocumentsNameAnswersHelp(@TempDir Path workspace) throws Exception {
        Map<String, TreeSet<String>> named = documentedCommands();
        assertTrue(named.size() >= 10, "the documents name the commands of the command line: " + named.keySet());
        Product.Run list = Product.insyn().script(workspace, "cli", "--help");
        assertEquals(0, list.exitCode(), list.stderr());
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        // two at a time, each on a folder of its own: each is a JVM start, and the machine has two cores
        named.entrySet().parallelStream().forEach(e -> {
            String command = e.getKey();
            if (!Pattern.compile("(?m)^  " + Pattern.quote(command) + " ").matcher(list.stdout()).find()) {
                failures.add("'" + command + "' (named in " + e.getValue() + ") is not a command of the product");
                return;
            }
            try {
                Product.Run help = Product.insyn().script(workspace.resolve(command), "cli", command, "--help");
                if (help.exitCode() != 0 || !help.stdout().contains("insyn cli " + command)) {
                    failures.add("'insyn cli " + command + " --help' (named in " + e.getValue() + ") exited " + help.exitCode()
                            + ":\n" + help.stdout() + help.stderr());
                }
            } catch (IOException | InterruptedException ex) {
                failures.add("'insyn cli " + command + " --help' could not run: " + ex);
            }
        });
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
