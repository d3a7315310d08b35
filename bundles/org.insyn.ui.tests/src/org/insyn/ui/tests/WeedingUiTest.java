package org.insyn.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.insyn.core.model.CaseFile;
import org.insyn.core.model.Note;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Role;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;
import org.insyn.core.service.Retention;
import org.insyn.core.service.Session;
import org.insyn.core.service.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** R10: the workbench weeds what the retention schedule says is due whenever someone signs in. */
@ExtendWith(ScreenshotOnFailure.class)
class WeedingUiTest {
    private final Bot bot = new Bot();

    @Test
    void R10_signingInWeedsMinorMaterialPastItsPeriodAndKeepsTheClientFile() {
        try (Casework work = new Casework()) {
            Workspace ws = work.workspace(Fixture.ADMINISTRATOR.id());
            ws.saveUnit(new Unit("west", "IFO V\u00e4ster", ReviewPolicy.AFTER));
            work.account(new User("vera", "Vera V\u00e4ster", Set.of(Role.INVESTIGATOR), Set.of("west"), true));
            Session vera = work.workspace("vera").session();
            CaseFile c = vera.openCase("west", "Avslutat \u00e4rende, V\u00e4ster");
            vera.saveNote(note(c, "Loppis i parken, ringa betydelse", RecordClass.MINOR_IMPORTANCE));
            Note kept = vera.saveNote(note(c, "Underlag till personakten", RecordClass.CLIENT_FILE));
            vera.closeCase(c.id());
            Retention retention = ws.session().retention();
            retention.setRule("west", RecordClass.MINOR_IMPORTANCE, Optional.of(0));
            assertEquals(1, due(retention, c), "the minor note is due before anyone signs in");

            SignInPage.switchTo(bot, Fixture.INVESTIGATOR);

            bot.waitUntil(() -> due(retention, c) == 0, "the minor note weeded after the sign-in");
            assertEquals(List.of(kept.id()), vera.notes(c.id()).stream().map(Note::id).toList(), "client-file material stays");
        }
    }

    private static Note note(CaseFile c, String text, RecordClass recordClass) {
        Instant now = Instant.now();
        return new Note(0, c.id(), "vera", text, recordClass, List.of(), List.of(), now, now);
    }

    private static long due(Retention retention, CaseFile c) {
        return retention.preview().due().stream().filter(d -> d.caseId().equals(Optional.of(c.id())))
                .mapToLong(Retention.Due::total).sum();
    }
}
