package org.insyn.core.tests;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.insyn.core.InsynException;
import org.insyn.core.Messages;
import org.insyn.core.Rule;
import org.insyn.core.model.CaseFile;
import org.insyn.core.model.Justification;
import org.insyn.core.model.NoticeChannel;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.Review;
import org.insyn.core.model.ReviewDecision;
import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Role;
import org.insyn.core.model.SearchMode;
import org.insyn.core.model.TransparencyNote;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;
import org.insyn.core.policy.Policy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One test per rule and role the policy decides. */
class PolicyTest {
    static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");
    final Policy policy = new Policy();
    final Unit after = new Unit("kista-by", "Rinkeby-Kista barn och unga", ReviewPolicy.AFTER);
    final Unit before = new Unit("kista-by", "Rinkeby-Kista barn och unga", ReviewPolicy.BEFORE);
    final User investigator = user("anna", Role.INVESTIGATOR);
    final User fieldWorker = user("farid", Role.FIELD_WORKER);
    final User supervisor = user("sara", Role.SUPERVISOR);
    final User otherSupervisor = new User("olle", "Olle", Set.of(Role.SUPERVISOR), Set.of("kungsholmen"), true);
    final User admin = user("adam", Role.ADMINISTRATOR);
    final TransparencyNote note = new TransparencyNote(1, 7, LocalDate.of(2026, 10, 30), NoticeChannel.IN_PERSON, "anna", "anna", T0);

    static User user(String id, Role... roles) {
        return new User(id, id, Set.of(roles), Set.of("kista-by"), true);
    }

    static Justification justification(String author, SearchMode mode, Optional<Long> caseId, String text) {
        return new Justification(3, caseId, "kista-by", author, mode == SearchMode.CLIENT ? ReasonCategory.CHILD_WELFARE
                : ReasonCategory.OUTREACH_CONTACT, text, mode, T0);
    }

    final Justification client = justification("anna", SearchMode.CLIENT, Optional.of(7L), "Oro för barnets hemsituation efter anmälan.");
    final Justification outreach = justification("farid", SearchMode.OUTREACH, Optional.empty(), "Forum om självskada i Rinkeby, söker kontakt.");

    static Review review(long id, String by, ReviewDecision d, int minutes) {
        return new Review(id, 3, by, d, d == ReviewDecision.REJECT ? "Inte motiverat" : "", T0.plusSeconds(60L * minutes));
    }

    private static Rule refusedBy(Runnable action) {
        InsynException e = assertThrows(InsynException.class, action::run);
        assertEquals(InsynException.Kind.REFUSED, e.kind());
        return e.rule().orElseThrow();
    }

    @Test
    void R1_searchWithoutJustificationIsRefused() {
        assertEquals(Rule.R1, refusedBy(() -> policy.checkSearch(investigator, after, Optional.empty(), List.of(), Optional.of(note))));
    }

    @Test
    void R1_justificationWithoutReasonInWordsIsRefused() {
        Justification blank = justification("anna", SearchMode.CLIENT, Optional.of(7L), "   ok   ");
        assertEquals(Rule.R1, refusedBy(() -> policy.checkJustification(investigator, blank)));
    }

    @Test
    void R1_clientSearchNeedsACase() {
        Justification noCase = justification("anna", SearchMode.CLIENT, Optional.empty(), "Oro för barnets hemsituation.");
        assertEquals(Rule.R1, refusedBy(() -> policy.checkJustification(investigator, noCase)));
    }

    @Test
    void R1_fieldWorkerCannotMakeAClientSearch() {
        Justification byFieldWorker = justification("farid", SearchMode.CLIENT, Optional.of(7L), "Oro för barnets hemsituation.");
        assertEquals(Rule.R1, refusedBy(() -> policy.checkJustification(fieldWorker, byFieldWorker)));
    }

    @Test
    void R4_searchWithoutTransparencyNoteIsRefused() {
        assertEquals(Rule.R4, refusedBy(() -> policy.checkSearch(investigator, after, Optional.of(client), List.of(), Optional.empty())));
    }

    @Test
    void R4_clientSearchWithTransparencyNoteRunsUnderReviewAfter() {
        assertDoesNotThrow(() -> policy.checkSearch(investigator, after, Optional.of(client), List.of(), Optional.of(note)));
    }

    @Test
    void R8_outreachSearchNeedsNoTransparencyNote() {
        assertDoesNotThrow(() -> policy.checkSearch(fieldWorker, after, Optional.of(outreach), List.of(), Optional.empty()));
    }

    @Test
    void R8_outreachSearchStillNeedsAJustification() {
        assertEquals(Rule.R1, refusedBy(() -> policy.checkSearch(fieldWorker, after, Optional.empty(), List.of(), Optional.empty())));
    }

    @Test
    void R8_supervisorAloneCannotMakeAnOutreachSearch() {
        Justification bySupervisor = justification("sara", SearchMode.OUTREACH, Optional.empty(), "Forum om självskada i Rinkeby.");
        assertEquals(Rule.R8, refusedBy(() -> policy.checkJustification(supervisor, bySupervisor)));
    }

    @Test
    void R2_reviewBeforeWaitsForApproval() {
        assertEquals(Rule.R2, refusedBy(() -> policy.checkSearch(investigator, before, Optional.of(client), List.of(), Optional.of(note))));
        assertEquals(Rule.R2, refusedBy(() -> policy.checkSearch(investigator, before, Optional.of(client),
                List.of(review(1, "sara", ReviewDecision.COMMENT, 1)), Optional.of(note))), "a comment is no approval");
        assertDoesNotThrow(() -> policy.checkSearch(investigator, before, Optional.of(client),
                List.of(review(1, "sara", ReviewDecision.APPROVE, 1)), Optional.of(note)));
    }

    @Test
    void R2_rejectedJustificationStopsSearchUnderEitherPolicy() {
        List<Review> rejected = List.of(review(1, "sara", ReviewDecision.APPROVE, 1), review(2, "sara", ReviewDecision.REJECT, 2));
        for (Unit unit : List.of(before, after)) {
            assertEquals(Rule.R2, refusedBy(() -> policy.checkSearch(investigator, unit, Optional.of(client), rejected, Optional.of(note))));
        }
    }

    @Test
    void R2_latestDecisionStands() {
        List<Review> approvedAgain = List.of(review(1, "sara", ReviewDecision.REJECT, 1), review(2, "sara", ReviewDecision.APPROVE, 2),
                review(3, "sara", ReviewDecision.COMMENT, 3));
        assertEquals(ReviewDecision.APPROVE, Policy.latestDecision(approvedAgain).orElseThrow().decision());
    }

    @Test
    void R2_nobodyReviewsTheirOwnJustification() {
        User investigatingSupervisor = user("anna", Role.INVESTIGATOR, Role.SUPERVISOR);
        assertEquals(Rule.R2, refusedBy(() -> policy.checkReview(investigatingSupervisor, client)));
    }

    @Test
    void R2_supervisorReviewsOnlyTheirOwnUnits() {
        assertEquals(Rule.R2, refusedBy(() -> policy.checkReview(otherSupervisor, client)));
        assertDoesNotThrow(() -> policy.checkReview(supervisor, client));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"FIELD_WORKER", "INVESTIGATOR", "ADMINISTRATOR"})
    void R2_onlySupervisorsReview(Role role) {
        assertEquals(Rule.R2, refusedBy(() -> policy.checkReview(user("x", role), client)));
    }

    @Test
    void R2_rejectionAfterTheFactFlagsTheCase() {
        assertTrue(policy.flagsCase(after, ReviewDecision.REJECT, true));
        assertFalse(policy.flagsCase(after, ReviewDecision.REJECT, false));
        assertFalse(policy.flagsCase(after, ReviewDecision.APPROVE, true));
        assertFalse(policy.flagsCase(before, ReviewDecision.REJECT, true));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"FIELD_WORKER", "INVESTIGATOR", "SUPERVISOR"})
    void R9_caseIsSeenOnlyByItsUnit(Role role) {
        CaseFile inKista = new CaseFile(7, "kista-by", "Ärende", "anna", T0, Optional.empty(), false, false);
        CaseFile onKungsholmen = new CaseFile(8, "kungsholmen", "Ärende", "olle", T0, Optional.empty(), false, false);
        assertDoesNotThrow(() -> policy.checkCaseAccess(user("x", role), inKista));
        assertEquals(Rule.R9, refusedBy(() -> policy.checkCaseAccess(user("x", role), onKungsholmen)));
    }

    @Test
    void R9_administratorSeesNoCaseContent() {
        CaseFile inKista = new CaseFile(7, "kista-by", "Ärende", "anna", T0, Optional.empty(), false, false);
        assertEquals(Rule.R9, refusedBy(() -> policy.checkCaseAccess(admin, inKista)));
    }

    @Test
    void refusalsAreSaidInSwedishAndEnglishWithTheRule() {
        InsynException e = assertThrows(InsynException.class,
                () -> policy.checkSearch(investigator, after, Optional.of(client), List.of(), Optional.empty()));
        assertTrue(e.message(Messages.SWEDISH).startsWith("R4 Öppenhet mot klienten: Registrera först informationen till klienten"),
                e.message(Messages.SWEDISH));
        assertTrue(e.message(Locale.ENGLISH).startsWith("R4 Transparency to the client: Record the transparency note first"),
                e.message(Locale.ENGLISH));
        InsynException role = assertThrows(InsynException.class, () -> policy.checkReview(investigator, client));
        assertTrue(role.message(Messages.SWEDISH).endsWith("rollen arbetsledare."), role.message(Messages.SWEDISH));
    }

    @Test
    void R10_onlyMinorImportanceIsEverWeeded() {
        assertTrue(RecordClass.MINOR_IMPORTANCE.mayBeWeeded());
        assertFalse(RecordClass.REGISTERED.mayBeWeeded());
        assertFalse(RecordClass.CLIENT_FILE.mayBeWeeded());
        assertDoesNotThrow(() -> policy.checkRetentionRule(supervisor, "kista-by", RecordClass.MINOR_IMPORTANCE));
        assertEquals(Rule.R10, refusedBy(() -> policy.checkRetentionRule(supervisor, "kista-by", RecordClass.REGISTERED)));
        assertEquals(Rule.R10, refusedBy(() -> policy.checkRetentionRule(admin, "kista-by", RecordClass.CLIENT_FILE)));
    }

    @Test
    void R10_theSchedulesAreTheUnitsSupervisorsAndTheAdministrators() {
        assertEquals(Rule.R10, refusedBy(() -> policy.checkRetentionRule(investigator, "kista-by", RecordClass.MINOR_IMPORTANCE)));
        assertEquals(Rule.R9, refusedBy(() -> policy.checkRetentionRule(otherSupervisor, "kista-by", RecordClass.MINOR_IMPORTANCE)));
        assertDoesNotThrow(() -> policy.checkRetentionRule(new User("adam", "Adam", Set.of(Role.ADMINISTRATOR), Set.of(), true),
                "kista-by", RecordClass.MINOR_IMPORTANCE));
    }

    @Test
    void R10_anyoneInTheCasePlacesAHoldButOnlyItsSupervisorLiftsIt() {
        CaseFile c = new CaseFile(7, "kista-by", "Ärende", "anna", T0, Optional.of(T0), true, false);
        assertDoesNotThrow(() -> policy.checkHold(investigator, c, false));
        assertDoesNotThrow(() -> policy.checkHold(fieldWorker, c, false));
        assertEquals(Rule.R10, refusedBy(() -> policy.checkHold(investigator, c, true)));
        assertDoesNotThrow(() -> policy.checkHold(supervisor, c, true));
        assertEquals(Rule.R9, refusedBy(() -> policy.checkHold(otherSupervisor, c, true)));
        InsynException never = assertThrows(InsynException.class,
                () -> policy.checkRetentionRule(supervisor, "kista-by", RecordClass.REGISTERED));
        assertTrue(never.message(Messages.SWEDISH).startsWith("R10 "), never.message(Messages.SWEDISH));
        assertTrue(never.message(Locale.ENGLISH).contains("exported for the register and the client file"), never::getMessage);
    }
}
