package org.insyn.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The materialized product, started the way a user starts it. */
class ProductTest {
    /** Equinox's log entries at severity ERROR (4). */
    static final Pattern ERROR_ENTRY = Pattern.compile("(?m)^!ENTRY \\S+ 4 ");

    @Test
    void launchScriptStartsTheCommandLine(@TempDir Path workspace) throws Exception {
        Product.Run help = Product.insyn().script(workspace, "cli", "--help");
        assertEquals(0, help.exitCode(), help.stderr());
        assertTrue(help.stdout().contains("usage: insyn cli COMMAND"), help.stdout());
        assertTrue(!ERROR_ENTRY.matcher(help.stdout() + help.stderr()).find(), help.stdout() + help.stderr());
    }

    @Test
    void commandLineExitCodeReachesTheShell(@TempDir Path workspace) throws Exception {
        Product.Run bad = Product.insyn().script(workspace, "cli", "no-such-command");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.stderr().contains("unknown command 'no-such-command'"), bad.stderr());
    }

    /** R4, R11: the report service, its fonts and Declarative Services work in the product, not only in tests. */
    @Test
    void commandLineExportsTheTransparencyLetterAsPdfA(@TempDir Path workspace) throws Exception {
        Path pdf = workspace.resolve("brev.pdf");
        Product.Run letter = Product.insyn().script(workspace, "cli", "export", "letter", "--client", "Lina Svensson", "--unit",
                "Rinkeby-Kista", "--worker", "Anna Andersson", "--contact", "08-508 01 000", "--out", pdf.toString());
        assertEquals(0, letter.exitCode(), letter.stdout() + letter.stderr());
        assertTrue(letter.stdout().contains("1 page, PDF/A-3b, SHA-256 "), letter.stdout());
        byte[] bytes = Files.readAllBytes(pdf);
        assertEquals("%PDF-", new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains("pdfaid:part>3<"), "declares PDF/A-3");
    }

    @Test
    void R6_theCommandLineShowsTheBuiltQueryAndWarnsOfACommonName(@TempDir Path workspace) throws Exception {
        Product.Run run = Product.insyn().script(workspace, "cli", "query", "--name", "anna  andersson", "--city", "Stockholm");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdout().contains("\"anna andersson\" \"Stockholm\"\n"), run.stdout());
        assertTrue(run.stdout().contains("! Namnet anna andersson hör till de vanligaste i Sverige"), run.stdout());
    }

    @Test
    void theProductOffersTheBuiltInSourcesAndSaysWhichSettingEachNeeds(@TempDir Path workspace) throws Exception {
        Product.Run run = Product.insyn().script(workspace, "cli", "sources");
        assertEquals(0, run.exitCode(), run.stderr());
        assertTrue(run.stdout().contains("google") && run.stdout().contains("Ange google.apiKey i inställningarna"), run.stdout());
        assertTrue(run.stdout().lines().anyMatch(l -> l.startsWith("duckduckgo") && !l.contains(" - ")), run.stdout());
        assertTrue(run.stdout().lines().anyMatch(l -> l.startsWith("phpbb") && l.contains("phpbb.url")), run.stdout());
    }

    @Test
    void workbenchOpensItsWindowWithoutErrors(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("console.log");
        Product insyn = Product.insyn();
        Process p = insyn.startWorkbench(dir.resolve("workspace"), log);
        try {
            Duration firstWindow = insyn.waitForWindow(p, Duration.ofSeconds(90));
            Thread.sleep(1000); // let the parts render; a failing part logs an error
            assertTrue(p.isAlive());
            String console = Files.readString(log);
            assertTrue(!ERROR_ENTRY.matcher(console).find(), "errors logged at start:\n" + console);
            System.out.println("Insyn first window after " + firstWindow.toMillis() + " ms");
        } finally {
            Product.stop(p);
        }
    }

    /** The perspective the workbench saved as selected on exit, read from its persisted model. */
    static String savedPerspective(Path workspace) throws Exception {
        String model = Files.readString(workspace.resolve(".metadata/.plugins/org.eclipse.e4.workbench/workbench.xmi"));
        Matcher stack = Pattern.compile("elementId=\"org.insyn.ui.perspectivestack\"[^>]*selectedElement=\"([^\"]+)\"").matcher(model);
        assertTrue(stack.find(), "perspective stack in the saved model");
        Matcher selected = Pattern.compile("xmi:id=\"" + Pattern.quote(stack.group(1)) + "\" elementId=\"([^\"]+)\"").matcher(model);
        assertTrue(selected.find(), "selected perspective in the saved model");
        return selected.group(1);
    }

    @Test
    void keyboardSwitchesPerspectiveAndQuitsSavingTheLayout(@TempDir Path dir) throws Exception {
        Product insyn = Product.insyn();
        Path workspace = dir.resolve("workspace");
        Process p = insyn.startWorkbench(workspace, dir.resolve("console.log"));
        try {
            insyn.waitForWindow(p, Duration.ofSeconds(90));
            insyn.pressKeys("ctrl+3");
            insyn.pressKeys("ctrl+q");
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "Ctrl+Q ends the workbench");
            assertEquals(0, p.exitValue(), Files.readString(dir.resolve("console.log")));
            assertEquals("org.insyn.ui.perspective.supervision", savedPerspective(workspace));
        } finally {
            Product.stop(p);
        }
    }

    @Test
    void productHoldsNoTestOnlyBundles() throws Exception {
        try (var plugins = Files.list(Product.insyn().folder().resolve("plugins"))) {
            List<String> testOnly = plugins.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith("org.eclipse.ui.ide") || n.startsWith("org.eclipse.ui.workbench_")
                            || n.startsWith("org.junit") || n.contains(".tests_"))
                    .toList();
            assertEquals(List.of(), testOnly);
        }
    }
}
