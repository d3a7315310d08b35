package org.insyn.capture.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.security.auth.x500.X500Principal;

/**
 * R17: whether a timestamp's signer is one the city trusts. A token carries its authority's certificate, so a valid
 * signature alone only says the token was not changed; trust comes from a chain from that certificate to one of the
 * configured trust anchors (PEM certificates in a folder), as the certificate stood when the token was made.
 */
public final class TimestampTrust {
    /** Who signed, whether a trusted authority vouches for them, and why not when it does not. */
    public record Verdict(String signedBy, boolean trusted, String reason) {
    }

    private TimestampTrust() {
    }

    /** The certificates of a folder's {@code *.pem}, {@code *.crt} and {@code *.cer} files (PEM or DER); none when there is no folder. */
    public static List<X509Certificate> anchors(Path folder) throws IOException {
        List<X509Certificate> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.{pem,crt,cer}")) {
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            for (Path f : files) {
                try (InputStream in = Files.newInputStream(f)) {
                    x509.generateCertificates(in).forEach(c -> out.add((X509Certificate) c));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("a trust anchor in " + folder + " cannot be read: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * @param signer the certificate the token's signature was checked with
     * @param carried the certificates the token carries (intermediates)
     * @param at when the token was made
     */
    public static Verdict judge(X509Certificate signer, Collection<X509Certificate> carried, java.util.Date at,
            Collection<X509Certificate> anchors) {
        String signedBy = signer.getSubjectX500Principal().getName(X500Principal.RFC1779);
        if (anchors.isEmpty()) {
            return new Verdict(signedBy, false, "no trusted timestamp authorities are configured");
        }
        if (anchors.contains(signer)) {
            return new Verdict(signedBy, true, "");
        }
        try {
            Set<TrustAnchor> trust = anchors.stream().map(a -> new TrustAnchor(a, null)).collect(Collectors.toSet());
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(signer);
            PKIXBuilderParameters params = new PKIXBuilderParameters(trust, target);
            params.setRevocationEnabled(false);
            params.setDate(at);
            List<X509Certificate> pool = new ArrayList<>(carried);
            pool.add(signer);
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(pool)));
            CertPathBuilder.getInstance("PKIX").build(params);
            return new Verdict(signedBy, true, "");
        } catch (GeneralSecurityException e) {
            return new Verdict(signedBy, false, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }
}
