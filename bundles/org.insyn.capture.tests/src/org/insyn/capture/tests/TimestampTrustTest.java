package org.insyn.capture.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.insyn.capture.internal.TimestampTrust;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** R17: a timestamp is trusted only through a chain from its signer to an authority the city configured, never by itself. */
class TimestampTrustTest {
    private static final Date NOW = new Date();

    private static KeyPair keys() throws Exception {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
        kpg.initialize(2048);
        return kpg.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, PublicKey key, String issuer, PrivateKey signer, boolean ca) throws Exception {
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(System.nanoTime()),
                new Date(NOW.getTime() - 60_000), new Date(NOW.getTime() + 86_400_000L), new X500Name(subject), key);
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (ca) {
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        }
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer)));
    }

    private static void pem(Path file, X509Certificate c) throws Exception {
        Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(c.getEncoded()) + "\n-----END CERTIFICATE-----\n");
    }

    @Test
    void R17_aTimestampAuthorityIssuedByATrustedRootIsTrustedAndAStrangerIsNot(@TempDir Path anchors) throws Exception {
        KeyPair root = keys();
        KeyPair tsa = keys();
        X509Certificate rootCert = certificate("CN=Stadens rot-CA,O=Staden", root.getPublic(), "CN=Stadens rot-CA,O=Staden", root.getPrivate(),
                true);
        X509Certificate tsaCert = certificate("CN=Stadens tidsstämpel,O=Staden", tsa.getPublic(), "CN=Stadens rot-CA,O=Staden",
                root.getPrivate(), false);
        KeyPair stranger = keys();
        X509Certificate strangerCert = certificate("CN=Okänd TSA", stranger.getPublic(), "CN=Okänd TSA", stranger.getPrivate(), false);
        pem(anchors.resolve("rot.pem"), rootCert);
        Files.writeString(anchors.resolve("readme.txt"), "not a certificate, not read");

        List<X509Certificate> trusted = TimestampTrust.anchors(anchors);
        assertEquals(List.of(rootCert), trusted);

        TimestampTrust.Verdict ok = TimestampTrust.judge(tsaCert, List.of(), NOW, trusted);
        assertTrue(ok.trusted(), ok.reason());
        assertTrue(ok.signedBy().contains("CN=Stadens tidsstämpel"), ok.signedBy());

        TimestampTrust.Verdict untrusted = TimestampTrust.judge(strangerCert, List.of(strangerCert), NOW, trusted);
        assertFalse(untrusted.trusted(), "a certificate the token carries does not vouch for itself");
        assertFalse(untrusted.reason().isBlank());

        assertFalse(TimestampTrust.judge(tsaCert, List.of(rootCert), NOW, List.of()).trusted(), "no anchors, no trust");
        assertTrue(TimestampTrust.judge(strangerCert, List.of(), NOW, List.of(strangerCert)).trusted(), "an anchor trusted directly");
        assertFalse(TimestampTrust.judge(tsaCert, List.of(), new Date(NOW.getTime() + 3L * 86_400_000L), trusted).trusted(),
                "the chain as it stood when the token was made: expired then, untrusted");
    }
}
