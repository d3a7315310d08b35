package org.insyn.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Role;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.store.internal.StoreProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The materialized product, started the way a user starts it. */
class ProductTest {
    /** Equinox's log entries at severity ERROR (4). */
    static final Pattern ERROR_ENTRY = Pattern.compile("(?m)^!ENTRY \\S+ 4 ");

    @Test
    void launchScriptStartsTheCommandLine(@TempDir Path workspace) throws Exception {
        Product.Run help = Product.insyn().script(workspace, "cli", "--help");
        assertEquals(0, help.exitCode(), help.stderr());
        assertTrue(help.stdout().contains("insyn cli --help | --version"), help.stdout());
        assertTrue(!ERROR_ENTRY.matcher(help.stdout() + help.stderr()).find(), help.stdout() + help.stderr());
    }

    @Test
    void commandLineExitCodeReachesTheShell(@TempDir Path workspace) throws Exception {
        Product.Run bad = Product.insyn().script(workspace, "cli", "no-such-command");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.stderr().contains("det finns inget kommando 'no-such-command'"), "in Swedish, the default: " + bad.stderr());
    }

    /** R4, R11: the report service, its fonts and Declarative Services work in the product, not only in tests. */
    @Test
    void commandLineExportsTheTransparencyLetterAsPdfA(@TempDir Path workspace) throws Exception {
        Path pdf = workspace.resolve("brev.pdf");
        Product.Run letter = Product.insyn().script(workspace, "cli", "export", "letter", "--client", "Lina Svensson", "--unit",
                "Rinkeby-Kista", "--worker", "Anna Andersson", "--contact", "08-508 01 000", "--out", pdf.toString());
        assertEquals(0, letter.exitCode(), letter.stdout() + letter.stderr());
        assertTrue(letter.stdout().contains("1 sida, PDF/A-3b, SHA-256 "), "in Swedish, the default: " + letter.stdout());
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
        assertTrue(run.stdout().contains("brave") && run.stdout().contains("Ange brave.apiKey i inställningarna"), run.stdout());
        assertTrue(run.stdout().lines().anyMatch(l -> l.startsWith("google") && l.contains("(fungerar till 2027-01-01)")), run.stdout());
        assertTrue(run.stdout().lines().anyMatch(l -> l.startsWith("duckduckgo") && !l.contains(" - ")), run.stdout());
        assertTrue(run.stdout().lines().anyMatch(l -> l.startsWith("phpbb") && l.contains("phpbb.url")), run.stdout());
    }

    /**
     * Typed with xdotool: ASCII only, because xdotool types other characters by remapping a key for a moment, and a
     * busy workbench that reads the key after the mapping is restored gets another character.
     */
    static final String PASSWORD = "annas losenord";

    /** A workspace with one investigator, anna, who signs in without choosing a role or unit. */
    static Path workspaceWithInvestigator(Path workspace) {
        try (Workspace ws = new StoreProvider().create(WorkspaceConfig.embedded(workspace),
                new User("admin", "Admin", Set.of(Role.ADMINISTRATOR), Set.of(), true), "administratörens lösenord".toCharArray())) {
            ws.saveUnit(new Unit("north", "IFO Nord", ReviewPolicy.AFTER));
            ws.accounts().create(new User("anna", "Anna Andersson", Set.of(Role.INVESTIGATOR), Set.of("north"), true), PASSWORD.toCharArray());
        }
        return workspace;
    }

    /** Signs anna in and waits for the workbench window; on a failure says what the product wrote. */
    static Duration signInAndWait(Product insyn, Process p, Path console) throws Exception {
        try {
            insyn.signIn(p, PASSWORD, "anna");
            return insyn.waitForWindow(p, Duration.ofSeconds(90));
        } catch (IllegalStateException e) {
            throw new AssertionError(e.getMessage() + "; the product wrote:\n" + Files.readString(console), e);
        }
    }

    /** Ctrl+Q ends the workbench; if it does not, says what the screen and the product showed. */
    static void quit(Product insyn, Process p, Path console) throws Exception {
        insyn.pressKeys("ctrl+q");
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("Ctrl+Q did not end the workbench within 30 s; the screen: " + Product.screenshot("quit")
                    + "; the product wrote:\n" + Files.readString(console));
        }
    }

    @Test
    void workbenchSignsInAndOpensItsWindowWithoutErrors(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("console.log");
        Product insyn = Product.insyn();
        Process p = insyn.startWorkbench(workspaceWithInvestigator(dir.resolve("workspace")), log);
        try {
            Duration firstWindow = signInAndWait(insyn, p, log);
            Thread.sleep(1000); // let the parts render; a failing part logs an error
            assertTrue(p.isAlive());
            String console = Files.readString(log);
            assertTrue(!ERROR_ENTRY.matcher(console).find(), "errors logged at start:\n" + console);
            System.out.println("Insyn workbench window after sign-in, " + firstWindow.toMillis() + " ms from start");
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
        Path workspace = workspaceWithInvestigator(dir.resolve("workspace"));
        Process p = insyn.startWorkbench(workspace, dir.resolve("console.log"));
        try {
            signInAndWait(insyn, p, dir.resolve("console.log"));
            insyn.pressKeys("ctrl+shift+l");
            signInAndWait(insyn, p, dir.resolve("console.log"));
            insyn.pressKeys("ctrl+3");
            insyn.pressKeys("ctrl+shift+p");
            Product.waitForWindow(p, "Preferences", Duration.ofSeconds(30));
            Product.pressKeys("Preferences", "Escape");
            quit(insyn, p, dir.resolve("console.log"));
            assertEquals(0, p.exitValue(), Files.readString(dir.resolve("console.log")));
            assertEquals("org.insyn.ui.perspective.supervision", savedPerspective(workspace));
        } finally {
            Product.stop(p);
        }
    }

    /**
     * The language chosen in Window › Preferences (kept in the workspace's instance preferences) is the one the launch
     * script starts the next workbench in; INSYN_LANG still comes first, and Swedish is the default.
     */
    @ParameterizedTest
    @CsvSource({ "en, , Sign in to Insyn", "en, sv, Logga in i Insyn", "sv, en, Sign in to Insyn", ", , Logga in i Insyn" })
    void theLanguageOfThePreferencesIsTheOneOfTheNextStartUnlessInsynLangSaysOtherwise(String chosen, String insynLang, String title,
            @TempDir Path dir) throws Exception {
        Path workspace = dir.resolve("workspace");
        if (chosen != null) {
            Path prefs = workspace.resolve(".metadata/.plugins/org.eclipse.core.runtime/.settings/org.insyn.ui.prefs");
            Files.createDirectories(prefs.getParent());
            Files.writeString(prefs, "eclipse.preferences.version=1\nlanguage=" + chosen + "\n");
        }
        Process p = Product.insyn().startScript(workspace, dir.resolve("console.log"),
                insynLang == null ? java.util.Map.of() : java.util.Map.of("INSYN_LANG", insynLang));
        try {
            Product.waitForWindow(p, title, Duration.ofSeconds(90));
        } catch (IllegalStateException e) {
            throw new AssertionError(e.getMessage() + "\n" + Files.readString(dir.resolve("console.log")), e);
        } finally {
            Product.stop(p);
        }
    }

    /**
     * The layout is remembered: started again, the same user finds the perspective they left, not their role's. After
     * an update with another application model the workbench starts from the model once.
     */
    @Test
    void theWorkbenchRemembersTheLayoutBetweenStartsOfOneModel(@TempDir Path dir) throws Exception {
        Product insyn = Product.insyn();
        Path workspace = workspaceWithInvestigator(dir.resolve("workspace"));
        Path prefs = workspace.resolve(".metadata/.plugins/org.eclipse.core.runtime/.settings/org.insyn.ui.prefs");
        for (int start = 0; start < 3; start++) {
            Path console = dir.resolve("console-" + start + ".log");
            if (start == 2) {
                // as if the layout had been saved by a version with another model
                Files.writeString(prefs, Files.readString(prefs).replaceAll("modelSha256=\\w+", "modelSha256=0"));
            }
            Process p = start == 0 ? insyn.startWorkbench(workspace, console) : insyn.restartWorkbench(workspace, console);
            try {
                signInAndWait(insyn, p, console);
                if (start == 0) {
                    insyn.pressKeys("ctrl+2");
                }
                quit(insyn, p, console);
                assertEquals(start < 2 ? "org.insyn.ui.perspective.outreach" : "org.insyn.ui.perspective.investigation",
                        savedPerspective(workspace), Files.readString(console));
            } finally {
                Product.stop(p);
            }
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
