package org.insyn.platform.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
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
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

import com.fasterxml.jackson.databind.ObjectMapper;

/** jwarc, Bouncy Castle (RFC 3161), Jackson and the Lucene highlighter, in OSGi. */
class MiscLibsTest {

    @Test
    void jwarcWriteRead(@TempDir Path dir) throws Exception {
        Path warc = dir.resolve("t.warc");
        byte[] html = "<html><body>hej åäö</body></html>".getBytes(StandardCharsets.UTF_8);
        try (WarcWriter w = new WarcWriter(warc)) {
            w.write(new Warcinfo.Builder().fields(Map.of("software", List.of("insyn-platform-test"))).build());
            w.write(new WarcResponse.Builder(URI.create("https://example.org/"))
                    .date(Instant.parse("2026-01-01T00:00:00Z"))
                    .body(new HttpResponse.Builder(200, "OK").body(MediaType.HTML, html).build())
                    .build());
        }
        List<String> types = new ArrayList<>();
        String body = null;
        try (WarcReader r = new WarcReader(warc)) {
            for (WarcRecord rec : r) {
                types.add(rec.type());
                if (rec instanceof Warcinfo wi) {
                    assertEquals("insyn-platform-test", wi.fields().first("software").orElseThrow());
                }
                if (rec instanceof WarcResponse resp) {
                    assertEquals(URI.create("https://example.org/"), resp.targetURI());
                    assertEquals(200, resp.http().status());
                    body = new String(resp.http().body().stream().readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertEquals(List.of("warcinfo", "response"), types);
        assertEquals("<html><body>hej åäö</body></html>", body);
    }

    @Test
    void bouncyCastleRfc3161() throws Exception {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA", "BC");
        kpg.initialize(2048);
        KeyPair kp = kpg.generateKeyPair();
        X500Name name = new X500Name("CN=Test TSA,O=Insyn");
        Date now = new Date();
        JcaX509v3CertificateBuilder cb = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                new Date(now.getTime() - 60_000), new Date(now.getTime() + 86_400_000L), name, kp.getPublic());
        cb.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        cb.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        X509CertificateHolder holder = cb.build(new JcaContentSignerBuilder("SHA256withRSA").setProvider("BC").build(kp.getPrivate()));
        X509Certificate cert = new JcaX509CertificateConverter().setProvider("BC").getCertificate(holder);

        DigestCalculatorProvider dcp = new JcaDigestCalculatorProviderBuilder().setProvider("BC").build();
        TimeStampTokenGenerator gen = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().setProvider("BC").build("SHA256withRSA", kp.getPrivate(), cert),
                dcp.get(new DefaultDigestAlgorithmIdentifierFinder().find("SHA-256")),
                new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
        gen.addCertificates(new JcaCertStore(List.of(cert)));

        byte[] digest = MessageDigest.getInstance("SHA-256").digest("hello".getBytes(StandardCharsets.UTF_8));
        TimeStampRequestGenerator rg = new TimeStampRequestGenerator();
        rg.setCertReq(true);
        TimeStampRequest req = rg.generate(TSPAlgorithms.SHA256, digest, BigInteger.valueOf(4711));
        TimeStampResponse resp = new TimeStampResponseGenerator(gen, TSPAlgorithms.ALLOWED).generate(req, BigInteger.TEN, now);
        resp.validate(req);

        // round trip through DER, then validate signature + ESSCertIDv2 against the TSA certificate
        TimeStampToken token = new TimeStampToken(new CMSSignedData(resp.getTimeStampToken().getEncoded()));
        SignerInformationVerifier verifier = new JcaSimpleSignerInfoVerifierBuilder().setProvider("BC").build(cert);
        token.validate(verifier);
        assertArrayEquals(digest, token.getTimeStampInfo().getMessageImprintDigest());
        assertEquals(BigInteger.valueOf(4711), token.getTimeStampInfo().getNonce());
        assertTrue(token.isSignatureValid(verifier));
        System.out.println("BC provider " + Security.getProvider("BC").getVersionStr() + " from bundle "
                + org.osgi.framework.FrameworkUtil.getBundle(BouncyCastleProvider.class));
    }

    public record Note(long id, String body, List<String> tags) {}

    @Test
    void jacksonRecord() throws Exception {
        ObjectMapper om = new ObjectMapper();
        String json = om.writeValueAsString(new Note(1, "hej åäö", List.of("a", "b")));
        assertEquals("{\"id\":1,\"body\":\"hej åäö\",\"tags\":[\"a\",\"b\"]}", json);
        assertEquals(new Note(1, "hej åäö", List.of("a", "b")), om.readValue(json, Note.class));
    }

    @Test
    void luceneHighlighter() throws Exception {
        Analyzer a = new EnglishAnalyzer();
        Query q = new QueryParser("body", a).parse("jumping");
        Highlighter h = new Highlighter(new SimpleHTMLFormatter("<b>", "</b>"), new QueryScorer(q, "body"));
        String frag = h.getBestFragment(a, "body", "The quick brown fox jumps over the lazy dog");
        assertEquals("The quick brown fox <b>jumps</b> over the lazy dog", frag);
    }

}
