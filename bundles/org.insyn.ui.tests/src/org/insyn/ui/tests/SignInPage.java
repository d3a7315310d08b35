package org.insyn.ui.tests;

import java.nio.file.Path;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolItem;

/** Page object for the sign-in dialog, shown at start and by "Switch user". */
public final class SignInPage {
    static final String KEY = "org.insyn.ui.signin";
    private static final String OPENING = "Opening the workspace...";

    private final Bot bot;

    public SignInPage(Bot bot) {
        this.bot = bot;
    }

    /** Waits for the dialog. */
    public SignInPage shown() {
        bot.byKey(Shell.class, KEY);
        return this;
    }

    public SignInPage folder(Path folder) {
        bot.setText(bot.byKey(Text.class, KEY + ".folder"), folder.toString());
        return this;
    }

    public SignInPage password(String password) {
        bot.setText(bot.byKey(Text.class, KEY + ".password"), password);
        return this;
    }

    public SignInPage user(String id) {
        bot.setText(bot.byKey(Text.class, KEY + ".user"), id);
        return this;
    }

    /** Presses Sign in; the workspace opens in the background. */
    public SignInPage submit() {
        bot.click(bot.byKey(Button.class, KEY + ".ok"));
        return this;
    }

    /** Waits for the dialog to say what is wrong, and returns it. */
    public String error() {
        Label error = bot.byKey(Label.class, KEY + ".error");
        bot.waitUntil(() -> !error.getText().isEmpty() && !error.getText().equals(OPENING), "a sign-in message");
        return bot.text(error);
    }

    public String text(String field) {
        return bot.text(bot.byKey(Text.class, KEY + "." + field));
    }

    /** Picks the role and unit (once the workspace is open and the user has a choice) and signs in. */
    public void choose(String roleLabel, String unitName) {
        select(bot.byKey(Combo.class, KEY + ".role"), roleLabel);
        select(bot.byKey(Combo.class, KEY + ".unit"), unitName);
        submit();
    }

    private void select(Combo combo, String item) {
        bot.run(() -> {
            int i = combo.indexOf(item);
            if (i < 0) {
                throw new AssertionError(item + " is not among " + java.util.List.of(combo.getItems()));
            }
            combo.select(i);
        });
    }

    /** Signs the account in to the fixture workspace (choosing role and unit when asked) and waits until the dialog is gone. */
    public void signIn(Fixture.Account account) {
        shown().folder(Fixture.workspace()).password(Fixture.PASSWORD).user(account.id()).submit();
        Bot.waitFor(() -> !bot.isShowing(KEY) || bot.isShowing(KEY + ".role"), Bot.TIMEOUT_MS, "the workspace to open");
        if (bot.isShowing(KEY + ".role")) {
            choose(account.roleLabel(), account.unit().name());
        }
        bot.waitUntilShowing(KEY, false);
    }

    /** Signs the current user out with the workbench's button and the account in. */
    public static void switchTo(Bot bot, Fixture.Account account) {
        bot.clickAsync(bot.byKey(ToolItem.class, "org.insyn.ui.signedin.switch"));
        new SignInPage(bot).signIn(account);
        String who = account.name() + " \u2013 " + account.roleLabel() + ", " + (account.unit() == null ? "\u2013" : account.unit().name());
        bot.waitUntil(() -> who.equals(bot.byKey(Label.class, "org.insyn.ui.signedin.who").getText()), "the workbench to show " + who);
    }
}
