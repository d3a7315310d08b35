package org.insyn.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The investigator's whole job against the demo web on loopback: transparency note, justification, search, triage,
 * capture, note, evidence report.
 */
@ExtendWith(ScreenshotOnFailure.class)
class InvestigatorWalkUiTest {
    static final String FINDING = "Loppis i Rinkeby med Berit Beritsson";
    private final Bot bot = new Bot();

    @Test
    void R4_R1_R3_R7_R11_fromTransparencyNoteToEvidenceReport() throws Exception {
        SignInPage.switchTo(bot, Fixture.INVESTIGATOR);
        new CasesPage(bot).open("Ekonomiskt bistånd, Beritsson", "Berit Beritsson", "Bengt Beritsson", "Stockholm", "");

        CaseOverviewPage overview = new CaseOverviewPage(bot);
        assertTrue(overview.note().startsWith("Not recorded"), overview.note());
        Path letter = Path.of(overview.letter("IFO Norr, Box 1, 163 01 Spånga. Telefon 08-508 00 000."));
        assertPdf(letter, "Berit Beritsson");
        overview.recordAsGiven("By letter");
        bot.waitUntil(() -> overview.note().startsWith("Told on"), "the note recorded");
        assertTrue(overview.note().contains("By letter, by Anna Utredare"), overview.note());
        bot.shot("investigator-1-transparency-note");

        SearchPage search = new SearchPage(bot);
        assertEquals("Berit Beritsson", search.name(), "the form is filled from the case's client");
        assertEquals("\"Berit Beritsson\" \"Stockholm\"", search.query());
        search.onlySources("demo-sokfinn", "demo-vanbok").run("Suspected incorrect information in an application",
                "Uppgifter i ansökan om ekonomiskt bistånd behöver stämmas av mot öppna källor.");
        search.done();
        bot.shot("investigator-2-search");

        ResultsPage results = new ResultsPage(bot);
        List<String> titles = results.titles();
        assertTrue(titles.contains(FINDING), titles.toString());
        String url = findingUrl();
        String discarded = results.urls().stream().filter(u -> !u.equals(url)).findFirst().orElseThrow();
        results.selectUrl(url).press('r').status("Finding");
        results.selectUrl(discarded).pressDelete().status("Deleted");
        assertFalse(results.urls().contains(discarded), "R3: the irrelevant hit is gone from the store");
        results.selectUrl(url);
        bot.shot("investigator-3-triage");

        BrowserPage browser = new BrowserPage(bot);
        browser.showing(url, "barnkläder");
        String captured = browser.capture();
        bot.shot("investigator-4-capture");

        EvidencePage evidence = new EvidencePage(bot);
        assertEquals(List.of(url), evidence.captures(), captured);
        int colours = evidence.thumbnailColours("investigator-4b-thumbnail-as-seen");
        assertTrue(colours > 10, "the thumbnail shows the page as seen, not a blank area: " + colours + " colours");
        assertTrue(evidence.details().contains("screenshot-seen.png") && evidence.details().contains("screenshot-full.png"),
                evidence.details());
        assertTrue(evidence.verify().startsWith("Verified: the one capture of this case"));

        NotesPage notes = new NotesPage(bot).write("Berit säljer barnkläder på loppis i Rinkeby: tas upp vid nästa möte.", "Client file");
        assertTrue(notes.links().stream().anyMatch(l -> l.contains(FINDING)), notes.links().toString());
        assertTrue(notes.links().stream().anyMatch(l -> l.startsWith("Capture #")), notes.links().toString());
        bot.shot("investigator-5-note");

        Path report = Path.of(evidence.export());
        String text = assertPdf(report, url);
        assertTrue(text.contains("Discussion material") || text.contains("Diskussionsunderlag"), "R5 banner in the report");
        assertFalse(text.contains("Berit Beritsson"), "R12: the client's name is scrubbed from the report");
        bot.shot("investigator-6-evidence-report");
    }

    private String findingUrl() {
        ResultsPage results = new ResultsPage(bot);
        results.titles();
        org.eclipse.swt.widgets.Table table = results.table("table");
        return bot.sync(() -> java.util.Arrays.stream(table.getItems()).filter(i -> i.getText(1).equals(FINDING)).findFirst()
                .orElseThrow().getText(3));
    }

    /** A real PDF, parsed back; returns its text. */
    static String assertPdf(Path file, String contains) throws Exception {
        assertTrue(Files.size(file) > 1000, file + " written");
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains(contains), file + " says " + contains + ":\n" + text);
            return text;
        }
    }
}
