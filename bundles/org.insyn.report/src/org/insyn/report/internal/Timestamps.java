package org.insyn.report.internal;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Optional;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

/** R17: what a report shows of an RFC 3161 timestamp token: its time and the authority that issued it. */
final class Timestamps {
    private Timestamps() {
    }

    /** The time, the authority's name, the token's serial number (decimal) and the SHA-256 of the whole token. */
    record Stamp(Instant time, String authority, String serial, String sha256) {
    }

    /** The token's time and authority: the TSA name in the token, else the subject of the certificate that signed it. */
    static Stamp read(byte[] token) {
        try {
            TimeStampToken t = new TimeStampToken(new CMSSignedData(token));
            Instant time = t.getTimeStampInfo().getGenTime().toInstant();
            Optional<String> tsa = Optional.ofNullable(t.getTimeStampInfo().getTsa()).map(n -> n.getName().toString());
            return new Stamp(time, tsa.orElseGet(() -> signer(t)), t.getTimeStampInfo().getSerialNumber().toString(),
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (CMSException | TSPException | IOException e) {
            throw new IllegalArgumentException("not an RFC 3161 timestamp token: " + e.getMessage(), e);
        }
    }

    private static String signer(TimeStampToken token) {
        Collection<X509CertificateHolder> certs = token.getCertificates().getMatches(token.getSID());
        return certs.stream().findFirst().map(X509CertificateHolder::getSubject).map(X500Name::toString).orElse("?");
    }
}
