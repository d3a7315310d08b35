package org.insyn.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.insyn.ui.tests.WorkbenchPage.INVESTIGATION;
import static org.insyn.ui.tests.WorkbenchPage.OUTREACH;
import static org.insyn.ui.tests.WorkbenchPage.SUPERVISION;
import static org.insyn.ui.tests.WorkbenchPage.part;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(ScreenshotOnFailure.class)
class PerspectivesUiTest {
    static final Map<String, List<String>> PARTS = Map.of(
            INVESTIGATION, List.of("cases", "caseOverview", "search", "results", "browser", "evidence", "notes"),
            OUTREACH, List.of("cases", "search", "results", "browser", "notes"),
            SUPERVISION, List.of("reviewQueue", "audit", "network", "statistics"));
    /** Every part with its English label. */
    static final Map<String, String> LABELS = Map.ofEntries(Map.entry("cases", "Cases"),
            Map.entry("caseOverview", "Case overview"), Map.entry("search", "Search"), Map.entry("results", "Results triage"),
            Map.entry("browser", "Browser"), Map.entry("evidence", "Evidence"), Map.entry("notes", "Notes"),
            Map.entry("reviewQueue", "Review queue"), Map.entry("audit", "Audit log"), Map.entry("network", "Network log"),
            Map.entry("statistics", "Statistics"));

    private final Bot bot = new Bot();
    private final WorkbenchPage workbench = new WorkbenchPage(bot);

    static Stream<String> perspectives() {
        return Stream.of(INVESTIGATION, OUTREACH, SUPERVISION);
    }

    @ParameterizedTest
    @MethodSource("perspectives")
    void eachPerspectiveShowsItsPartsAndNoOthers(String perspective) throws Exception {
        workbench.openPerspective(perspective);
        for (String name : PARTS.get(perspective)) {
            workbench.showPart(LABELS.get(name));
            bot.waitUntilShowing(part(name), true);
        }
        for (String name : LABELS.keySet()) {
            if (!PARTS.get(perspective).contains(name)) {
                assertFalse(workbench.hasTab(LABELS.get(name)), name + " is not part of " + perspective);
                assertFalse(bot.isShowing(part(name)), name + " shows in " + perspective);
            }
        }
        var shot = bot.screenshot(workbench.shell(), Bot.screenshotDir().resolve("perspective-" + perspective + ".png"));
        assertTrue(Files.size(shot) > 1000, "screenshot written");
    }

    @Test
    void perspectivesAreNamedInTheUiLanguage() {
        assertEquals("Investigation", workbench.perspectiveLabel(INVESTIGATION));
        assertEquals("Outreach", workbench.perspectiveLabel(OUTREACH));
        assertEquals("Supervision", workbench.perspectiveLabel(SUPERVISION));
    }
}
