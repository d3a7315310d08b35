package org.insyn.capture.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.insyn.core.InsynException;
import org.insyn.core.service.VerifyReport.Kind;
import org.insyn.core.service.VerifyReport.Problem;

import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.cdx.CdxFormat;
import org.netpreserve.jwarc.cdx.CdxWriter;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A capture as a WACZ 1.1.1 package for courts and reviewers: the WARC under archive/ with its CDXJ index, a pages
 * list, the screenshots, DOM, MHTML, media, manifest and timestamp token under capture/, datapackage.json with every
 * file's SHA-256 and datapackage-digest.json with the hash of datapackage.json. The WARC, the index and the images are
 * stored, not deflated, so that a replay tool can seek straight into them.
 */
final class Wacz {
    private static final String DATAPACKAGE = "datapackage.json";
    private static final String DIGEST = "datapackage-digest.json";

    private Wacz() {
    }

    static String path(String artifact) {
        return artifact.equals("capture.warc.gz") ? "archive/data.warc.gz" : "capture/" + artifact;
    }

    static void write(Evidence evidence, OutputStream out) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        evidence.artifacts().forEach(a -> files.put(path(a.name()), a.content()));
        files.put(path(Evidence.MANIFEST), evidence.manifest());
        evidence.timestampToken().ifPresent(t -> files.put(path(Evidence.TIMESTAMP), t));
        ObjectNode header = Cdp.JSON.createObjectNode().put("format", "json-pages-1.0").put("id", "pages").put("title", "All Pages");
        ObjectNode page = Cdp.JSON.createObjectNode().put("id", evidence.manifestSha256().substring(0, 32))
                .put("url", evidence.finalUrl()).put("ts", evidence.capturedAt().toString()).put("title", evidence.title());
        files.put("pages/pages.jsonl", (header + "\n" + page + "\n").getBytes(StandardCharsets.UTF_8));
        files.put("indexes/index.cdx", index(files.get(path("capture.warc.gz"))));

        ObjectNode pkg = Cdp.JSON.createObjectNode().put("profile", "data-package").put("wacz_version", "1.1.1")
                .put("title", evidence.title()).put("created", Instant.now().toString()).put("software", evidence.tool())
                .put("mainPageUrl", evidence.finalUrl()).put("mainPageDate", evidence.capturedAt().toString());
        var resources = pkg.putArray("resources");
        files.forEach((path, bytes) -> resources.addObject().put("name", path.substring(path.lastIndexOf('/') + 1))
                .put("path", path).put("hash", "sha256:" + Hashes.sha256(bytes)).put("bytes", bytes.length));

        byte[] datapackage = Cdp.JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(pkg);
        files.put(DATAPACKAGE, datapackage);
        files.put(DIGEST, Cdp.JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(Cdp.JSON.createObjectNode()
                .put("path", DATAPACKAGE).put("hash", "sha256:" + Hashes.sha256(datapackage))));
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(entry(f.getKey(), f.getValue()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        }
    }

    /** WACZ 1.1.1: the archive, its index and files that are compressed already go in stored; the rest deflated. */
    private static ZipEntry entry(String path, byte[] bytes) {
        ZipEntry entry = new ZipEntry(path);
        if (path.startsWith("archive/") || path.startsWith("indexes/") || path.endsWith(".png") || path.endsWith(".gz")
                || path.endsWith(".jpg") || path.endsWith(".webm") || path.endsWith(".mp4")) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(bytes.length);
            entry.setCompressedSize(bytes.length);
            entry.setCrc(crc.getValue());
        }
        return entry;
    }

    /** The CDXJ index of the WARC (sorted, with each record's offset), so that replay tools find the pages. */
    private static byte[] index(byte[] warc) throws IOException {
        StringWriter index = new StringWriter();
        try (CdxWriter cdx = new CdxWriter(index); WarcReader reader = new WarcReader(new ByteArrayInputStream(warc))) {
            cdx.setFormat(CdxFormat.CDXJ);
            cdx.setSort(true);
            cdx.process(reader, "data.warc.gz");
        }
        return index.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Checks a package: every file against datapackage.json, then the capture inside it (manifest, artifacts, timestamp). */
    static List<Problem> verify(Path wacz) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (InputStream in = Files.newInputStream(wacz); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                files.put(e.getName(), zip.readAllBytes());
            }
        }
        String where = wacz.getFileName().toString();
        List<Problem> problems = new ArrayList<>();
        byte[] pkg = files.get(DATAPACKAGE);
        if (pkg == null) {
            return List.of(new Problem(Kind.CAPTURE_MISMATCH, where + "/" + DATAPACKAGE, "the package has no datapackage.json"));
        }
        byte[] digest = files.get(DIGEST);
        if (digest == null || !Cdp.JSON.readTree(digest).path("hash").asText().equals("sha256:" + Hashes.sha256(pkg))) {
            problems.add(new Problem(Kind.CAPTURE_MISMATCH, where + "/" + DIGEST, digest == null
                    ? "the package has no datapackage-digest.json" : "datapackage.json does not match datapackage-digest.json"));
        }
        for (var r : Cdp.JSON.readTree(pkg).path("resources")) {
            byte[] bytes = files.get(r.path("path").asText());
            String hash = "sha256:" + (bytes == null ? "" : Hashes.sha256(bytes));
            if (!hash.equals(r.path("hash").asText())) {
                problems.add(new Problem(Kind.CAPTURE_MISMATCH, where + "/" + r.path("path").asText(),
                        bytes == null ? "the file is missing" : "the file's hash is " + hash + ", datapackage.json says " + r.path("hash").asText()));
            }
        }
        byte[] manifest = files.get(path(Evidence.MANIFEST));
        if (manifest == null) {
            problems.add(new Problem(Kind.CAPTURE_MISMATCH, where + "/" + Evidence.MANIFEST, "the package has no capture manifest"));
            return problems;
        }
        // Inside a package the manifest is sealed by its datapackage entry and, above all, by the timestamp token.
        String sealed = "";
        for (var r : Cdp.JSON.readTree(pkg).path("resources")) {
            if (r.path("path").asText().equals(path(Evidence.MANIFEST))) {
                sealed = r.path("hash").asText().replaceFirst("^sha256:", "");
            }
        }
        problems.addAll(new CaptureVerifier().verify(where, () -> manifest, sealed, Map.of(), name -> Optional
                .ofNullable(files.get(path(name))).orElseThrow(() -> InsynException.notFound("artifact", name)),
                Optional.ofNullable(files.get(path(Evidence.TIMESTAMP)))));
        return problems;
    }
}
