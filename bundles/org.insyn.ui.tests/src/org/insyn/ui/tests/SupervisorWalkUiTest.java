package org.insyn.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.insyn.core.model.Justification;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.Role;
import org.insyn.core.model.User;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The supervisor's whole job in the workbench: review the justifications of their units (approve one, reject one with
 * a comment), verify the audit chain, read the statistics with their suppressed cells, and look over the network log.
 * The casework under review was done before by the fixture's workers, searching the demo web (see {@link Casework}).
 */
@ExtendWith(ScreenshotOnFailure.class)
class SupervisorWalkUiTest {
    /** Holds two roles: writes justifications as an investigator, reviews as a supervisor (but never their own, R2). */
    static final Fixture.Account BOTH_ROLES = new Fixture.Account("siv", "Siv Dubbelroll", Role.SUPERVISOR, "Supervisor", Fixture.NORTH);
    static final String APPROVED = "Tillsyn norr 1";
    static final String REJECTED = "Tillsyn norr 2";
    static final String OWN = "Sivs eget ärende";

    private final Bot bot = new Bot();

    /**
     * Six searched cases in each unit: enough for every unit's month to show (five or more, R13) whatever else the other
     * tests search, while a split by reason leaves small cells to suppress.
     */
    @BeforeAll
    static void casework() {
        try (Casework work = new Casework()) {
            work.account(new User(BOTH_ROLES.id(), BOTH_ROLES.name(), Set.of(Role.SUPERVISOR, Role.INVESTIGATOR), Set.of("north"), true));
            for (int i = 1; i <= 6; i++) {
                // north reviews after: the search runs at once and waits in the queue
                Justification north = work.clientCase("anna", "north", "Tillsyn norr " + i, "Berit Beritsson", ReasonCategory.CHILD_WELFARE);
                work.search("anna", north, "Berit Beritsson");
                // south reviews before: approved first (R2)
                Justification south = work.clientCase("nils", "south", "Tillsyn söder " + i, "Berit Beritsson",
                        ReasonCategory.INCORRECT_INFORMATION);
                work.approve("sara", south);
                work.search("nils", south, "Berit Beritsson");
            }
            work.clientCase(BOTH_ROLES.id(), "north", OWN, "Berit Beritsson", ReasonCategory.KNOWN_ONLINE);
        }
    }

    @Test
    void theSupervisorReviewsVerifiesTheAuditChainAndReadsTheStatistics() throws Exception {
        SignInPage.switchTo(bot, Fixture.SUPERVISOR);
        WorkbenchPage workbench = new WorkbenchPage(bot);

        // R2: the justifications of her units that await a decision
        ReviewQueuePage queue = ReviewQueuePage.open(bot);
        queue.select(APPROVED);
        assertEquals("Awaits your review", queue.state(APPROVED));
        assertTrue(queue.justification().contains("öppna källor"), queue.justification());
        // another supervisor's justification is hers to review: that is the four eyes
        assertEquals("Awaits your review", queue.state(OWN));
        bot.shot("supervisor-1-review-queue");
        queue.approve();
        queue.waitUntilGone(APPROVED);
        assertEquals("Approved: the justification of Anna Utredare (" + APPROVED + ").", queue.done());

        // a rejection needs a reason the worker can act on: without a comment the store refuses it
        queue.select(REJECTED).reject();
        RefusalPage refusal = new RefusalPage(bot);
        assertEquals("Say why you reject the justification, so the worker can act on it.", refusal.message());
        refusal.close();
        queue.select(REJECTED).comment("Skälet räcker inte: beskriv oron för barnet närmare.").reject();
        queue.waitUntilGone(REJECTED);
        bot.shot("supervisor-2-reviewed");

        // R16: the reviews are on the trail, and the whole chain verifies in the background
        AuditLogPage audit = AuditLogPage.open(bot);
        assertTrue(audit.actions().stream().noneMatch(a -> a.matches("[A-Z_]+")), "every action in words: " + audit.actions());
        audit.action("Justification reviewed").user("Sara Arbetsledare (sara)");
        // six approvals in the south before its searches, then the two of this walk, the rejection last
        bot.waitUntil(() -> bot.rows(audit.table()).size() >= 8 && audit.rows().get(0).get(AuditLogPage.DETAIL).contains("Decision: rejected"),
                "the reviews in the audit log");
        List<List<String>> reviews = audit.rows();
        assertTrue(reviews.stream().allMatch(r -> r.contains("Justification reviewed") && r.contains("sara")), reviews.toString());
        assertTrue(reviews.get(1).get(AuditLogPage.DETAIL).contains("Decision: approved"), reviews.get(1).toString());
        String verified = audit.verify();
        assertTrue(verified.startsWith("The chain is whole: "), verified);
        assertTrue(audit.head().matches("\\d+:[0-9a-f]{64}"), audit.head());
        bot.shot("supervisor-3-audit-verified");
        // a head kept now is still reached later
        assertTrue(audit.keptHead(audit.head()).verify().startsWith("The chain is whole"));

        // R13: each unit's month counts five or more cases and shows; split by reason, small cells are suppressed
        StatisticsPage stats = StatisticsPage.open(bot);
        String month = YearMonth.now().toString();
        List<List<String>> byMonth = stats.split("Searches per unit by month").rows();
        int column = stats.header().indexOf(month);
        assertTrue(column > 0, stats.header().toString());
        for (String unit : List.of("IFO Norr", "IFO Söder")) {
            List<String> row = byMonth.stream().filter(r -> r.get(0).equals(unit)).findFirst().orElseThrow(() -> new AssertionError(byMonth.toString()));
            assertTrue(Integer.parseInt(row.get(column)) >= 6, row.toString());
        }
        List<List<String>> byReason = stats.split("Searches per unit by reason").rows();
        assertTrue(byReason.stream().anyMatch(r -> r.contains("suppressed")), byReason.toString());
        assertTrue(byReason.stream().flatMap(List::stream).noneMatch(c -> c.matches("[1-4]")), "no count under five: " + byReason);
        assertTrue(stats.chart().contains("IFO Norr") && stats.chart().contains("suppressed"), stats.chart());
        bot.shot("supervisor-4-statistics");

        // R15: the searches' requests to the demo web are in the network log
        NetworkLogPage network = NetworkLogPage.open(bot);
        network.refresh();
        network.filter("search nils");
        bot.waitUntil(() -> !bot.rows(network.table()).isEmpty(), "nils's search requests");
        assertTrue(network.rows().stream().allMatch(r -> r.get(NetworkLogPage.URL).startsWith("http://127.0.0.1:")), network.rows().toString());
        bot.shot("supervisor-5-network-log");
        assertTrue(Files.size(Bot.screenshotDir().resolve("supervisor-5-network-log.png")) > 1000);
    }

    /** R2: a supervisor who also writes justifications sees their own in the queue, and approving it is refused. */
    @Test
    void R2_approvingOnesOwnJustificationIsRefusedByTheFourEyesRule() {
        SignInPage.switchTo(bot, BOTH_ROLES);
        ReviewQueuePage queue = ReviewQueuePage.open(bot);
        assertEquals("Your own: another supervisor reviews it (four eyes, R2)", queue.state(OWN));
        queue.select(OWN).approve();
        RefusalPage refusal = new RefusalPage(bot);
        assertTrue(refusal.rule().startsWith("R2"), refusal.rule());
        bot.screenshot(bot.byKey(Shell.class, "org.insyn.ui.refusal"), Bot.screenshotDir().resolve("supervisor-6-four-eyes-refusal.png"));
        refusal.close();
        assertEquals("Your own: another supervisor reviews it (four eyes, R2)", queue.state(OWN));
    }

    /** The supervision parts say whom they are for to anyone signed in in another role. */
    @Test
    void theSupervisionPartsAreForSupervisors() {
        SignInPage.switchTo(bot, Fixture.INVESTIGATOR);
        WorkbenchPage workbench = new WorkbenchPage(bot).openPerspective(WorkbenchPage.SUPERVISION);
        for (String[] part : new String[][] { { "Review queue", "reviewQueue" }, { "Audit log", "audit" }, { "Statistics", "statistics" },
                { "Network log", "network" } }) {
            workbench.showPart(part[0]);
            bot.waitUntilShowing(WorkbenchPage.part(part[1]) + ".notForRole", true);
            assertFalse(bot.isShowing(WorkbenchPage.part(part[1]) + ".table"), part[0]);
        }
    }

    /** Keyboard only: the review's buttons by their mnemonics, the comment field by its label's, F5 reads again. */
    @Test
    void theSupervisorWorksByKeyboard() {
        SignInPage.switchTo(bot, Fixture.SUPERVISOR);
        ReviewQueuePage queue = ReviewQueuePage.open(bot);
        queue.select("Tillsyn norr 5");
        bot.press(queue.table(), SWT.ALT, 'a', 'a');
        queue.waitUntilGone("Tillsyn norr 5");
        queue.select("Tillsyn norr 6");
        // a comment needs words: Alt+M with nothing written says so and saves nothing
        bot.press(queue.table(), SWT.ALT, 'm', 'm');
        assertEquals("Write the comment first: a comment without words tells the worker nothing.", queue.waitForLabel("done", "first"));
        bot.press(queue.table(), SWT.ALT, 'c', 'c');
        Text comment = queue.text("comment");
        bot.waitUntil(comment::isFocusControl, "the comment field to have the focus");
        for (char ch : "more detail".toCharArray()) {
            bot.press(comment, ch, ch);
        }
        bot.waitUntil(() -> comment.getText().equals("more detail"), "the comment typed");
        bot.press(comment, SWT.ALT, 'r', 'r');
        queue.waitUntilGone("Tillsyn norr 6");

        // F5 reads the statistics again: a search made elsewhere meanwhile is counted
        StatisticsPage stats = StatisticsPage.open(bot);
        String before = stats.summary();
        try (Casework work = new Casework()) {
            Justification j = work.clientCase("anna", "north", "Tillsyn norr 7", "Berit Beritsson", ReasonCategory.CHILD_WELFARE);
            work.search("anna", j, "Berit Beritsson");
        }
        bot.press(stats.table(), (char) 0, SWT.F5);
        bot.waitUntil(() -> !stats.summary().equals(before), "the statistics read again");
    }
}
