package org.insyn.index.tests;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.insyn.core.model.Capture;
import org.insyn.core.model.Hit;
import org.insyn.core.model.Note;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.Relevance;
import org.insyn.core.service.IndexedItem;

/** Test data: notes, hits and captures as the store makes them, in Swedish. */
final class Items {
    static final String PERSONNUMMER = "19850312-2384";
    static final String NAME = "Kerstin Zlatanović";

    private Items() {
    }

    static IndexedItem note(long id, long caseId, String text, RecordClass recordClass, String modified) {
        Instant at = Instant.parse(modified);
        return IndexedItem.of(new Note(id, caseId, "handl1", text, recordClass, List.of(), List.of(), at, at));
    }

    static IndexedItem note(long id, long caseId, String text) {
        return note(id, caseId, text, RecordClass.CLIENT_FILE, "2026-03-01T10:00:00Z");
    }

    static IndexedItem hit(long id, long caseId, String title, String snippet, String author, Relevance relevance) {
        Hit hit = new Hit(id, 1, "forum", "https://forum.example.se/t/" + id, title, snippet, Optional.empty(),
                Optional.of(author), relevance);
        return IndexedItem.of(hit, Optional.of(caseId), "north", Instant.parse("2026-02-01T09:00:00Z"));
    }

    static IndexedItem capture(long id, long caseId, String title, String text) {
        Capture capture = new Capture(id, caseId, 7, Optional.empty(), "https://blogg.example.se/inlagg", "https://blogg.example.se/inlagg",
                200, Instant.parse("2026-01-15T12:00:00Z"), "Europe/Stockholm", "handl1", "insyn 1.0",
                Map.of("page.html", "ab".repeat(32)), "cd".repeat(32), Optional.empty(), RecordClass.REGISTERED, true);
        return IndexedItem.of(capture, title, text);
    }
}
