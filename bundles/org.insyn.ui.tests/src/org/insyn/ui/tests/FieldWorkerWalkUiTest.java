package org.insyn.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The field worker's whole job against the demo web on loopback: outreach search, triage, note. */
@ExtendWith(ScreenshotOnFailure.class)
class FieldWorkerWalkUiTest {
    private final Bot bot = new Bot();

    /** R8 outreach by topic and place with a justification (R1), R3 triage, a note about the finding (R10). */
    @Test
    void R8_outreachSearchTriageAndNote() {
        SignInPage.switchTo(bot, Fixture.FIELD_WORKER);
        bot.waitUntil(() -> bot.byKey(org.eclipse.swt.widgets.ToolItem.class, WorkbenchPage.OUTREACH).getSelection(), "Outreach");
        new CasesPage(bot).open("Uppsökande Rinkeby, vecka 48", "", "", "", "");

        SearchPage search = new SearchPage(bot).outreach("självskada", "Rinkeby");
        assertTrue(search.query().contains("självskada") && search.query().contains("Rinkeby"), search.query());
        search.onlySources("demo-snackis", "demo-torget", "demo-sokfinn")
                .run(null, "Uppsökande arbete: unga i Rinkeby som skriver om självskada ska få veta var det finns stöd.");
        String done = search.done();
        bot.shot("fieldworker-1-outreach-search");

        ResultsPage results = new ResultsPage(bot);
        List<String> urls = results.urls();
        assertTrue(urls.size() >= 2, done + " " + urls);
        String finding = urls.get(0);
        String discarded = urls.get(1);
        String findingTitle = results.title(finding);
        results.selectUrl(finding).press('r').status("Finding: \"" + findingTitle + "\"");
        String discardedTitle = results.title(discarded);
        results.selectUrl(discarded).press('i');
        assertTrue(results.status("Deleted").contains(discardedTitle));
        assertFalse(results.urls().contains(discarded), "R3: the irrelevant hit is gone from the store");
        assertTrue(results.urls().contains(finding));
        bot.shot("fieldworker-2-triage");

        NotesPage notes = new NotesPage(bot).write("Kontakt söks via forumet: svarar med information om stödet i Rinkeby.",
                "Minor importance");
        assertEquals(List.of("Kontakt söks via forumet: svarar med information om stödet i Rinkeby."), notes.notes());
        assertTrue(notes.links().stream().anyMatch(l -> l.contains(finding)), notes.links().toString());
        NotesPage.Found found = notes.search("stödet");
        assertTrue(found.text().contains("Kontakt söks via forumet"), found.text());
        assertTrue(found.highlighted().contains("stödet"), found.highlighted().toString());
        bot.shot("fieldworker-3-note");
    }
}
