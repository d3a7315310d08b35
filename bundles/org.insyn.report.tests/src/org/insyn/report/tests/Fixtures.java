package org.insyn.report.tests;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.insyn.core.model.Capture;
import org.insyn.core.model.CaseFile;
import org.insyn.core.model.Justification;
import org.insyn.core.model.Note;
import org.insyn.core.model.NoticeChannel;
import org.insyn.core.model.ReasonCategory;
import org.insyn.core.model.RecordClass;
import org.insyn.core.model.Review;
import org.insyn.core.model.ReviewDecision;
import org.insyn.core.model.ReviewPolicy;
import org.insyn.core.model.SearchMode;
import org.insyn.core.model.Subject;
import org.insyn.core.model.TransparencyNote;
import org.insyn.core.model.Unit;
import org.insyn.core.report.ArtifactSource;
import org.insyn.core.report.EvidenceInput;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Real artifacts for reports: PNG screenshots drawn with java.awt, WARC files written with jwarc, RFC 3161 tokens
 * signed by a throw-away timestamp authority with Bouncy Castle; stored as files named by their SHA-256, the way
 * a content-addressed blob store names them.
 */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-11-20T13:05:09Z");
    static final String TSA_NAME = "CN=Insyn Test TSA,O=Insyn";
    private static KeyPair tsaKeys;
    private static X509Certificate tsaCertificate;

    final Path dir;

    Fixtures(Path dir) {
        this.dir = dir;
    }

    ArtifactSource artifacts() {
        return sha -> {
            try {
                return Files.newInputStream(dir.resolve(sha));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    String put(byte[] bytes) {
        try {
            String sha = sha256(bytes);
            Files.write(dir.resolve(sha), bytes);
            return sha;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A page-like screenshot: a header band, then lines of text, with a coloured stripe every 500 rows. */
    static byte[] screenshot(int width, int height, String title) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x3b5998));
        g.fillRect(0, 0, width, 80);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 32));
        g.drawString(title, 24, 52);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
        for (int y = 120; y < height; y += 28) {
            if (y % 500 < 28) {
                g.setColor(new Color(0xE8F0FE));
                g.fillRect(0, y - 20, width, 24);
            }
            g.setColor(Color.DARK_GRAY);
            g.drawString("Rad " + y + ": säljer barnkläder, hämtas i Rinkeby. Pris enligt överenskommelse.", 24, y);
        }
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] warc(String url, String html) throws IOException {
        Path file = Files.createTempFile(dir, "capture", ".warc");
        try (WarcWriter w = new WarcWriter(file)) {
            w.write(new WarcResponse.Builder(URI.create(url)).date(T0)
                    .body(new HttpResponse.Builder(200, "OK").body(MediaType.HTML, html.getBytes(StandardCharsets.UTF_8)).build()).build());
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.delete(file);
        return bytes;
    }

    /** An RFC 3161 token over the digest, from a timestamp authority made for the test run. */
    static synchronized byte[] token(byte[] digest, Date time) throws Exception {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
        if (tsaKeys == null) {
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA", "BC");
            kpg.initialize(2048);
            tsaKeys = kpg.generateKeyPair();
            X500Name name = new X500Name(TSA_NAME);
            JcaX509v3CertificateBuilder cb = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, new Date(time.getTime() - 86_400_000L),
                    new Date(time.getTime() + 86_400_000L), name, tsaKeys.getPublic());
            cb.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            cb.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            X509CertificateHolder holder = cb.build(new JcaContentSignerBuilder("SHA256withRSA").setProvider("BC").build(tsaKeys.getPrivate()));
            tsaCertificate = new JcaX509CertificateConverter().setProvider("BC").getCertificate(holder);
        }
        DigestCalculatorProvider dcp = new JcaDigestCalculatorProviderBuilder().setProvider("BC").build();
        TimeStampTokenGenerator gen = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().setProvider("BC").build("SHA256withRSA", tsaKeys.getPrivate(), tsaCertificate),
                dcp.get(new org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder().find("SHA-256")),
                new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
        gen.addCertificates(new JcaCertStore(List.of(tsaCertificate)));
        TimeStampRequestGenerator rg = new TimeStampRequestGenerator();
        rg.setCertReq(true);
        var request = rg.generate(TSPAlgorithms.SHA256, digest, BigInteger.valueOf(7));
        return new TimeStampResponseGenerator(gen, TSPAlgorithms.ALLOWED).generate(request, BigInteger.TEN, time).getTimeStampToken().getEncoded();
    }

    /** A capture with a screenshot of the given height, a WARC and a manifest, all stored; timestamped when asked. */
    Capture capture(long id, String url, int screenshotHeight, boolean timestamped) throws Exception {
        Instant at = T0.plusSeconds(id * 60);
        Map<String, String> artifacts = new LinkedHashMap<>();
        artifacts.put("screenshot-full.png", put(screenshot(1280, screenshotHeight, "Lina S – Barnkläder " + id)));
        artifacts.put("screenshot-visible.png", put(screenshot(1280, 720, "Lina S")));
        artifacts.put("response.warc", put(warc(url, "<html><body><h1>Barnkläder " + id + "</h1></body></html>")));
        String manifestJson = "{\"url\":\"" + url + "\",\"capturedAt\":\"" + at + "\",\"artifacts\":{"
                + artifacts.entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"").reduce((a, b) -> a + "," + b).orElseThrow()
                + "}}";
        String manifest = put(manifestJson.getBytes(StandardCharsets.UTF_8));
        Optional<byte[]> token = timestamped ? Optional.of(token(HexFormat.of().parseHex(manifest), Date.from(at.plusSeconds(2)))) : Optional.empty();
        return new Capture(id, 7, 3, Optional.of(id), url, url, 200, at, "Europe/Stockholm", "anna", "Insyn 1.0.0 / Chromium", artifacts, manifest,
                token, RecordClass.CLIENT_FILE, true);
    }

    static final Unit UNIT = new Unit("rinkeby-ek", "Rinkeby-Kista ekonomiskt bistånd", ReviewPolicy.AFTER);
    static final Subject SUBJECT = new Subject(11, 7, "Lina Svensson", List.of("Omar Svensson", "Maja Lind"), Optional.of("Stockholm"),
            Optional.of("Rinkeby"));
    static final CaseFile CASE = new CaseFile(7, UNIT.id(), "Ekonomiskt bistånd Lina Svensson", "anna", T0.minusSeconds(86_400 * 30),
            Optional.empty(), false, false);
    static final Justification JUSTIFICATION = new Justification(3, Optional.of(7L), UNIT.id(), "anna", ReasonCategory.INCORRECT_INFORMATION,
            "Lina uppger ingen inkomst men annonserar försäljning; kontrollera annonserna. Hon nås på 070-123 45 67.", SearchMode.CLIENT,
            T0.minusSeconds(3600));
    static final Review REVIEW = new Review(1, 3, "sara", ReviewDecision.APPROVE, "Godkänd, skälet är tydligt.", T0.minusSeconds(1800));
    static final TransparencyNote NOTE = new TransparencyNote(2, 7, LocalDate.of(2026, 11, 2), NoticeChannel.IN_PERSON, "anna", "anna",
            T0.minusSeconds(86_400 * 18));

    static EvidenceInput evidence(List<Capture> captures, Locale locale) {
        Note note = new Note(5, 7, "anna", "Annonsen visar att Lina (850312-1231) säljer kläder; sambon Omar Svensson hämtar på Storgatan 12.",
                RecordClass.CLIENT_FILE, List.of(), captures.isEmpty() ? List.of() : List.of(captures.get(0).id()), T0, T0);
        // about the finding (hit) the second capture documents, not about the capture itself
        Note aboutHit = new Note(6, 7, "sara", "Profilen är öppen och uppdateras varje vecka.", RecordClass.CLIENT_FILE,
                captures.size() < 2 ? List.of() : List.of(captures.get(1).hitId().orElseThrow()), List.of(), T0, T0);
        return new EvidenceInput(CASE, UNIT, Optional.of(SUBJECT), List.of(JUSTIFICATION), Map.of(3L, List.of(REVIEW)), Optional.of(NOTE),
                captures, List.of(note, aboutHit), List.of(), "anna", T0.plusSeconds(7200), locale);
    }
}
