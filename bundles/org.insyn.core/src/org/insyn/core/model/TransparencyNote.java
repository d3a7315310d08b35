package org.insyn.core.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** R4: the record that the client was told, when, how and by whom. */
public record TransparencyNote(long id, long caseId, LocalDate toldOn, NoticeChannel channel, String toldBy,
        String recordedBy, Instant recorded) {
    public TransparencyNote {
        Objects.requireNonNull(toldOn, "toldOn");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(toldBy, "toldBy");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recorded, "recorded");
    }
}
