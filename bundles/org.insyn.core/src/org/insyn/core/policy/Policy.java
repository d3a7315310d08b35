package org.insyn.core.policy;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.insyn.core.InsynException;
import org.insyn.core.Rule;
import org.insyn.core.model.CaseFile;
import org.insyn.core.model.Justification;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.Review;
import org.insyn.core.model.ReviewDecision;
import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Role;
import org.insyn.core.model.SearchMode;
import org.insyn.core.model.TransparencyNote;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;

/**
 * Decides every guarded action before it happens and says why in words a worker understands. Plain Java with
 * no state: the store hands it what it needs to know. Each method throws an {@link InsynException} of kind
 * REFUSED naming the rule, or returns normally when the action is allowed.
 */
public final class Policy {

    /** Who may see (and so work in) a case: the people of its unit; administrators see no case content. */
    public void checkCaseAccess(User user, CaseFile c) {
        requireUnit(user, c.unitId());
        if (user.roles().equals(java.util.Set.of(Role.ADMINISTRATOR))) {
            throw InsynException.refused(Rule.R9, "policy.administratorNoCases");
        }
    }

    /** R1: a justification must have a reason in words. R8: outreach needs no case; a client search does. */
    public void checkJustification(User author, Justification j) {
        requireUnit(author, j.unitId());
        if (j.text().strip().length() < 10) {
            throw InsynException.refused(Rule.R1, "policy.blankJustification");
        }
        if (j.mode() == SearchMode.CLIENT) {
            require(author, Role.INVESTIGATOR, Rule.R1);
            if (j.caseId().isEmpty()) {
                throw InsynException.refused(Rule.R1, "policy.clientSearchNeedsCase");
            }
        } else if (!author.has(Role.FIELD_WORKER) && !author.has(Role.INVESTIGATOR)) {
            throw InsynException.refused(Rule.R8, "policy.roleMissing", Role.FIELD_WORKER);
        }
    }

    /**
     * R1, R4, R8: may this kind of search be asked for at all, before the worker writes a justification? A client
     * search needs the investigator's role, a case and its recorded transparency note (R4); an outreach search needs a
     * field worker or investigator (R8). So a search that would be refused for these reasons asks for no justification.
     */
    public void checkBeforeJustification(User author, SearchMode mode, Optional<Long> caseId, Optional<TransparencyNote> note) {
        if (mode == SearchMode.CLIENT) {
            require(author, Role.INVESTIGATOR, Rule.R1);
            if (caseId.isEmpty()) {
                throw InsynException.refused(Rule.R1, "policy.clientSearchNeedsCase");
            }
            if (note.isEmpty()) {
                throw InsynException.refused(Rule.R4, "policy.noTransparencyNote");
            }
        } else if (!author.has(Role.FIELD_WORKER) && !author.has(Role.INVESTIGATOR)) {
            throw InsynException.refused(Rule.R8, "policy.roleMissing", Role.FIELD_WORKER);
        }
    }

    /**
     * R1, R2, R4, R8: may this search run now? A client search needs a recorded transparency note (R4); an
     * outreach search does not (R8). Under review=before it needs an approval by a supervisor; under either
     * policy a rejection stops further searches.
     */
    public void checkSearch(User user, Unit unit, Optional<Justification> justification, List<Review> reviews,
            Optional<TransparencyNote> note) {
        Justification j = justification.orElseThrow(() -> InsynException.refused(Rule.R1, "policy.noJustification"));
        checkJustification(user, j);
        if (!j.unitId().equals(unit.id())) {
            throw new IllegalArgumentException("unit " + unit.id() + " is not the justification's unit " + j.unitId());
        }
        if (j.mode() == SearchMode.CLIENT && note.isEmpty()) {
            throw InsynException.refused(Rule.R4, "policy.noTransparencyNote");
        }
        Optional<Review> decision = latestDecision(reviews);
        if (decision.isPresent() && decision.get().decision() == ReviewDecision.REJECT) {
            throw InsynException.refused(Rule.R2, "policy.rejected", decision.get().comment());
        }
        if (unit.reviewPolicy() == ReviewPolicy.BEFORE && decision.isEmpty()) {
            throw InsynException.refused(Rule.R2, "policy.awaitingReview");
        }
    }

    /** R2: supervisors review the justifications of their own units, never their own (four eyes). */
    public void checkReview(User reviewer, Justification j) {
        require(reviewer, Role.SUPERVISOR, Rule.R2);
        if (!reviewer.belongsTo(j.unitId())) {
            throw InsynException.refused(Rule.R2, "policy.reviewNotInUnit");
        }
        if (reviewer.id().equals(j.authorId())) {
            throw InsynException.refused(Rule.R2, "policy.ownJustification");
        }
    }

    /** R13: statistics of searches are for supervisors, and only of their own units (the store filters by unit). */
    public void checkStatistics(User user) {
        require(user, Role.SUPERVISOR, Rule.R13);
    }

    /** R2: a justification rejected after its search ran under review=after flags the case. */
    public boolean flagsCase(Unit unit, ReviewDecision decision, boolean searchedAlready) {
        return unit.reviewPolicy() == ReviewPolicy.AFTER && decision == ReviewDecision.REJECT && searchedAlready;
    }

    /**
     * R10: a unit's retention schedule is set by its supervisors or by an administrator (who manages units); only
     * minor-importance material is ever weeded by the product.
     */
    public void checkRetentionRule(User user, String unitId, RecordClass recordClass) {
        if (!user.has(Role.ADMINISTRATOR)) {
            requireUnit(user, unitId);
            require(user, Role.SUPERVISOR, Rule.R10);
        }
        if (!recordClass.mayBeWeeded()) {
            throw InsynException.refused(Rule.R10, "policy.neverWeeded");
        }
    }

    /**
     * R10: anyone working in the case may put it on legal hold, since a hold only keeps things; lifting it lets weeding
     * and erasure go on, so only a supervisor of the case's unit may.
     */
    public void checkHold(User user, CaseFile c, boolean lift) {
        checkCaseAccess(user, c);
        if (lift) {
            require(user, Role.SUPERVISOR, Rule.R10);
        }
    }

    /** The approval or rejection that stands: the latest one (comments do not decide). */
    public static Optional<Review> latestDecision(List<Review> reviews) {
        return reviews.stream().filter(r -> r.decision() != ReviewDecision.COMMENT)
                .max(Comparator.comparing(Review::at).thenComparing(Review::id));
    }

    private static void requireUnit(User user, String unitId) {
        if (!user.belongsTo(unitId)) {
            throw InsynException.refused(Rule.R9, "policy.notInUnit", unitId);
        }
    }

    private static void require(User user, Role role, Rule rule) {
        if (!user.has(role)) {
            throw InsynException.refused(rule, "policy.roleMissing", role);
        }
    }
}
