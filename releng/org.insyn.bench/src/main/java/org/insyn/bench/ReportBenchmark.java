package org.insyn.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.insyn.core.model.Capture;
import org.insyn.core.model.CaseFile;
import org.insyn.core.model.Justification;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.SearchMode;
import org.insyn.core.model.Subject;
import org.insyn.core.model.Unit;
import org.insyn.core.report.ArtifactSource;
import org.insyn.core.report.EvidenceInput;
import org.insyn.report.internal.PdfReports;
import org.librepdf.openpdf.fonts.Liberation;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * R11: an evidence report of {@code captures} captures (a 1280 x 1600 screenshot, a WARC and a manifest each)
 * against bare PDFBox writing the same screenshots and the same text lines, in the same run, with the heap each
 * used. The heap is capped at 512 MB: a report that held its images would not fit for 1 000 captures
 * ({@code -p captures=1000}; 1 000 decoded screenshots are 8 GB, their PNGs 110 MB).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = { "-Xmx512m", "-Djava.awt.headless=true" })
public class ReportBenchmark {
    static final int DISTINCT_SCREENSHOTS = 50;
    static final int WIDTH = 1280;
    static final int HEIGHT = 1600;

    @Param({ "100" })
    public int captures;

    private Path dir;
    private List<Capture> list;
    private EvidenceInput input;

    /**
     * Heap of the forked JVM during one report, in MB, sampled every 10 ms: the most used at any moment, and the
     * most still in use right after a collection (what the report really holds, garbage not counted).
     */
    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class Heap {
        public double peakUsedMb;
        public double peakAfterGcMb;
        private volatile boolean sampling;
        private Thread sampler;
        private long used;
        private long afterGc;

        @Setup(Level.Iteration)
        public void start() {
            System.gc();
            used = 0;
            afterGc = 0;
            sampling = true;
            sampler = new Thread(() -> {
                List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                        .toList();
                while (sampling) {
                    used = Math.max(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                    afterGc = Math.max(afterGc, pools.stream().map(MemoryPoolMXBean::getCollectionUsage)
                            .mapToLong(u -> u == null ? 0 : u.getUsed()).sum());
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        @TearDown(Level.Iteration)
        public void stop() throws InterruptedException {
            sampling = false;
            sampler.join();
            peakUsedMb = used / (1024.0 * 1024.0);
            peakAfterGcMb = afterGc / (1024.0 * 1024.0);
        }
    }

    @Setup(Level.Trial)
    public void artifacts() throws Exception {
        dir = Files.createTempDirectory("insyn-report-bench");
        List<String[]> shots = new ArrayList<>();
        for (int i = 0; i < DISTINCT_SCREENSHOTS; i++) {
            shots.add(new String[] { put(screenshot(i)), put(("WARC/1.1\r\nWARC-Type: response\r\n\r\n<html>page " + i + "</html>")
                    .getBytes(StandardCharsets.UTF_8)), put(("{\"capture\":" + i + "}").getBytes(StandardCharsets.UTF_8)) });
        }
        list = new ArrayList<>();
        Instant t0 = Instant.parse("2026-11-20T13:00:00Z");
        for (int i = 0; i < captures; i++) {
            String[] s = shots.get(i % DISTINCT_SCREENSHOTS);
            list.add(new Capture(i + 1, 7, 3, Optional.empty(), "https://forum.example/trad/" + i, "https://forum.example/trad/" + i, 200,
                    t0.plusSeconds(i), "Europe/Stockholm", "anna", "Insyn bench", Map.of("screenshot-full.png", s[0], "response.warc", s[1]),
                    s[2], Optional.empty(), RecordClass.CLIENT_FILE, true));
        }
        Unit unit = new Unit("kista", "Rinkeby-Kista", ReviewPolicy.AFTER);
        input = new EvidenceInput(new CaseFile(7, "kista", "Ärende Lina Svensson", "anna", t0, Optional.empty(), false, false), unit,
                Optional.of(new Subject(1, 7, "Lina Svensson", List.of("Omar Svensson"), Optional.empty(), Optional.empty())),
                List.of(new Justification(3, Optional.of(7L), "kista", "anna", ReasonCategory.CHILD_WELFARE, "Oro för barnen; Lina nås på 070-123 45 67.",
                        SearchMode.CLIENT, t0)),
                Map.of(), Optional.empty(), list, List.of(), List.of(), "anna", t0.plusSeconds(86_400), Locale.of("sv"));
    }

    @TearDown(Level.Trial)
    public void clean() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private String put(byte[] bytes) throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        Files.write(dir.resolve(sha), bytes);
        return sha;
    }

    private ArtifactSource source() {
        return sha -> {
            try {
                return Files.newInputStream(dir.resolve(sha));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    static byte[] screenshot(int n) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(new Color(0x3b5998));
        g.fillRect(0, 0, WIDTH, 80);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
        for (int y = 120; y < HEIGHT; y += 28) {
            g.setColor(y % 500 < 28 ? Color.BLUE : Color.DARK_GRAY);
            g.drawString("Inlägg " + n + "/" + y + ": någon skriver om kvällen i centrum, bilder och kommentarer.", 24, y);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** The product's evidence report, written to nowhere: PDF/A, banners, redaction, hash checks, embedded files. */
    @Benchmark
    public long insyn(Heap heap) {
        return new PdfReports().evidence(input, source(), OutputStream.nullOutputStream()).pages();
    }

    /** Bare PDFBox: the same font, text lines and screenshot slices per capture, nothing else. */
    @Benchmark
    public long baseline(Heap heap) throws IOException {
        try (PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            PDType0Font font;
            try (InputStream in = Liberation.class.getResourceAsStream("/liberation/LiberationSans-Regular.ttf")) {
                font = PDType0Font.load(doc, in);
            }
            float width = PDRectangle.A4.getWidth() - 100;
            for (Capture c : list) {
                BufferedImage image;
                try (InputStream in = source().open(c.artifacts().get("screenshot-full.png"))) {
                    image = ImageIO.read(new ByteArrayInputStream(in.readAllBytes()));
                }
                float scale = width / image.getWidth();
                int from = 0;
                boolean first = true;
                while (from < image.getHeight()) {
                    PDPage page = new PDPage(PDRectangle.A4);
                    doc.addPage(page);
                    try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                        float y = PDRectangle.A4.getHeight() - 72;
                        if (first) {
                            for (String line : List.of(c.url(), c.capturedAt().toString(), c.zoneId(), c.operatorId(), c.tool(),
                                    c.artifacts().get("screenshot-full.png"), c.artifacts().get("response.warc"), c.manifestSha256())) {
                                cs.beginText();
                                cs.setFont(font, 9);
                                cs.newLineAtOffset(50, y);
                                cs.showText(line);
                                cs.endText();
                                y -= 13.5f;
                            }
                        }
                        int rows = Math.min(image.getHeight() - from, (int) ((y - 74) / scale));
                        var slice = LosslessFactory.createFromImage(doc, image.getSubimage(0, from, image.getWidth(), rows));
                        cs.drawImage(slice, 50, y - rows * scale, image.getWidth() * scale, rows * scale);
                        from += rows;
                    }
                    first = false;
                }
            }
            doc.save(OutputStream.nullOutputStream());
            return doc.getNumberOfPages();
        }
    }
}
