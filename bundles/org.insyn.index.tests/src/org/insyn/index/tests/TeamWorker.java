package org.insyn.index.tests;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.insyn.core.model.Capture;
import org.insyn.core.model.Hit;
import org.insyn.core.model.Justification;
import org.insyn.core.model.Note;
import org.insyn.core.model.NoticeChannel;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.Relevance;
import org.insyn.core.model.ReviewDecision;
import org.insyn.core.model.SearchMode;
import org.insyn.core.service.SearchIndex;
import org.insyn.core.service.SearchQuery;
import org.insyn.core.service.SearchResults.Found;
import org.insyn.core.service.Session;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.core.service.WorkspaceProvider;
import org.insyn.index.internal.IndexService;

/**
 * One person of {@link TeamLoadTest} in a process of their own, on a plain class path outside OSGi: signs in from their
 * own profile folder, opens their own index and, until the time is up, writes notes, captures with blobs, searches
 * with hits, triages (deleting the irrelevant, R3) and, as a supervisor, reviews. Prints a line per committed item;
 * told "check", waits for the change feed and says whether the index holds exactly what the login may see.
 */
public final class TeamWorker {

    /** The text of a note: its first word is found by that word alone. */
    static String text(String user, long i) {
        return word(user, i) + " anteckning om ärendet, hembesök och samtal.";
    }

    static String word(String user, long i) {
        return "zq" + user + "x" + i;
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path profile = Path.of(args[1]);
        String user = args[2];
        long millis = Long.parseLong(args[3]);
        boolean supervisor = args[4].equals("supervisor");
        // a writer started again after a kill writes words of its own, so each note stays findable by its word alone
        String words = user + (args.length > 5 ? args[5] : "");
        WorkspaceConfig config = WorkspaceConfig.shared(profile, url, Optional.empty(), Optional.empty());
        WorkspaceProvider provider = (WorkspaceProvider) Class.forName("org.insyn.store.internal.StoreProvider").getConstructor()
                .newInstance();
        try (Workspace ws = provider.signIn(config, user, System.getenv("INSYN_PASSWORD").toCharArray());
                SearchIndex index = new IndexService().open(config, ws, (done, total) -> {
                })) {
            Session s = ws.session();
            say("ready");
            long until = System.currentTimeMillis() + millis;
            if (supervisor) {
                while (System.currentTimeMillis() < until) {
                    for (Justification j : s.reviewQueue()) {
                        s.review(j.id(), ReviewDecision.APPROVE, "Godkänd.");
                        say("review " + j.id());
                    }
                    Thread.sleep(100);
                }
            } else {
                String unit = ws.user().unitIds().iterator().next();
                long caseId = s.openCase(unit, "Ärende för " + user).id();
                s.recordTransparencyNote(caseId, LocalDate.now(), NoticeChannel.LETTER, user);
                Justification j = s.justify(Optional.of(caseId), unit, ReasonCategory.INCORRECT_INFORMATION,
                        "Uppgifter i ansökan behöver kontrolleras.", SearchMode.CLIENT);
                // at least one round of the whole mix, however slowly the machine started everyone
                for (long i = 0; i == 0 || System.currentTimeMillis() < until; i++) {
                    Instant now = Instant.now();
                    Note n = s.saveNote(new Note(0, caseId, user, text(words, i), RecordClass.CLIENT_FILE, List.of(), List.of(), now, now));
                    say("note " + n.id() + " " + i);
                    List<Long> found = index.search(SearchQuery.of(word(words, i))).found().stream().map(Found::id).toList();
                    if (!found.equals(List.of(n.id()))) {
                        say("error own note not found at once: " + found);
                    }
                    if (i % 3 == 0) {
                        String page = ws.blobs().put(new ByteArrayInputStream(("<html><body>" + word(words, i) + "sida</body></html>")
                                .getBytes(StandardCharsets.UTF_8)));
                        String manifest = ws.blobs().put(new ByteArrayInputStream(("{\"i\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
                        Capture c = s.saveCapture(new Capture(0, caseId, j.id(), Optional.empty(), "http://127.0.0.1/" + user + "/" + i,
                                "http://127.0.0.1/" + user + "/" + i, 200, now, "Europe/Stockholm", user, "insyn",
                                Map.of("page.html", page), manifest, Optional.empty(), RecordClass.CLIENT_FILE, true));
                        say("capture " + c.id() + " " + i);
                    }
                    if (i % 2 == 0) {
                        long run = s.startSearch(j.id(), "\"Lo Zlatanović\"", List.of("forums")).id();
                        List<Hit> hits = s.addHits(run, List.of(new Session.HitDraft("forums", "http://127.0.0.1/t/" + user + i,
                                "Tråd " + i, "Om bilar", Optional.empty(), Optional.of("nisse"))));
                        // R3: half are sorted away, which deletes them everywhere
                        s.triage(hits.get(0).id(), i % 4 == 0 ? Relevance.IRRELEVANT : Relevance.RELEVANT);
                        say("hit " + hits.get(0).id() + " " + (i % 4 == 0 ? "discarded" : "kept"));
                    }
                }
            }
            say("done");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            // waits for every other person to finish; ends with the test when it goes away
            for (String line; !"check".equals(line = in.readLine());) {
                if (line == null) {
                    return;
                }
            }
            say(check(ws, index));
        }
    }

    /** Whether the index, once the feed has told it everything, holds exactly the items this login may see. */
    private static String check(Workspace ws, SearchIndex index) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (index.size() != ws.indexSource().count() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        long visible = ws.indexSource().count();
        if (index.size() != visible) {
            return "index differs: holds " + index.size() + ", the login sees " + visible;
        }
        List<String> wrong = new ArrayList<>();
        ws.indexSource().forEachNote(n -> {
            String word = n.text().substring(0, n.text().indexOf(' '));
            List<Long> found = index.search(SearchQuery.of(word)).found().stream().map(Found::id).toList();
            if (!found.equals(List.of(n.id()))) {
                wrong.add(word + " -> " + found);
            }
        });
        return wrong.isEmpty() ? "index ok " + visible : "index differs: " + wrong;
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
