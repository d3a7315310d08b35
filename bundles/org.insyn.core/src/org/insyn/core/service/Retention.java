package org.insyn.core.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.insyn.core.model.CaseFile;
import org.insyn.core.model.LegalHold;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.RetentionRule;

/**
 * R10: the retention schedule, legal holds and weeding (gallring), for the user of the session. Material of minor
 * importance is weeded by its unit's schedule once its case has been closed long enough: notes and captures classed so,
 * and the case's search hits (search results are never registered; what must be kept is captured and classed). Hits
 * of outreach searches (R8, no case) are weeded the same number of days after the search. Registered records and
 * client-file material are never weeded; a case on legal hold is never weeded or erased. Weeding removes the rows, the
 * blob files no other capture needs, the index documents and the case's cached exports, and leaves only content-free
 * audit entries (R16).
 */
public interface Retention {

    /** Every record class of the units the user belongs to (all units for an administrator), by unit and class. */
    List<RetentionRule> schedule();

    /**
     * Sets after how many days from the closing of its case minor-importance material of the unit is weeded, or with
     * empty stops weeding it. Audited. Refused for the other record classes (R10) and for anyone but the unit's
     * supervisors and administrators.
     */
    RetentionRule setRule(String unitId, RecordClass recordClass, Optional<Integer> daysAfterClosing);

    /** Puts the case on legal hold with the reason; audited with who and when. Anyone working in the case may. */
    CaseFile placeHold(long caseId, String reason);

    /** Lifts the legal hold with the reason; audited. Only a supervisor of the case's unit may. */
    CaseFile liftHold(long caseId, String reason);

    Optional<LegalHold> hold(long caseId);

    /** What weeding would remove now, in counts per case (or outreach unit) and kind; changes nothing. */
    Plan preview();

    /**
     * Weeds what is due now, case by case in small transactions (each with its content-free audit entry), reporting
     * progress and stopping between transactions when cancelled. A crash or a cancel leaves every item either whole or
     * gone; blob files of committed deletions that a crash left behind go at the next opening of the workspace.
     */
    Result weed(Progress progress);

    /** Told how far weeding is; asked between transactions whether to stop. */
    interface Progress {
        Progress NONE = (done, total) -> {
        };

        void worked(long done, long total);

        default boolean cancelled() {
            return false;
        }
    }

    /** What is due at {@code asOf}; {@code unitsWithoutRule} are the units where nothing is weeded for want of a rule. */
    record Plan(Instant asOf, List<Due> due, List<String> unitsWithoutRule) {
        public Plan {
            due = List.copyOf(due);
            unitsWithoutRule = List.copyOf(unitsWithoutRule);
        }

        public long total() {
            return due.stream().mapToLong(Due::total).sum();
        }
    }

    /**
     * The minor-importance material due in one case (closed on {@code closed}), or with no case, in the outreach
     * searches of the unit; {@code days} is the unit's period.
     */
    record Due(Optional<Long> caseId, String unitId, Optional<Instant> closed, int days, long notes, long captures, long hits) {
        public long total() {
            return notes + captures + hits;
        }
    }

    /** What a weeding run removed; {@code cancelled} when it was stopped before all that was due was done. */
    record Result(long notes, long captures, long hits, int cases, boolean cancelled) {
        public long total() {
            return notes + captures + hits;
        }
    }
}
