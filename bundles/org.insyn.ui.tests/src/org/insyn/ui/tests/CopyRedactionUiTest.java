package org.insyn.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** R12: text copied out of the workbench with the keyboard reaches the clipboard scrubbed of personal details. */
@ExtendWith(ScreenshotOnFailure.class)
class CopyRedactionUiTest {
    private final Bot bot = new Bot();

    @Test
    void R12_ctrlCLeavesNoPhoneNumberOrEmailOnTheClipboard() {
        new WorkbenchPage(bot).openPerspective(WorkbenchPage.INVESTIGATION).showPart("Cases");
        Text filter = bot.byKey(Text.class, "org.insyn.ui.part.cases.filter");
        String typed = "Ring 070-123 45 67 eller skriv till berit.b@example.se";
        bot.setText(filter, typed);
        bot.run(filter::selectAll);
        try {
            bot.press(filter, SWT.CTRL, 'c', 'c');
            String copied = Bot.waitFor(() -> {
                String now = bot.sync(CopyRedactionUiTest::clipboardText);
                return now != null && !now.equals(typed) ? now : null;
            }, 10_000, "the copied text scrubbed on the clipboard");
            assertEquals("Ring [phone number] eller skriv till [e-mail address]", copied);
        } finally {
            bot.setText(filter, "");
        }
    }

    private static String clipboardText() {
        Clipboard clipboard = new Clipboard(Display.getCurrent());
        try {
            return (String) clipboard.getContents(TextTransfer.getInstance());
        } finally {
            clipboard.dispose();
        }
    }
}
