package org.insyn.bench;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import org.insyn.core.model.Note;
import org.insyn.core.model.RecordClass;
import org.insyn.core.service.IndexedItem;

/** Generated Swedish case notes of 20-80 words, the same for a given seed and count. */
final class SwedishNotes {
    private static final String[] FIRST = { "Anna", "Erik", "Åsa", "Björn", "Maria", "Johan", "Eva", "Lars", "Sara", "Mohammed",
            "Fatima", "Ali", "Karin", "Per", "Elin", "Östen", "Lina", "Ahmed", "Ida", "Oskar" };
    private static final String[] LAST = { "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson",
            "Persson", "Svensson", "Gustafsson", "Östlund", "Åberg", "Hassan", "Yilmaz", "Lindqvist", "Berglund" };
    private static final String[] PLACES = { "Rinkeby", "Kista", "Tensta", "Husby", "Skärholmen", "Kungsholmen", "Södermalm",
            "Farsta", "Vällingby", "Hässelby", "Bredäng", "Fittja" };
    private static final String[] WORDS = ("hembesök samtal med modern fadern barnen skolan förskolan kuratorn läraren "
            + "ekonomiskt bistånd ansökan hyran skulder kronofogden bostaden trångbodd flyttat arbete arbetslös praktik "
            + "missbruk alkohol narkotika oro för barnens situation anmälan orosanmälan polisen ungdomen forumet inlägg "
            + "sociala medier bilder kontakt med nätverket släktingar mormor morfar syskon fritidsgården fotboll "
            + "psykisk ohälsa vårdcentralen BUP tandläkaren sjukskriven försäkringskassan beslut överklagande möte "
            + "nästa vecka ringde uppgav berättade förnekade bekräftade enligt uppgift har inte återkommit").split(" ");

    private SwedishNotes() {
    }

    static String text(Random random) {
        StringBuilder b = new StringBuilder();
        int words = 20 + random.nextInt(60);
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                b.append(' ');
            }
            int kind = random.nextInt(20);
            b.append(kind == 0 ? FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)]
                    : kind == 1 ? PLACES[random.nextInt(PLACES.length)] : WORDS[random.nextInt(WORDS.length)]);
            if (random.nextInt(12) == 0) {
                b.append('.');
            }
        }
        return b.append('.').toString();
    }

    /** Hands {@code count} notes over, spread across 2 000 cases and three years. */
    static void generate(long count, Consumer<IndexedItem> sink) {
        Random random = new Random(42);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        RecordClass[] classes = RecordClass.values();
        for (long id = 1; id <= count; id++) {
            Instant at = start.plusSeconds(random.nextInt(3 * 365 * 24 * 3600));
            sink.accept(IndexedItem.of(new Note(id, 1 + random.nextInt(2000), "handl" + random.nextInt(50), text(random),
                    classes[random.nextInt(classes.length)], List.of(), List.of(), at, at)));
        }
    }
}
