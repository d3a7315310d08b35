package org.insyn.capture.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.insyn.core.model.NetworkRequest;

/** R17: asks an RFC 3161 timestamp authority to seal a SHA-256 digest and returns the DER-encoded token. */
final class TimestampClient {
    private static final SecureRandom NONCES = new SecureRandom();

    private final URI authority;
    private final Consumer<NetworkRequest> log;
    private final String userId;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    TimestampClient(URI authority) {
        this(authority, r -> {
        }, "");
    }

    /** R15: each request to the authority goes to {@code log} like every other request of the product. */
    TimestampClient(URI authority, Consumer<NetworkRequest> log, String userId) {
        this.authority = authority;
        this.log = log;
        this.userId = userId;
    }

    URI authority() {
        return authority;
    }

    /** The token over {@code sha256}, checked to answer this very request (digest, nonce, status). */
    byte[] timestamp(byte[] sha256) throws IOException, InterruptedException {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(64, NONCES));
        Instant start = Instant.now();
        HttpResponse<byte[]> reply;
        try {
            reply = http.send(HttpRequest.newBuilder(authority).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            log(start, 0, 0, String.valueOf(e.getMessage() == null ? e : e.getMessage()));
            throw e;
        }
        log(start, reply.statusCode(), reply.body().length, reply.statusCode() == 200 ? "ok" : "HTTP " + reply.statusCode());
        if (reply.statusCode() != 200) {
            throw new IOException("HTTP " + reply.statusCode());
        }
        try {
            TimeStampResponse response = new TimeStampResponse(reply.body());
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new IOException("refused: " + response.getStatusString());
            }
            return response.getTimeStampToken().getEncoded();
        } catch (TSPException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private void log(Instant start, int status, long bytes, String outcome) {
        log.accept(new NetworkRequest(0, start, userId, "timestamp", "POST", authority.toString(), status, bytes,
                Duration.between(start, Instant.now()).toMillis(), outcome, Optional.empty()));
    }
}
