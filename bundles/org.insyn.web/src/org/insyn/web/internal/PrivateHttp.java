package org.insyn.web.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.insyn.core.model.NetworkRequest;
import org.insyn.core.service.SourceContext;
import org.insyn.core.service.SourceException;

/**
 * R15: the one HTTP client every source goes through. It keeps no cookies, sends no Referer and the same
 * neutral User-Agent for everyone, obeys robots.txt, waits between requests to the same host, stops answers
 * over the size cap or past the deadline, follows a bounded number of redirects, and logs every request.
 */
public final class PrivateHttp {
    /** The same for every user and unit, so that a request says nothing about who sent it. */
    public static final String USER_AGENT = "Mozilla/5.0 (compatible; Insyn/1.0)";
    static final String ROBOTS_TOKEN = "Insyn";
    private static final Duration ROBOTS_TTL = Duration.ofHours(1);

    /** Politeness and safety limits. */
    public record Limits(Duration minInterval, long maxBytes, int maxRedirects) {
        public static Limits defaults() {
            return new Limits(Duration.ofSeconds(1), 5L << 20, 5);
        }
    }

    /** A final (non-redirect, status below 400) answer. */
    public record Response(URI uri, int status, Optional<String> contentType, Optional<String> charset, byte[] body) {
        /** The media type without parameters, lower case, e.g. "text/html". */
        public String mediaType() {
            return contentType.map(t -> t.split(";")[0].strip().toLowerCase(Locale.ROOT)).orElse("");
        }
    }

    private record CachedRobots(Robots robots, Instant until) {
    }

    private final HttpClient client;
    private final Limits limits;
    private final Map<String, Instant> nextSlot = new ConcurrentHashMap<>();
    private final Map<String, CachedRobots> robots = new ConcurrentHashMap<>();
    private final Map<String, Object> robotsLocks = new ConcurrentHashMap<>();

    public PrivateHttp(Limits limits) {
        this.limits = limits;
        // No cookie handler: nothing is stored between requests. Redirects are followed here, to check and log each hop.
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public Limits limits() {
        return limits;
    }

    /** GETs the address, following redirects, and returns the final answer or says why there is none. */
    public Response get(URI uri, String purpose, SourceContext context) throws SourceException {
        return get(uri, Map.of(), purpose, context);
    }

    /**
     * GETs the address with the source's own request headers (such as an API token), following redirects. An answer
     * of 400 or more is a {@link StatusException} that keeps the body, so the source can say what the service meant.
     */
    public Response get(URI uri, Map<String, String> headers, String purpose, SourceContext context) throws SourceException {
        URI current = uri;
        for (int hop = 0; hop <= limits.maxRedirects(); hop++) {
            requireWeb(current);
            if (!robotsFor(current, context).allows(pathAndQuery(current))) {
                log(context, purpose, current, 0, 0, 0, "blocked by robots.txt");
                throw new SourceException("source.robots", current.toString());
            }
            Exchange answer = exchange(current, headers, purpose, context);
            if (answer.status / 100 == 3 && answer.location.isPresent()) {
                current = current.resolve(answer.location.get());
                continue;
            }
            if (answer.status >= 400) {
                throw new StatusException(answer.status, answer.body);
            }
            return new Response(current, answer.status, answer.contentType, answer.contentType.flatMap(PrivateHttp::charset),
                    answer.body);
        }
        throw new SourceException("source.redirects", limits.maxRedirects());
    }

    private record Exchange(int status, Optional<String> contentType, Optional<String> location, byte[] body) {
    }

    private Exchange exchange(URI uri, Map<String, String> headers, String purpose, SourceContext context)
            throws SourceException {
        awaitSlot(uri, context);
        Instant start = Instant.now();
        Duration left = Duration.between(start, context.deadline()).abs().plusMillis(1);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).GET().timeout(left).header("User-Agent", USER_AGENT)
                .header("Accept", "text/html,application/xhtml+xml,application/json,application/xml;q=0.9,*/*;q=0.8")
                .header("Accept-Language", "sv,en;q=0.7");
        headers.forEach(builder::setHeader);
        HttpRequest request = builder.build();
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request, info -> new CappedBody(limits.maxBytes(),
                info.headers().firstValueAsLong("Content-Length").orElse(-1)));
        try {
            HttpResponse<byte[]> response = await(pending, uri, context);
            byte[] body = response.body();
            log(context, purpose, uri, response.statusCode(), body.length, millisSince(start),
                    response.statusCode() < 400 ? "ok" : "HTTP " + response.statusCode());
            return new Exchange(response.statusCode(), response.headers().firstValue("Content-Type"),
                    response.headers().firstValue("Location"), body);
        } catch (SourceException e) {
            pending.cancel(true);
            log(context, purpose, uri, 0, e.key().equals("source.tooLarge") ? limits.maxBytes() : 0, millisSince(start),
                    e.getMessage());
            throw e;
        }
    }

    /** Waits for the answer in short steps, so that a cancelled search or a passed deadline ends it at once. */
    private static <T> T await(CompletableFuture<T> pending, URI uri, SourceContext context) throws SourceException {
        while (true) {
            if (context.cancelled().getAsBoolean()) {
                throw new SourceException("source.cancelled");
            }
            long left = Duration.between(Instant.now(), context.deadline()).toMillis();
            if (left <= 0) {
                throw timeout();
            }
            try {
                return pending.get(Math.min(left, 100), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // keep waiting until the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException("source.cancelled");
            } catch (ExecutionException e) {
                throw translate(e.getCause(), uri);
            }
        }
    }

    private static SourceException translate(Throwable cause, URI uri) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TooLarge large) {
                return new SourceException("source.tooLarge", large.limit);
            }
            if (t instanceof java.net.http.HttpTimeoutException) {
                return timeout();
            }
        }
        return new SourceException("source.network", uri.getHost(), cause.getMessage() == null ? cause.toString() : cause.getMessage());
    }

    private static SourceException timeout() {
        return new SourceException("source.timeout");
    }

    /** A polite gap between requests to the same host; a slot past the deadline is a timeout. */
    private void awaitSlot(URI uri, SourceContext context) throws SourceException {
        Instant slot = reserveSlot(origin(uri));
        Duration wait = Duration.between(Instant.now(), slot);
        if (slot.isAfter(context.deadline())) {
            throw timeout();
        }
        if (!wait.isNegative() && !wait.isZero()) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SourceException("source.cancelled");
            }
        }
    }

    private Instant reserveSlot(String origin) {
        Instant[] slot = new Instant[1];
        nextSlot.compute(origin, (k, next) -> {
            Instant now = Instant.now();
            slot[0] = next == null || next.isBefore(now) ? now : next;
            return slot[0].plus(limits.minInterval());
        });
        return slot[0];
    }

    private Robots robotsFor(URI uri, SourceContext context) throws SourceException {
        String origin = origin(uri);
        // one fetch per site even when several sources ask it at the same moment
        synchronized (robotsLocks.computeIfAbsent(origin, k -> new Object())) {
            CachedRobots cached = robots.get(origin);
            if (cached != null && cached.until.isAfter(Instant.now())) {
                return cached.robots;
            }
            return fetchRobots(origin, context);
        }
    }

    private Robots fetchRobots(String origin, SourceContext context) throws SourceException {
        Robots rules;
        URI robotsUri = URI.create(origin + "/robots.txt");
        try {
            Exchange answer = exchange(robotsUri, Map.of(), "robots.txt", context);
            // RFC 9309: no robots.txt (4xx) allows all; a server error means the site may not be crawled now.
            rules = answer.status >= 500 ? Robots.DISALLOW_ALL
                    : answer.status >= 300 ? Robots.ALLOW_ALL
                    : Robots.parse(new String(answer.body, StandardCharsets.UTF_8), ROBOTS_TOKEN);
        } catch (SourceException e) {
            if (e.key().equals("source.cancelled") || e.key().equals("source.timeout")) {
                throw e;
            }
            rules = Robots.DISALLOW_ALL;
        }
        robots.put(origin, new CachedRobots(rules, Instant.now().plus(ROBOTS_TTL)));
        return rules;
    }

    private static void requireWeb(URI uri) throws SourceException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new SourceException("source.network", uri.toString(), "not an http(s) address");
        }
    }

    private static String origin(URI uri) {
        int port = uri.getPort();
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (port < 0 ? "" : ":" + port);
    }

    private static String pathAndQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static Optional<String> charset(String contentType) {
        for (String param : contentType.split(";")) {
            String p = param.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                return Optional.of(p.substring(8).replace("\"", "").strip());
            }
        }
        return Optional.empty();
    }

    private static long millisSince(Instant start) {
        return Duration.between(start, Instant.now()).toMillis();
    }

    private static void log(SourceContext context, String purpose, URI uri, int status, long bytes, long millis, String outcome) {
        context.log().accept(new NetworkRequest(0, Instant.now(), context.userId(), purpose, "GET", uri.toString(), status, bytes,
                millis, outcome, context.runId()));
    }

    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        final long limit;

        TooLarge(long limit) {
            super("larger than " + limit + " bytes");
            this.limit = limit;
        }
    }

    /** Collects the body up to the cap and cancels the stream as soon as it would pass it. */
    private static final class CappedBody implements BodySubscriber<byte[]> {
        private final long cap;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        private Flow.Subscription subscription;

        CappedBody(long cap, long declaredLength) {
            this.cap = cap;
            if (declaredLength > cap) {
                result.completeExceptionally(new TooLarge(cap));
            }
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (result.isDone()) {
                s.cancel();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                if (result.isDone()) {
                    return;
                }
                if (buffer.size() + (long) b.remaining() > cap) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge(cap));
                    return;
                }
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                buffer.writeBytes(bytes);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(buffer.toByteArray());
        }
    }
}
