package org.insyn.capture.internal;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Selector;
import org.insyn.core.service.VerifyReport.Kind;
import org.insyn.core.service.VerifyReport.Problem;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * R17: checks one sealed capture. The manifest must still have the hash it was sealed with, every artifact it
 * lists must still have its size and SHA-256, the hashes recorded elsewhere (the store) must agree with it, and
 * the timestamp token must cover the manifest and carry a valid signature. Each mismatch is one problem.
 */
final class CaptureVerifier {
    private final List<X509Certificate> anchors;
    private TimestampTrust.Verdict verdict;

    CaptureVerifier() {
        this(List.of());
    }

    /** @param anchors the timestamp authorities the city trusts; with none, a token's own certificate is all there is */
    CaptureVerifier(List<X509Certificate> anchors) {
        this.anchors = List.copyOf(anchors);
    }

    /**
     * @param where         how the problems name the capture ("capture 12")
     * @param manifest      reads the manifest's bytes as stored
     * @param sealedSha256  the manifest hash recorded when it was sealed
     * @param recorded      artifact hashes recorded beside the manifest (by name), empty when there are none
     * @param content       reads an artifact's bytes by name; throws when it is missing or unreadable
     * @param token         the RFC 3161 token, when the capture was timestamped
     */
    List<Problem> verify(String where, Supplier<byte[]> manifest, String sealedSha256, Map<String, String> recorded,
            Function<String, byte[]> content, Optional<byte[]> token) {
        List<Problem> problems = new ArrayList<>();
        verdict = null;
        byte[] sealed;
        try {
            sealed = manifest.get();
        } catch (RuntimeException e) {
            problems.add(problem(where, Evidence.MANIFEST, "the manifest cannot be read: " + e.getMessage()));
            return problems;
        }
        if (!Hashes.sha256(sealed).equals(sealedSha256)) {
            problems.add(problem(where, Evidence.MANIFEST, "the manifest's SHA-256 is " + Hashes.sha256(sealed)
                    + ", sealed as " + sealedSha256));
        }
        JsonNode listed;
        try {
            listed = Cdp.JSON.readTree(sealed).path("artifacts");
        } catch (IOException e) {
            problems.add(problem(where, Evidence.MANIFEST, "the manifest cannot be read: " + e.getMessage()));
            listed = Cdp.JSON.createArrayNode();
        }
        for (JsonNode a : listed) {
            String name = a.path("name").asText();
            String sha256 = a.path("sha256").asText();
            if (recorded.containsKey(name) && !recorded.get(name).equals(sha256)) {
                problems.add(problem(where, name, "the store records " + recorded.get(name) + ", the manifest " + sha256));
            }
            byte[] bytes;
            try {
                bytes = content.apply(name);
            } catch (RuntimeException e) {
                problems.add(problem(where, name, "the artifact cannot be read: " + e.getMessage()));
                continue;
            }
            if (!Hashes.sha256(bytes).equals(sha256) || bytes.length != a.path("bytes").asLong()) {
                problems.add(problem(where, name, "the artifact's SHA-256 is " + Hashes.sha256(bytes) + " ("
                        + bytes.length + " bytes), the manifest says " + sha256 + " (" + a.path("bytes").asLong() + " bytes)"));
            }
        }
        token.ifPresent(t -> checkToken(where, sealed, t, problems));
        return problems;
    }

    /** Who signed the last verified capture's timestamp and whether they are trusted; empty when it had no valid one. */
    Optional<TimestampTrust.Verdict> verdict() {
        return Optional.ofNullable(verdict);
    }

    private void checkToken(String where, byte[] manifest, byte[] encoded, List<Problem> problems) {
        try {
            TimeStampToken token = new TimeStampToken(new CMSSignedData(encoded));
            boolean covers = Arrays.equals(token.getTimeStampInfo().getMessageImprintDigest(), Hashes.sha256Bytes(manifest));
            if (!covers) {
                problems.add(problem(where, Evidence.TIMESTAMP, "the timestamp does not cover this manifest"));
            }
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> signers = token.getCertificates()
                    .getMatches((Selector<X509CertificateHolder>) (Selector<?>) token.getSID());
            if (signers.isEmpty()) {
                problems.add(problem(where, Evidence.TIMESTAMP, "the timestamp carries no certificate of its authority"));
                return;
            }
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(signers.iterator().next());
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
            // R17: a valid signature by the certificate inside the token is not yet trust
            List<X509Certificate> carried = new ArrayList<>();
            for (X509CertificateHolder h : token.getCertificates().getMatches(null)) {
                carried.add(new JcaX509CertificateConverter().getCertificate(h));
            }
            TimestampTrust.Verdict judged = TimestampTrust.judge(cert, carried, token.getTimeStampInfo().getGenTime(), anchors);
            verdict = covers ? judged : null;
            // with no anchors configured at all, the signer is reported untrusted but not counted as a finding
            if (!anchors.isEmpty() && !judged.trusted()) {
                problems.add(problem(where, Evidence.TIMESTAMP, "the timestamp is valid but signed by " + judged.signedBy()
                        + ", whom none of the trusted timestamp authorities vouches for: " + judged.reason()));
            }
        } catch (TSPException e) {
            problems.add(problem(where, Evidence.TIMESTAMP, "the timestamp's signature is not valid: " + e.getMessage()));
        } catch (IOException | CMSException | java.security.cert.CertificateException
                | org.bouncycastle.operator.OperatorCreationException | RuntimeException e) {
            problems.add(problem(where, Evidence.TIMESTAMP, "the timestamp cannot be read: " + e.getMessage()));
        }
    }

    private static Problem problem(String where, String artifact, String detail) {
        return new Problem(Kind.CAPTURE_MISMATCH, where + "/" + artifact, detail);
    }
}
