package org.insyn.capture.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.insyn.capture.internal.CaptureTesting;
import org.insyn.capture.internal.ChromiumCaptureService;
import org.insyn.core.model.Capture;
import org.insyn.core.model.NoticeChannel;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.Role;
import org.insyn.core.model.SearchMode;
import org.insyn.core.model.Unit;
import org.insyn.core.model.User;
import org.insyn.core.service.Session;
import org.insyn.core.service.VerifyReport;
import org.insyn.core.service.Workspace;
import org.insyn.core.service.WorkspaceConfig;
import org.insyn.core.service.WorkspaceProvider;
import org.insyn.testing.ChildJvm;
import org.insyn.testing.OsgiServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;

/**
 * A real process capturing pages, killed with SIGKILL (with its Chromium) at random moments, again and again:
 * afterwards every capture in the store is whole and verifies, every capture it reported is there, the audit
 * chain and the blobs verify, and no file under the temporary folder or the workspace holds the page's text in
 * clear (R9). Four kills by default; {@code -Dinsyn.kills=20} for the long run.
 */
class CaptureKillTest {
    static final String PASSWORD = "avbrott-mitt-i-sparandet";
    static final int KILLS = Math.max(2, Integer.getInteger("insyn.kills", 4));
    /** Found in the page only: a name and a personnummer no other file of the test holds. */
    static final String MARKER = "Tolvan Tolvansson 19121212-1212 " + Long.toHexString(new Random().nextLong());

    @TempDir
    Path dir;

    @Test
    void R17_aKilledCaptureLeavesAWholeCaptureOrNone() throws Exception {
        WorkspaceProvider provider = OsgiServices.service(WorkspaceProvider.class);
        long caseId;
        long justificationId;
        try (Workspace admin = provider.create(WorkspaceConfig.embedded(dir),
                new User("admin", "Admin", Set.of(Role.ADMINISTRATOR), Set.of(), true), PASSWORD.toCharArray())) {
            admin.saveUnit(new Unit("north", "IFO Nord", ReviewPolicy.AFTER));
            admin.accounts().create(new User("anna", "Anna", Set.of(Role.INVESTIGATOR), Set.of("north"), true), PASSWORD.toCharArray());
        }
        try (Workspace ws = provider.signIn(WorkspaceConfig.embedded(dir), "anna", PASSWORD.toCharArray())) {
            Session anna = ws.session();
            caseId = anna.openCase("north", "Avbrott").id();
            anna.recordTransparencyNote(caseId, LocalDate.now(), NoticeChannel.LETTER, "Anna");
            justificationId = anna.justify(Optional.of(caseId), "north", ReasonCategory.OTHER,
                    "Prov av sparning som avbryts mitt i.", SearchMode.CLIENT).id();
        }
        Random random = new Random(20261124L);
        Set<Long> reported = new LinkedHashSet<>();
        long oneCapture = 0;
        try (Fixture site = new Fixture(); LoopbackTsa tsa = new LoopbackTsa()) {
            site.page("/post", "<html><head><title>Inlägg</title></head><body><h1>Inlägg</h1><p>" + MARKER
                    + "</p><img src='/a.png'></body></html>");
            site.file("/a.png", "image/png", CaptureTest.png(64, 64));
            // the capture bundle with its tests, and the store (the provider's bundle) with what they are wired to
            String classPath = ChildJvm.classPath(FrameworkUtil.getBundle(ChromiumCaptureService.class),
                    FrameworkUtil.getBundle(provider.getClass()));
            Path tmp = Files.createDirectories(dir.resolve("t"));
            for (int round = 0; round < KILLS; round++) {
                ChildJvm.Child started = ChildJvm.start(classPath, List.of("-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + tmp), Map.of(), CaptureLoop.class,
                        dir.toString(), Long.toString(caseId), Long.toString(justificationId), site.url("/post").toString(),
                        tsa.url().toString());
                Process child = started.process();
                BufferedReader lines = started.lines();
                List<String> early = java.util.Collections.synchronizedList(new ArrayList<>());
                // read its reports in the background, kill it (and its Chromium) at a random moment of a capture
                CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
                    try {
                        for (String l; (l = lines.readLine()) != null;) {
                            if (l.startsWith("capture ")) {
                                synchronized (reported) {
                                    reported.add(Long.parseLong(l.substring(8)));
                                }
                            } else if (early.size() < 200) {
                                early.add(l);
                            }
                        }
                    } catch (IOException e) {
                        // the pipe breaks when the child is killed
                    }
                });
                if (round == 0) {
                    // the first round lets one capture finish, to learn how long one takes on this machine
                    long start = System.nanoTime();
                    while (reportedCount(reported) == 0 && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(90)) {
                        Thread.sleep(20);
                    }
                    assertEquals(1, reportedCount(reported), () -> "the first capture was stored: " + String.join("\n", early));
                    oneCapture = Math.max(500, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                } else {
                    Thread.sleep(random.nextLong(oneCapture * 6 / 5));
                }
                List<ProcessHandle> family = new ArrayList<>(child.descendants().toList());
                child.destroyForcibly();
                family.forEach(ProcessHandle::destroyForcibly);
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
                reader.get(30, TimeUnit.SECONDS);
                assertEquals(List.of(), clearText(dir), "R9: files holding the captured page in clear after kill " + round);
                check(provider, caseId, reported);
                try (var profiles = Files.list(tmp)) {
                    // each child deletes the Chromium folders its killed predecessors left behind
                    assertTrue(profiles.filter(p -> p.getFileName().toString().startsWith("insyn-chromium-")).count() <= 1);
                }
            }
        }
    }

    /** Every file under the folder that holds the marker, in UTF-8 or UTF-16 (as grep -r would find it, and more). */
    static List<Path> clearText(Path folder) throws IOException {
        List<byte[]> needles = List.of(MARKER.getBytes(StandardCharsets.UTF_8), MARKER.getBytes(StandardCharsets.UTF_16LE),
                MARKER.getBytes(StandardCharsets.UTF_16BE));
        List<Path> found = new ArrayList<>();
        try (var files = Files.walk(folder)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                byte[] content;
                try {
                    content = Files.readAllBytes(f);
                } catch (IOException e) {
                    continue; // deleted while walking
                }
                if (needles.stream().anyMatch(n -> indexOf(content, n) >= 0)) {
                    found.add(folder.relativize(f));
                }
            }
        }
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int reportedCount(Set<Long> reported) {
        synchronized (reported) {
            return reported.size();
        }
    }

    private void check(WorkspaceProvider provider, long caseId, Set<Long> reported) {
        try (Workspace ws = provider.signIn(WorkspaceConfig.embedded(dir), "anna", PASSWORD.toCharArray())) {
            Session anna = ws.session();
            List<Long> stored = anna.captures(caseId).stream().map(Capture::id).toList();
            synchronized (reported) {
                assertTrue(stored.containsAll(reported), "reported " + reported + ", stored " + stored);
            }
            assertEquals(List.of(), CaptureTesting.service(Optional.empty()).verify(ws).problems());
            // a capture killed after its blobs and before its row leaves encrypted blobs no capture names: verify
            // reports them (and keeps them); anything else is damage
            List<VerifyReport.Problem> problems = ws.verify().problems().stream()
                    .filter(p -> p.kind() != VerifyReport.Kind.BLOB_UNKNOWN).toList();
            assertEquals(List.of(), problems);
        }
    }
}
