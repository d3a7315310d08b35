package org.insyn.ui.tests;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** On a failed UI test: a screenshot of the workbench window, and the workspace log printed. */
public final class ScreenshotOnFailure implements TestWatcher {

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getDisplayName().replaceAll("[^\\w.-]+", "_");
        try {
            Bot bot = new Bot();
            Path shot = bot.screenshot(bot.workbenchShell(), Bot.screenshotDir().resolve("FAILED-" + name + ".png"));
            System.err.println("UI test failed; screenshot: " + shot.toAbsolutePath());
        } catch (Throwable e) {
            System.err.println("UI test failed; no screenshot: " + e);
        }
        String workspace = System.getProperty("osgi.instance.area", "");
        try {
            Path log = Path.of(new java.net.URI(workspace)).resolve(".metadata/.log");
            if (Files.exists(log)) {
                System.err.println("---- " + log + " ----");
                System.err.println(Files.readString(log));
            }
        } catch (Exception e) {
            System.err.println("no workspace log at " + workspace + ": " + e);
        }
    }
}
