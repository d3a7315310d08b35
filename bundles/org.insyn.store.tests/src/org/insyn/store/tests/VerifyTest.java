package org.insyn.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.insyn.core.InsynException;
import org.insyn.core.model.Capture;
import org.insyn.core.model.NoticeChannel;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Role;
import org.insyn.core.model.SearchMode;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;
import org.insyn.core.service.Session;
import org.insyn.core.service.VerifyReport;
import org.insyn.core.service.VerifyReport.Kind;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.store.internal.StoreProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R16, R17: {@code verify} covers everything stored: a blob file no capture names is reported (and kept), and random
 * bit flips in a copy of a workspace end as findings or as a refusal in words, never as a raw error. Twenty flips by
 * default; {@code -Dinsyn.flips=200} for the figures in docs/EVIDENCE.md.
 */
class VerifyTest {
    static final int FLIPS = Math.max(1, Integer.getInteger("insyn.flips", 20));

    @TempDir
    Path dir;
    final StoreProvider provider = new StoreProvider();
    Path workspace;
    long caseId;

    static char[] password(String user) {
        return (user + "-lösenord-2026").toCharArray();
    }

    @BeforeEach
    void make() {
        workspace = dir.resolve("ws");
        try (Workspace admin = provider.create(WorkspaceConfig.embedded(workspace),
                new User("admin", "Admin", Set.of(Role.ADMINISTRATOR), Set.of(), true), password("admin"))) {
            admin.saveUnit(new Unit("north", "IFO Nord", ReviewPolicy.AFTER));
            admin.accounts().create(new User("anna", "Anna", Set.of(Role.INVESTIGATOR), Set.of("north"), true), password("anna"));
        }
        try (Workspace ws = provider.signIn(WorkspaceConfig.embedded(workspace), "anna", password("anna"))) {
            Session anna = ws.session();
            caseId = anna.openCase("north", "Ekonomiskt bistånd").id();
            anna.saveSubject(caseId, "Kim Andersson", List.of("Lo Andersson"), Optional.of("Malmö"), Optional.empty());
            anna.recordTransparencyNote(caseId, LocalDate.now(), NoticeChannel.IN_PERSON, "Anna");
            long j = anna.justify(Optional.of(caseId), "north", ReasonCategory.INCORRECT_INFORMATION,
                    "Uppgifter i ansökan behöver kontrolleras mot öppna källor.", SearchMode.CLIENT).id();
            for (int i = 0; i < 3; i++) {
                String page = ws.blobs().put(new ByteArrayInputStream(("<html>sida " + i + "</html>").getBytes(StandardCharsets.UTF_8)));
                String manifest = ws.blobs().put(new ByteArrayInputStream(("{\"capture\": " + i + "}").getBytes(StandardCharsets.UTF_8)));
                anna.saveCapture(new Capture(0, caseId, j, Optional.empty(), "http://127.0.0.1/" + i, "http://127.0.0.1/" + i, 200,
                        Instant.now(), "UTC", "anna", "insyn", Map.of("page.html", page), manifest, Optional.empty(),
                        RecordClass.CLIENT_FILE, true));
            }
        }
    }

    @Test
    void R17_aBlobNoCaptureNamesIsReportedAndKept() throws IOException {
        Path any;
        try (Stream<Path> files = Files.walk(workspace.resolve("blobs"))) {
            any = files.filter(f -> f.getFileName().toString().matches("[0-9a-f]{64}")).findFirst().orElseThrow();
        }
        String stranger = "ab" + "0".repeat(62);
        Path planted = Files.createDirectories(workspace.resolve("blobs").resolve("ab")).resolve(stranger);
        Files.copy(any, planted);
        try (Workspace admin = provider.signIn(WorkspaceConfig.embedded(workspace), "admin", password("admin"))) {
            VerifyReport r = admin.verify();
            assertEquals(List.of(new VerifyReport.Problem(Kind.BLOB_UNKNOWN, "blob " + stranger, r.problems().getFirst().detail())),
                    r.problems());
        }
        assertTrue(Files.exists(planted), "reported, not deleted");
    }

    @Test
    void R16_R17_randomBitFlipsAreFindingsOrRefusalsInWordsNeverRawErrors() throws IOException {
        String untouched = snapshot(workspace);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(workspace)) {
            all.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        long total = 0;
        for (Path f : files) {
            total += Files.size(f);
        }
        Random random = new Random(20261204L);
        Map<String, int[]> figures = new TreeMap<>(); // per outcome: count
        List<String> raw = new ArrayList<>();
        for (int flip = 0; flip < FLIPS; flip++) {
            Path copy = dir.resolve("flip-" + flip);
            copyTree(workspace, copy);
            long bit = Math.floorMod(random.nextLong(), total * 8);
            Path target = null;
            long offset = bit / 8;
            for (Path f : files) {
                long size = Files.size(f);
                if (offset < size) {
                    target = copy.resolve(workspace.relativize(f));
                    break;
                }
                offset -= size;
            }
            byte[] bytes = Files.readAllBytes(target);
            bytes[(int) offset] ^= (byte) (1 << (bit % 8));
            Files.write(target, bytes);
            String where = copy.relativize(target).toString().replaceAll("^blobs/[0-9a-f]{2}/[0-9a-f]{64}$", "a blob");
            String outcome;
            try {
                VerifyReport r;
                try (Workspace admin = provider.signIn(WorkspaceConfig.embedded(copy), "admin", password("admin"))) {
                    r = admin.verify();
                }
                if (!r.clean()) {
                    outcome = "finding";
                } else if (snapshot(copy).equals(untouched)) {
                    outcome = "no stored data changed, verify clean";
                } else {
                    outcome = "stored data changed, verify clean";
                }
            } catch (InsynException e) {
                outcome = e.kind() == InsynException.Kind.STORAGE ? "refused: the database cannot be opened" : "refused: " + e.key();
                assertTrue(!e.message(Locale.forLanguageTag("sv")).isBlank());
            } catch (RuntimeException e) {
                outcome = "raw error";
                raw.add(where + ": " + e);
            }
            figures.computeIfAbsent(where + " → " + outcome, k -> new int[1])[0]++;
            deleteTree(copy);
        }
        System.out.println("VerifyTest: " + FLIPS + " bit flips in a copy of a workspace:");
        figures.forEach((k, v) -> System.out.println("  " + v[0] + "  " + k));
        assertEquals(List.of(), raw, "flips that gave a raw error");
    }

    /** What a person can read back: the case's notes, subject, captures and their blobs, and the audit trail. */
    private String snapshot(Path ws) {
        try (Workspace w = provider.signIn(WorkspaceConfig.embedded(ws), "anna", password("anna"))) {
            StringBuilder s = new StringBuilder();
            Session anna = w.session();
            s.append(anna.subject(caseId)).append(anna.notes(caseId));
            for (Capture c : anna.captures(caseId)) {
                s.append(c.id()).append(c.url()).append(c.artifacts()).append(c.manifestSha256());
                for (String hash : c.artifacts().values()) {
                    try (InputStream in = w.blobs().open(hash)) {
                        s.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        s.append("unreadable ").append(hash);
                    }
                }
            }
            w.audit().entries(Optional.of(caseId), 0, Integer.MAX_VALUE).forEach(e -> s.append(e.hash()));
            return s.toString();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path t = to.resolve(from.relativize(p));
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
