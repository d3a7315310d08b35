package org.insyn.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolItem;
import org.insyn.core.service.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Signing in at start and switching user, and the idle lock: the workspace, the user and their password, role and unit. */
@ExtendWith(ScreenshotOnFailure.class)
class SignInUiTest {
    static final String UNLOCK = "org.insyn.ui.unlock";
    private final Bot bot = new Bot();
    private final SignInPage signIn = new SignInPage(bot);

    @AfterEach
    void backToTheInvestigator() {
        if (bot.isShowing(SignInPage.KEY)) {
            signIn.signIn(Fixture.INVESTIGATOR);
        }
    }

    @Test
    void R9_aWrongPasswordIsSaidAndWhatWasTypedStays() throws Exception {
        bot.clickAsync(bot.byKey(ToolItem.class, "org.insyn.ui.signedin.switch"));
        signIn.shown().folder(Fixture.workspace()).password("not the password").user("anna").submit();
        assertEquals("R9 Sensitive data is protected: Wrong user name or password.", signIn.error());
        assertEquals(Fixture.workspace().toString(), signIn.text("folder"));
        assertEquals("anna", signIn.text("user"));
        assertEquals("not the password", signIn.text("password"), "the password stays, to be corrected");
        bot.screenshot(bot.byKey(org.eclipse.swt.widgets.Shell.class, SignInPage.KEY),
                Bot.screenshotDir().resolve("signin-wrong-password.png"));

        signIn.password(Fixture.PASSWORD).submit();
        bot.waitUntilShowing(SignInPage.KEY, false);
        assertWho("Anna Utredare \u2013 Investigator, IFO Norr");
    }

    @Test
    void anUnknownUserReadsLikeAWrongPassword() {
        bot.clickAsync(bot.byKey(ToolItem.class, "org.insyn.ui.signedin.switch"));
        signIn.shown().folder(Fixture.workspace()).password(Fixture.PASSWORD).user("okand").submit();
        assertEquals("R9 Sensitive data is protected: Wrong user name or password.", signIn.error(),
                "whether a user name exists is not told");
    }

    /** R9: the workspace locks itself after the idle time; the workbench then asks for the password again. */
    @Test
    void R9_aLockedWorkspaceAsksForThePasswordAgain() throws Exception {
        Workspace workspace = Fixture.signedInWorkspace();
        workspace.lock();
        bot.byKey(Shell.class, UNLOCK);
        bot.setText(bot.byKey(Text.class, UNLOCK + ".password"), "inte lösenordet");
        bot.click(bot.byKey(Button.class, UNLOCK + ".ok"));
        Label error = bot.byKey(Label.class, UNLOCK + ".error");
        bot.waitUntil(() -> !error.getText().isEmpty(), "the unlock dialog to say the password is wrong");
        assertEquals("R9 Sensitive data is protected: Wrong user name or password.", bot.text(error));
        assertTrue(workspace.locked(), "a wrong password leaves it locked");
        bot.screenshot(bot.byKey(Shell.class, UNLOCK), Bot.screenshotDir().resolve("unlock-wrong-password.png"));

        bot.setText(bot.byKey(Text.class, UNLOCK + ".password"), Fixture.PASSWORD);
        bot.click(bot.byKey(Button.class, UNLOCK + ".ok"));
        bot.waitUntilShowing(UNLOCK, false);
        assertFalse(workspace.locked());
        assertWho("Anna Utredare \u2013 Investigator, IFO Norr");
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
        signIn.shown().folder(folder).password("ett nytt lösenord").user("lina");
        bot.setText(bot.byKey(Text.class, SignInPage.KEY + ".repeat"), "en annan");
        signIn.submit();
        assertEquals("There is no workspace in this folder yet, so a new one is created with you as its administrator: type the same"
                + " password twice.", signIn.error());
        assertTrue(!Files.exists(folder.resolve("accounts.keys")), "nothing is created before the password is sure");

        bot.setText(bot.byKey(Text.class, SignInPage.KEY + ".repeat"), "ett nytt lösenord");
        bot.setText(bot.byKey(Text.class, SignInPage.KEY + ".name"), "Lina Larsson");
        bot.setText(bot.byKey(Text.class, SignInPage.KEY + ".unitName"), "IFO Rinkeby-Kista");
        signIn.submit();
        signIn.choose("Investigator", "IFO Rinkeby-Kista");
        bot.waitUntilShowing(SignInPage.KEY, false);
        assertWho("Lina Larsson \u2013 Investigator, IFO Rinkeby-Kista");
        assertTrue(Files.exists(folder.resolve("accounts.keys")), "an encrypted workspace in the folder, its key wrapped for lina");
        SignInPage.switchTo(bot, Fixture.INVESTIGATOR);
    }

    private void assertWho(String who) {
        bot.waitUntil(() -> who.equals(bot.byKey(org.eclipse.swt.widgets.Label.class, "org.insyn.ui.signedin.who").getText()), "the workbench to show " + who);
    }
}
