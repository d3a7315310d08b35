package org.insyn.ui.tests;

import java.util.List;

import org.eclipse.swt.widgets.Label;

/** Page object for the Evidence part: captures, their hashes, verification and the evidence report. */
final class EvidencePage extends PartPage {
    EvidencePage(Bot bot) {
        super(bot, "org.insyn.ui.part.evidence", "Evidence");
    }

    /** The addresses of the captures shown. */
    /** The case's captures, once the list shows some (it is read in the background). */
    List<String> captures() {
        show();
        try {
            Bot.waitFor(() -> !bot.rows(table("table")).isEmpty(), Bot.TIMEOUT_MS, "the captures listed");
        } catch (AssertionError none) {
            // no captures: the caller's assertion says what was expected
        }
        return bot.rows(table("table")).stream().map(r -> r.get(1)).toList();
    }

    String details() {
        return bot.text(text("details"));
    }

    /** How many colours the thumbnail of the page as seen has (a blank image has one), after saving it for a reviewer. */
    int thumbnailColours(String screenshot) {
        Label thumbnail = bot.byKey(Label.class, key + ".thumbnail");
        bot.waitUntil(() -> thumbnail.getImage() != null, "a thumbnail");
        return bot.sync(() -> {
            org.eclipse.swt.graphics.ImageData data = thumbnail.getImage().getImageData();
            org.eclipse.swt.graphics.ImageLoader loader = new org.eclipse.swt.graphics.ImageLoader();
            loader.data = new org.eclipse.swt.graphics.ImageData[] {data};
            loader.save(Bot.screenshotDir().resolve(screenshot + ".png").toString(), org.eclipse.swt.SWT.IMAGE_PNG);
            java.util.Set<Integer> colours = new java.util.HashSet<>();
            for (int y = 0; y < data.height; y++) {
                for (int x = 0; x < data.width; x++) {
                    colours.add(data.getPixel(x, y));
                }
            }
            return colours.size();
        });
    }

    String verify() {
        show();
        click("verify");
        return waitLong("Verif");
    }

    /** Writes the evidence report and returns its path. */
    String export() {
        show();
        clickOpening("export");
        PartPage dialog = dialog(bot, "org.insyn.ui.dialog.export");
        bot.screenshot(bot.byKey(org.eclipse.swt.widgets.Shell.class, "org.insyn.ui.dialog.export"),
                Bot.screenshotDir().resolve("dialog-export.png"));
        dialog.click("ok");
        dialog.closed();
        String said = waitLong(".pdf");
        return said.substring(said.indexOf('/'));
    }

    private String waitLong(String contains) {
        Label status = bot.byKey(Label.class, key + ".status");
        Bot.waitFor(() -> bot.sync(() -> status.getText().contains(contains) && !status.getText().endsWith("...")), 60_000,
                "the evidence part to say " + contains);
        return bot.text(status);
    }
}
