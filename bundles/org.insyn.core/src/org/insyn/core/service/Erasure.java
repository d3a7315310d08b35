package org.insyn.core.service;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.insyn.core.Messages;

/**
 * R14: what an erasure on request did, item by item: erased, or kept with the reason in words a worker can pass on to
 * the person who asked.
 */
public record Erasure(long subjectId, long caseId, List<Item> items) {
    public Erasure {
        items = List.copyOf(items);
    }

    /** Nothing was kept: the subject, the case and everything in it are gone. */
    public boolean complete() {
        return items.stream().allMatch(Item::erased);
    }

    public long erased(StoreEvent.Type type) {
        return items.stream().filter(i -> i.type() == type && i.erased()).count();
    }

    public List<Item> kept() {
        return items.stream().filter(i -> !i.erased()).toList();
    }

    /** One note, capture, hit, search, justification, review, the subject or the case; {@code kept} says why it stays. */
    public record Item(StoreEvent.Type type, long id, Optional<Kept> kept) {
        public boolean erased() {
            return kept.isEmpty();
        }
    }

    /** Why something may not be erased. */
    public enum Kept {
        /** A registered record: public-records and archive law require it to be kept. */
        REGISTERED,
        /** The case is on legal hold. */
        LEGAL_HOLD,
        /** A registered record that is kept refers to it (its case, subject, justification). */
        WITH_REGISTERED_RECORD;

        /** The reason in plain words, for the worker to pass on. */
        public String explain(Locale locale) {
            return Messages.get(locale, "erasure.kept." + name());
        }
    }
}
