package org.insyn.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Signing in at start and switching user: the workspace, the passphrase, the user, their role and unit. */
@ExtendWith(ScreenshotOnFailure.class)
class SignInUiTest {
    private final Bot bot = new Bot();
    private final SignInPage signIn = new SignInPage(bot);

    @AfterEach
    void backToTheInvestigator() {
        if (bot.isShowing(SignInPage.KEY)) {
            signIn.signIn(Fixture.INVESTIGATOR);
        }
    }

    @Test
    void R9_aWrongPassphraseIsSaidAndWhatWasTypedStays() throws Exception {
        bot.clickAsync(bot.byKey(ToolItem.class, "org.insyn.ui.signedin.switch"));
        signIn.shown().folder(Fixture.workspace()).passphrase("not the passphrase").user("anna").submit();
        assertEquals("R9 Sensitive data is protected: The passphrase does not open this workspace. Check it and try again.",
                signIn.error());
        assertEquals(Fixture.workspace().toString(), signIn.text("folder"));
        assertEquals("anna", signIn.text("user"));
        assertEquals("not the passphrase", signIn.text("passphrase"), "the passphrase stays, to be corrected");
        bot.screenshot(bot.byKey(org.eclipse.swt.widgets.Shell.class, SignInPage.KEY),
                Bot.screenshotDir().resolve("signin-wrong-passphrase.png"));

        signIn.passphrase(Fixture.PASSPHRASE).submit();
        bot.waitUntilShowing(SignInPage.KEY, false);
        assertWho("Anna Utredare \u2013 Investigator, IFO Norr");
    }

    @Test
    void anUnknownUserIsToldToAskForAnAccount() {
        bot.clickAsync(bot.byKey(ToolItem.class, "org.insyn.ui.signedin.switch"));
        signIn.shown().folder(Fixture.workspace()).passphrase(Fixture.PASSPHRASE).user("okand").submit();
        assertEquals("There is no user okand in this workspace. Check the name, or ask an administrator for an account.", signIn.error());
    }

    @Test
    void aUserWithTwoRolesAndUnitsChoosesAndStartsInTheRolesPerspective() {
        SignInPage.switchTo(bot, Fixture.BOTH);
        assertWho("Nils Nilsson \u2013 Field worker, IFO S\u00f6der");
        bot.waitUntil(() -> bot.byKey(ToolItem.class, WorkbenchPage.OUTREACH).getSelection(), "the outreach perspective");

        SignInPage.switchTo(bot, Fixture.SUPERVISOR);
        bot.waitUntil(() -> bot.byKey(ToolItem.class, WorkbenchPage.SUPERVISION).getSelection(), "the supervision perspective");
        SignInPage.switchTo(bot, Fixture.INVESTIGATOR);
        bot.waitUntil(() -> bot.byKey(ToolItem.class, WorkbenchPage.INVESTIGATION).getSelection(), "the investigation perspective");
    }

    /** The embedded default: an empty folder becomes an encrypted workspace whose first account holds every role. */
    @Test
    void anEmptyFolderBecomesANewWorkspaceWithTheFirstAccount(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("ny arbetsyta");
        bot.clickAsync(bot.byKey(ToolItem.class, "org.insyn.ui.signedin.switch"));
        signIn.shown().folder(folder).passphrase("en ny lösenfras").user("lina");
        bot.setText(bot.byKey(Text.class, SignInPage.KEY + ".repeat"), "en annan");
        signIn.submit();
        assertEquals("There is no workspace in this folder yet, so a new one is created: type the same passphrase twice.", signIn.error());
        assertTrue(!Files.exists(folder.resolve("insyn-keys.properties")), "nothing is created before the passphrase is sure");

        bot.setText(bot.byKey(Text.class, SignInPage.KEY + ".repeat"), "en ny lösenfras");
        bot.setText(bot.byKey(Text.class, SignInPage.KEY + ".name"), "Lina Larsson");
        bot.setText(bot.byKey(Text.class, SignInPage.KEY + ".unitName"), "IFO Rinkeby-Kista");
        signIn.submit();
        signIn.choose("Investigator", "IFO Rinkeby-Kista");
        bot.waitUntilShowing(SignInPage.KEY, false);
        assertWho("Lina Larsson \u2013 Investigator, IFO Rinkeby-Kista");
        assertTrue(Files.exists(folder.resolve("insyn-keys.properties")), "an encrypted workspace in the folder");
        SignInPage.switchTo(bot, Fixture.INVESTIGATOR);
    }

    private void assertWho(String who) {
        bot.waitUntil(() -> who.equals(bot.byKey(org.eclipse.swt.widgets.Label.class, "org.insyn.ui.signedin.who").getText()), "the workbench to show " + who);
    }
}
