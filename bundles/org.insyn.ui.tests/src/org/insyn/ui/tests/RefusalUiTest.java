package org.insyn.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A refusal by the policy shows the rule and what to do, with a button that does it. */
@ExtendWith(ScreenshotOnFailure.class)
class RefusalUiTest {
    private final Bot bot = new Bot();

    @Test
    void R4_aSearchBeforeTheTransparencyNoteIsRefusedAndTheButtonOpensTheNote() {
        SignInPage.switchTo(bot, Fixture.INVESTIGATOR);
        new CasesPage(bot).open("Orosanmälan, Karlsson", "Kim Karlsson", "", "Stockholm", "");
        SearchPage search = new SearchPage(bot);
        assertEquals("Kim Karlsson", search.name());
        // R4 before R1: the refusal comes before any justification is asked for, so nothing typed is lost and none is stored
        search.onlySources("demo-sokfinn").runRefused();

        RefusalPage refusal = new RefusalPage(bot);
        assertEquals("R4 \u2013 Transparency to the client", refusal.rule());
        assertTrue(refusal.message().startsWith("Record the transparency note first"), refusal.message());
        bot.screenshot(bot.byKey(org.eclipse.swt.widgets.Shell.class, "org.insyn.ui.refusal"),
                Bot.screenshotDir().resolve("refusal-R4.png"));
        assertFalse(bot.isShowing("org.insyn.ui.dialog.justification"), "no justification asked for");
        refusal.act();

        CaseOverviewPage.fillNote(bot, "In person");
        CaseOverviewPage overview = new CaseOverviewPage(bot);
        bot.waitUntil(() -> overview.note().startsWith("Told on"), "the note recorded through the refusal's button");
    }
}
