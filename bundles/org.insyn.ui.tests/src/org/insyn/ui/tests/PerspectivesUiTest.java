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
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.swt.SWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(ScreenshotOnFailure.class)
class PerspectivesUiTest {
    static final Map<String, List<String>> PARTS = Map.of(
            INVESTIGATION, List.of("cases", "caseOverview", "search", "results", "browser", "evidence", "notes"),
            OUTREACH, List.of("search", "results", "browser", "notes"),
            SUPERVISION, List.of("reviewQueue", "audit", "network", "statistics"));
    static final Set<String> ALL_PARTS = Set.of("cases", "caseOverview", "search", "results", "browser", "evidence",
            "notes", "reviewQueue", "audit", "network", "statistics");

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
            bot.waitUntilShowing(part(name), true);
        }
        for (String name : ALL_PARTS) {
            if (!PARTS.get(perspective).contains(name)) {
                bot.waitUntilShowing(part(name), false);
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

    @Test
    void keyboardShortcutSwitchesPerspectiveAndTheSwitcherFollows() {
        workbench.openPerspective(INVESTIGATION);
        bot.waitUntilShowing(part("cases"), true);
        bot.pressKeys(workbench.shell(), SWT.CTRL, '3');
        bot.waitUntilShowing(part("reviewQueue"), true);
        bot.waitUntilShowing(part("cases"), false);
        assertTrue(workbench.perspectiveSelected(SUPERVISION));
        assertFalse(workbench.perspectiveSelected(INVESTIGATION));
        bot.pressKeys(workbench.shell(), SWT.CTRL, '1');
        bot.waitUntilShowing(part("cases"), true);
        assertTrue(workbench.perspectiveSelected(INVESTIGATION));
    }
}
