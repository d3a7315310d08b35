package org.insyn.report.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.imageio.ImageIO;

import org.insyn.core.InsynException;
import org.insyn.core.model.AuditEntry;
import org.insyn.core.model.Capture;
import org.insyn.core.model.CaseFile;
import org.insyn.core.model.Hit;
import org.insyn.core.model.Justification;
import org.insyn.core.model.Note;
import org.insyn.core.model.Review;
import org.insyn.core.model.SearchRun;
import org.insyn.core.model.Subject;
import org.insyn.core.model.SubjectAccess;
import org.insyn.core.model.TransparencyNote;
import org.insyn.core.redact.PersonalDetail;
import org.insyn.core.redact.Redactor;
import org.insyn.core.report.ArchiveInput;
import org.insyn.core.report.ArtifactSource;
import org.insyn.core.report.EvidenceInput;
import org.insyn.core.report.LetterInput;
import org.insyn.core.report.ReportResult;
import org.insyn.core.report.StatisticsInput;
import org.insyn.core.report.SubjectAccessInput;
import org.insyn.core.service.ReportService;
import org.insyn.core.stats.Table;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.osgi.service.component.annotations.Component;

/** The PDF/A-3b documents of Insyn, written with PDFBox. */
@Component(name = "org.insyn.report", service = ReportService.class)
public final class PdfReports implements ReportService {

    // ---- evidence report (R5, R11, R12, R17) -------------------------------------------------------------

    @Override
    public ReportResult evidence(EvidenceInput in, ArtifactSource artifacts, OutputStream out) {
        Texts t = new Texts(in.locale());
        Redactor redactor = Redactor.forCase(in.subject(), in.redactTerms(), in.locale());
        try (PdfaDocument pdf = new PdfaDocument(banner(t), t.get("generated", t.utc(in.generatedAt()) + " UTC", in.generatedBy()))) {
            // Free text is scrubbed first, so that the cover can say what was scrubbed from the whole report.
            String caseTitle = redactor.scrub(in.caseFile().title());
            List<String> justifications = new ArrayList<>();
            for (Justification j : in.justifications()) {
                StringBuilder s = new StringBuilder(t.get("evidence.justification", t.enumText("reason", j.reason()), t.utc(j.created()) + " UTC",
                        j.authorId())).append('\n').append(redactor.scrub(j.text()));
                List<Review> reviews = in.reviews().getOrDefault(j.id(), List.of());
                if (reviews.isEmpty()) {
                    s.append('\n').append(t.get("evidence.noReview"));
                }
                for (Review r : reviews) {
                    s.append('\n').append(t.get("evidence.review", t.enumText("decision", r.decision()), t.utc(r.at()) + " UTC", r.reviewerId()));
                    if (!r.comment().isBlank()) {
                        s.append(": ").append(redactor.scrub(r.comment()));
                    }
                }
                justifications.add(s.toString());
            }
            List<List<String>> notesPerCapture = new ArrayList<>();
            for (Capture c : in.captures()) {
                List<String> notes = new ArrayList<>();
                for (Note n : in.notes()) {
                    // a note is about a finding when it names the capture or the hit the capture documents
                    if (n.captureIds().contains(c.id()) || c.hitId().filter(n.hitIds()::contains).isPresent()) {
                        notes.add(t.get("evidence.note", t.utc(n.modified()) + " UTC", n.authorId()) + "\n" + redactor.scrub(n.text()));
                    }
                }
                notesPerCapture.add(notes);
            }

            pdf.heading(t.get("evidence.title"), 18);
            pdf.field(t.get("evidence.case"), caseTitle + " (" + in.caseFile().id() + ")");
            pdf.field(t.get("evidence.unit"), in.unit().name() + " (" + in.unit().id() + ")");
            pdf.field(t.get("evidence.generated"), t.utc(in.generatedAt()) + " UTC, " + in.generatedBy());
            pdf.heading(t.get("evidence.transparency"), 13);
            pdf.paragraph(transparency(t, in.transparencyNote()));
            pdf.heading(t.get("evidence.justifications"), 13);
            for (String j : justifications) {
                pdf.paragraph(j);
                pdf.space(6);
            }
            pdf.heading(t.get("evidence.redaction"), 13);
            pdf.paragraph(redactor.summary() + ".\n" + t.get("evidence.redactionNote"));
            pdf.space(6);
            // R17: what a court reader checks first, without tools: when each page was captured, and the sealed time
            if (!in.captures().isEmpty()) {
                pdf.heading(t.get("evidence.timestamps"), 13);
                for (int i = 0; i < in.captures().size(); i++) {
                    Capture c = in.captures().get(i);
                    String stamp = c.timestampToken().map(Timestamps::read).map(s -> t.get("evidence.timestampCover", t.utc(s.time()),
                            s.authority(), s.serial(), s.sha256())).orElse(t.get("evidence.timestampCoverNone"));
                    pdf.paragraph(t.get("evidence.timestampLine", i + 1, t.local(c.capturedAt(), c.zoneId()), t.utc(c.capturedAt()), stamp));
                    pdf.space(3);
                }
                pdf.space(6);
            }
            pdf.paragraph(t.get("evidence.findings", in.captures().size()));

            for (int i = 0; i < in.captures().size(); i++) {
                pdf.newPage();
                pdf.heading(t.get("evidence.finding", i + 1, in.captures().size()), 14);
                capture(pdf, t, in.captures().get(i), artifacts, "finding-" + (i + 1));
                if (!notesPerCapture.get(i).isEmpty()) {
                    pdf.heading(t.get("evidence.notes"), 12);
                    notesPerCapture.get(i).forEach(n -> {
                        pdf.paragraph(n);
                        pdf.space(4);
                    });
                }
            }
            PdfaDocument.Written w = pdf.save(t.get("evidence.title") + ": " + caseTitle, in.generatedBy(), in.generatedAt(), out);
            return new ReportResult(w.pages(), w.sha256(), redactor.counts());
        }
    }

    private static List<String> banner(Texts t) {
        return List.of(t.get("banner"), t.get("banner.incorrect"));
    }

    private static String transparency(Texts t, Optional<TransparencyNote> note) {
        return note.map(n -> t.get("evidence.transparencyRecorded", t.date(n.toldOn()), t.enumText("channel", n.channel()), n.toldBy(),
                t.utc(n.recorded()) + " UTC", n.recordedBy())).orElse(t.get("evidence.transparencyMissing"));
    }

    /**
     * One capture: its facts and hashes, the full-page screenshot over as many pages as it needs, and its WARC and
     * manifest embedded as associated files, each checked against the hash the store holds for it (R17).
     */
    private static void capture(PdfaDocument pdf, Texts t, Capture c, ArtifactSource artifacts, String prefix) {
        captureFacts(pdf, t, c);

        List<String> embedded = new ArrayList<>();
        for (Map.Entry<String, String> a : new TreeMap<>(c.artifacts()).entrySet()) {
            if (isWarc(a.getKey())) {
                embed(pdf, artifacts, prefix + "-" + a.getKey(), "application/warc", a.getKey(), a.getValue(), c);
                embedded.add(prefix + "-" + a.getKey());
            }
        }
        embed(pdf, artifacts, prefix + "-manifest.json", "application/json", "manifest", c.manifestSha256(), c);
        embedded.add(prefix + "-manifest.json");
        pdf.field(t.get("evidence.embedded"), String.join(", ", embedded));

        Optional<String> screenshot = screenshot(c);
        pdf.space(8);
        if (screenshot.isEmpty()) {
            pdf.paragraph(t.get("evidence.noScreenshot"));
            return;
        }
        pdf.image(readImage(artifacts, screenshot.get(), c));
    }

    /** What a capture is: URL, status, times, operator, tool, record class, every hash and the timestamp (R7, R17). */
    private static void captureFacts(PdfaDocument pdf, Texts t, Capture c) {
        pdf.field(t.get("evidence.url"), c.url());
        if (!c.finalUrl().equals(c.url())) {
            pdf.field(t.get("evidence.finalUrl"), c.finalUrl());
        }
        pdf.field(t.get("evidence.status"), String.valueOf(c.httpStatus()));
        pdf.field(t.get("evidence.capturedUtc"), t.utc(c.capturedAt()));
        pdf.field(t.get("evidence.capturedLocal"), t.local(c.capturedAt(), c.zoneId()));
        pdf.field(t.get("evidence.operator"), c.operatorId());
        pdf.field(t.get("evidence.tool"), c.tool());
        pdf.field(t.get("evidence.recordClass"), t.enumText("record", c.recordClass()));
        for (Map.Entry<String, String> a : new TreeMap<>(c.artifacts()).entrySet()) {
            pdf.field(t.get("evidence.artifact", a.getKey()), a.getValue());
        }
        pdf.field(t.get("evidence.manifest"), c.manifestSha256());
        pdf.field(t.get("evidence.timestamp"), c.timestampToken().map(Timestamps::read)
                .map(s -> t.get("evidence.timestampValue", t.utc(s.time()), s.authority())).orElse(t.get("evidence.timestampNone")));
    }

    static boolean isWarc(String artifact) {
        return artifact.endsWith(".warc") || artifact.endsWith(".warc.gz");
    }

    /** The full-page screenshot: the PNG artifact whose name says "full", else the only PNG. */
    static Optional<String> screenshot(Capture c) {
        List<String> pngs = c.artifacts().keySet().stream().filter(n -> n.endsWith(".png")).sorted().toList();
        return pngs.stream().filter(n -> n.contains("full")).findFirst().or(() -> pngs.stream().findFirst())
                .map(n -> c.artifacts().get(n));
    }

    private static void embed(PdfaDocument pdf, ArtifactSource artifacts, String name, String mime, String what, String sha256, Capture c) {
        try (InputStream in = artifacts.open(sha256)) {
            String actual = pdf.attach(name, mime, what + " SHA-256 " + sha256, "Source", c.capturedAt(), in);
            if (!actual.equals(sha256)) {
                throw new InsynException(InsynException.Kind.INTEGRITY, Optional.of(org.insyn.core.Rule.R17), "report.hashMismatch", what,
                        c.id(), sha256, actual);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the whole screenshot and checks its hash before it is drawn (R17). */
    private static BufferedImage readImage(ArtifactSource artifacts, String sha256, Capture c) {
        try (InputStream in = artifacts.open(sha256)) {
            byte[] bytes = in.readAllBytes();
            String actual = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
            if (!actual.equals(sha256)) {
                throw new InsynException(InsynException.Kind.INTEGRITY, Optional.of(org.insyn.core.Rule.R17), "report.hashMismatch",
                        "screenshot", c.id(), sha256, actual);
            }
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IOException("the screenshot " + sha256 + " is not an image ImageIO can read");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- transparency letter (R4) --------------------------------------------------------------------------

    @Override
    public ReportResult letter(LetterInput in, OutputStream out) {
        Texts t = new Texts(in.locale());
        try (PdfaDocument pdf = new PdfaDocument(List.of(), in.unitName())) {
            pdf.newPage();
            pdf.paragraph(pdf.regular, 10, in.unitName() + "\n" + t.date(in.date()));
            pdf.space(24);
            pdf.heading(t.get("letter.title"), 16);
            pdf.space(6);
            pdf.paragraph(pdf.regular, 11, t.get("letter.greeting", in.clientName()));
            for (String p : List.of(t.get("letter.p1", in.unitName()), t.get("letter.p2"), t.get("letter.p3"), t.get("letter.p4"))) {
                pdf.space(8);
                pdf.paragraph(pdf.regular, 11, p);
            }
            pdf.space(8);
            pdf.paragraph(pdf.regular, 11, t.get("letter.contact", in.contact()));
            pdf.space(16);
            pdf.paragraph(pdf.regular, 11, t.get("letter.closing") + "\n" + in.caseworkerName() + "\n" + in.unitName());
            PdfaDocument.Written w = pdf.save(t.get("letter.title"), in.caseworkerName(), in.date().atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), out);
            return new ReportResult(w.pages(), w.sha256(), Map.of());
        }
    }

    // ---- statistics (R13) ------------------------------------------------------------------------------------

    @Override
    public ReportResult statistics(StatisticsInput in, OutputStream out) {
        Texts t = new Texts(in.locale());
        try (PdfaDocument pdf = new PdfaDocument(List.of(), t.get("generated", t.utc(in.generatedAt()) + " UTC", in.generatedBy()))) {
            pdf.heading(in.title(), 16);
            pdf.paragraph(t.get("stats.threshold", in.threshold()));
            for (Table table : in.tables()) {
                pdf.heading(t.get("stats.table", t.enumText("dimension", table.rows()), t.enumText("dimension", table.columns()).toLowerCase(in.locale())), 12);
                int columns = table.columnKeys().size() + 2;
                float[] offsets = new float[columns];
                float first = 130;
                float rest = (PdfaDocument.WIDTH - first) / (columns - 1);
                for (int i = 1; i < columns; i++) {
                    offsets[i] = first + (i - 1) * rest;
                }
                List<String> head = new ArrayList<>();
                head.add("");
                table.columnKeys().forEach(k -> head.add(label(t, table.columns(), k)));
                head.add(t.get("stats.total"));
                pdf.wrappedRow(pdf.bold, 7, offsets, head);
                for (int r = 0; r <= table.rowKeys().size(); r++) {
                    List<String> cells = new ArrayList<>();
                    cells.add(r < table.rowKeys().size() ? label(t, table.rows(), table.rowKeys().get(r)) : t.get("stats.total"));
                    for (int c = 0; c <= table.columnKeys().size(); c++) {
                        cells.add(table.at(r, c).map(String::valueOf).orElse("–"));
                    }
                    pdf.row(r < table.rowKeys().size() ? pdf.regular : pdf.bold, 8, offsets, cells);
                }
            }
            PdfaDocument.Written w = pdf.save(in.title(), in.generatedBy(), in.generatedAt(), out);
            return new ReportResult(w.pages(), w.sha256(), Map.of());
        }
    }

    /** Reasons and outcomes by name (a table head wraps them within their column); units and months as they are. */
    private static String label(Texts t, org.insyn.core.stats.Dimension d, String key) {
        return switch (d) {
            case REASON -> t.get("reason." + key);
            case OUTCOME -> t.get("outcome." + key);
            default -> key;
        };
    }

    // ---- subject access (R14) --------------------------------------------------------------------------------

    /**
     * R12 for the person themself: they see their own name, but everything that may identify someone else is scrubbed
     * (relatives' names, and numbers, e-mail and street addresses, which the redactor cannot tell apart from theirs),
     * as secrecy protects third parties; the worker adds further terms after a secrecy review.
     */
    private static Redactor subjectRedactor(SubjectAccessInput in) {
        return new Redactor(EnumSet.allOf(PersonalDetail.class), in.held().subject().relatives(), List.of(in.held().subject().name()),
                in.redactTerms(), in.locale());
    }

    @Override
    public String subjectAccessJson(SubjectAccessInput in) {
        Redactor redactor = subjectRedactor(in);
        return json(in.held().scrubbed(redactor::scrub), redactor);
    }

    /** The scrubbed record with the counts of what was removed (never the values). */
    private static String json(SubjectAccess scrubbed, Redactor redactor) {
        ObjectNode root = (ObjectNode) JsonTree.tree(scrubbed);
        root.set("redacted", JsonTree.tree(new TreeMap<>(redactor.counts())));
        return JsonTree.write(root);
    }

    @Override
    public ReportResult subjectAccess(SubjectAccessInput in, OutputStream out) {
        Texts t = new Texts(in.locale());
        Redactor redactor = subjectRedactor(in);
        SubjectAccess held = in.held().scrubbed(redactor::scrub);
        String json = json(held, redactor);
        Subject subject = held.subject();
        CaseFile c = held.caseFile();
        try (PdfaDocument pdf = new PdfaDocument(banner(t), t.get("generated", t.utc(held.generated()) + " UTC", held.generatedBy()))) {
            pdf.heading(t.get("subject.title", subject.name()), 16);
            pdf.paragraph(t.get("subject.intro"));
            pdf.space(4);
            pdf.paragraph(t.get("subject.redaction") + " " + t.get("subject.redacted", redactor.summary()));

            pdf.heading(t.get("subject.person"), 12);
            pdf.field(t.get("subject.name"), subject.name());
            pdf.field(t.get("subject.relatives"), subject.relatives().isEmpty() ? t.get("subject.none") : String.join(", ", subject.relatives()));
            subject.city().ifPresent(city -> pdf.field(t.get("subject.city"), city));
            subject.district().ifPresent(district -> pdf.field(t.get("subject.district"), district));

            pdf.heading(t.get("subject.case"), 12);
            pdf.field(t.get("evidence.case"), c.title() + " (" + c.id() + ")");
            pdf.field(t.get("evidence.unit"), c.unitId());
            pdf.field(t.get("subject.owner"), c.ownerId());
            pdf.field(t.get("subject.opened"), t.utc(c.opened()) + " UTC");
            pdf.field(t.get("subject.closed"), c.closed().map(at -> t.utc(at) + " UTC").orElse(t.get("subject.open")));
            pdf.field(t.get("subject.legalHold"), t.get(c.legalHold() ? "subject.yes" : "subject.no"));
            pdf.field(t.get("subject.flagged"), t.get(c.flagged() ? "subject.yes" : "subject.no"));

            pdf.heading(t.get("evidence.transparency"), 12);
            if (held.transparencyNotes().isEmpty()) {
                pdf.paragraph(transparency(t, Optional.empty()));
            }
            held.transparencyNotes().forEach(n -> pdf.paragraph(transparency(t, Optional.of(n))));

            pdf.heading(t.get("evidence.justifications"), 12);
            if (held.justifications().isEmpty()) {
                pdf.paragraph(t.get("subject.none"));
            }
            for (Justification j : held.justifications()) {
                pdf.paragraph(t.get("evidence.justification", t.enumText("reason", j.reason()), t.utc(j.created()) + " UTC", j.authorId()) + "\n"
                        + j.text());
                for (Review r : held.reviews()) {
                    if (r.justificationId() == j.id()) {
                        pdf.paragraph(t.get("evidence.review", t.enumText("decision", r.decision()), t.utc(r.at()) + " UTC", r.reviewerId())
                                + (r.comment().isBlank() ? "" : ": " + r.comment()));
                    }
                }
                pdf.space(4);
            }

            pdf.heading(t.get("subject.searches", held.searches().size()), 12);
            if (held.searches().isEmpty()) {
                pdf.paragraph(t.get("subject.none"));
            }
            for (SearchRun run : held.searches()) {
                Optional<Justification> why = held.justifications().stream().filter(j -> j.id() == run.justificationId()).findFirst();
                pdf.paragraph(pdf.bold, 10, t.get("subject.search", run.id(), t.utc(run.started()), run.userId(),
                        why.map(j -> t.enumText("reason", j.reason())).orElse(String.valueOf(run.justificationId()))));
                pdf.field(t.get("subject.query"), run.query());
                pdf.field(t.get("subject.sources"), String.join(", ", run.sources()));
                pdf.field(t.get("subject.finished"), run.finished().map(at -> t.utc(at) + " UTC").orElse(t.get("subject.running")));
                List<Hit> hits = held.hits().stream().filter(h -> h.runId() == run.id()).toList();
                if (hits.isEmpty()) {
                    pdf.paragraph(t.get("subject.noHits"));
                }
                for (Hit h : hits) {
                    pdf.paragraph(t.get("subject.hit", t.enumText("relevance", h.relevance())) + ": " + h.title() + "\n" + h.url() + "\n"
                            + h.snippet() + h.author().map(a -> " (" + a + ")").orElse(""));
                }
                pdf.space(6);
            }

            pdf.heading(t.get("subject.notes", held.notes().size()), 12);
            if (held.notes().isEmpty()) {
                pdf.paragraph(t.get("subject.none"));
            }
            for (Note n : held.notes()) {
                pdf.paragraph(t.get("evidence.note", t.utc(n.modified()) + " UTC", n.authorId()) + " (" + t.enumText("record", n.recordClass())
                        + ")\n" + n.text());
                pdf.space(4);
            }

            pdf.heading(t.get("subject.captures", held.captures().size()), 12);
            if (!held.captures().isEmpty()) {
                pdf.paragraph(t.get("subject.capturesNote"));
            }
            for (Capture capture : held.captures()) {
                pdf.space(6);
                captureFacts(pdf, t, capture);
            }

            pdf.heading(t.get("subject.audit", held.audit().size()), 12);
            for (AuditEntry a : held.audit()) {
                pdf.paragraph(pdf.regular, 8, a.seq() + "  " + t.utc(a.at()) + " UTC  " + a.actorId() + "  " + a.action() + "  " + a.target()
                        + (a.detail().isBlank() ? "" : "  " + a.detail()));
            }
            pdf.attach("subject-access.json", "application/json", "R14 subject access, JSON", "Data", held.generated(),
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
            PdfaDocument.Written w = pdf.save(t.get("subject.title", subject.name()), held.generatedBy(), held.generated(), out);
            return new ReportResult(w.pages(), w.sha256(), redactor.counts());
        }
    }

    // ---- yearly archive (R11) --------------------------------------------------------------------------------

    @Override
    public ReportResult archive(ArchiveInput in, ArtifactSource artifacts, OutputStream out) {
        Texts t = new Texts(in.locale());
        String title = t.get("archive.title", String.valueOf(in.year()), in.serviceName());
        try (PdfaDocument pdf = new PdfaDocument(List.of(title), t.get("generated", t.utc(in.generatedAt()) + " UTC", in.generatedBy()))) {
            pdf.heading(title, 16);
            pdf.field(t.get("evidence.generated"), t.utc(in.generatedAt()) + " UTC, " + in.generatedBy());
            pdf.heading(t.get("archive.pages", in.captures().size()), 12);
            for (Capture c : in.captures()) {
                pdf.paragraph(c.url() + "  (" + t.utc(c.capturedAt()) + " UTC)");
            }
            if (!in.missed().isEmpty()) {
                pdf.heading(t.get("archive.missed", in.missed().size()), 12);
                in.missed().forEach(m -> pdf.paragraph(m.url() + "\n" + m.reason()));
            }
            for (int i = 0; i < in.captures().size(); i++) {
                pdf.newPage();
                pdf.heading(in.captures().get(i).url(), 12);
                capture(pdf, t, in.captures().get(i), artifacts, "page-" + (i + 1));
            }
            PdfaDocument.Written w = pdf.save(title, in.generatedBy(), in.generatedAt(), out);
            return new ReportResult(w.pages(), w.sha256(), Map.of());
        }
    }
}
