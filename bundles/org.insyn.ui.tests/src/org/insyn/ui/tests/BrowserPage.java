package org.insyn.ui.tests;

import org.eclipse.swt.browser.Browser;

/** Page object for the Browser part: the page of the chosen hit, and its capture. */
final class BrowserPage extends PartPage {
    BrowserPage(Bot bot) {
        super(bot, "org.insyn.ui.part.browser", "Browser");
    }

    /** Waits until the browser shows the address and has rendered the text. */
    BrowserPage showing(String url, String text) {
        show();
        Browser browser = bot.byKey(Browser.class, key + ".browser");
        bot.waitUntil(() -> url.equals(browser.getUrl()), "the browser at " + url);
        Bot.waitFor(() -> {
            String html = bot.sync(browser::getText);
            return html != null && html.contains(text);
        }, 30_000, "the page to hold '" + text + "'");
        // as a person would: wait until the page is painted on the screen, not only loaded
        Bot.waitFor(() -> bot.coloursOnScreen(browser) > 10, 30_000, "the page painted on the screen");
        return this;
    }

    /** Captures the page and returns what the part says about the capture. */
    String capture() {
        click("capture");
        return waitForLabelLong("status", "Captured as #");
    }

    private String waitForLabelLong(String name, String contains) {
        org.eclipse.swt.widgets.Label l = bot.byKey(org.eclipse.swt.widgets.Label.class, key + "." + name);
        Bot.waitFor(() -> bot.sync(() -> l.getText().contains(contains)), 90_000, "the capture");
        return bot.text(l);
    }
}
