package org.insyn.capture.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.insyn.core.InsynException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Captures one URL in a fresh incognito context of the warm headless Chromium (R7, R9, R15, R17): every request
 * passes through the Fetch domain, which blocks third-party trackers and keeps each response body for the WARC; a
 * document is let on to the page at once and its body read when it has arrived, so that a page still arriving at
 * the deadline (slow, or huge) is captured as rendered so far and marked incomplete with the reason.
 */
final class PageCapturer {
    private static final Duration CALL = Duration.ofSeconds(30);
    private static final Set<String> PAGE_TYPES = Set.of("text/html", "application/xhtml+xml", "text/plain",
            "text/xml", "application/xml", "image/svg+xml");

    private final CaptureOptions options;
    private final Trackers trackers;

    PageCapturer(CaptureOptions options, Trackers trackers) {
        this.options = options;
        this.trackers = trackers;
    }

    PageCapture capture(URI url) throws IOException, InterruptedException {
        if (!("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme())) || url.getHost() == null) {
            throw InsynException.invalid("capture.badUrl", url);
        }
        Chromium chromium = Chromium.warm(options.chromium(), options.chromiumArguments());
        try (Chromium.Context context = chromium.newContext()) {
            return new Run(chromium, context.session(), url).capture();
        }
    }

    /** The state of one capture: its page session and what the page has fetched so far. */
    private final class Run {
        private final Chromium chromium;
        private final Cdp cdp;
        private final URI url;
        // Paused requests are answered in parallel (one slow body must not hold the others); every other event
        // is handled in order, so that a request's start is seen before its end.
        private final ExecutorService handlers = Executors.newCachedThreadPool(daemon("capture-fetch"));
        private final ExecutorService ordered = Executors.newSingleThreadExecutor(daemon("capture-events"));
        private final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
        /** Documents let on to the page before their body arrived, by network request id: completed when it has. */
        private final Map<String, Exchange> documents = new ConcurrentHashMap<>();
        /** The URLs whose response headers arrived, with their status. */
        private final Map<String, Integer> answered = new ConcurrentHashMap<>();
        private final Map<String, Pending> inFlight = new ConcurrentHashMap<>();
        private final List<RequestLogEntry> log = Collections.synchronizedList(new ArrayList<>());
        private final Set<String> blocked = ConcurrentHashMap.newKeySet();
        private final CompletableFuture<Void> loaded = new CompletableFuture<>();
        private final Optional<String> session;
        private volatile Optional<JsonNode> mainResponse = Optional.empty();
        private volatile String mainFrame = "";
        private volatile long lastActivity = System.nanoTime();

        Run(Chromium chromium, String session, URI url) {
            this.chromium = chromium;
            this.session = Optional.of(session);
            this.cdp = chromium.cdp();
            this.url = url;
        }

        PageCapture capture() throws IOException, InterruptedException {
            cdp.listen(session.orElseThrow(), (method, params) -> (method.equals("Fetch.requestPaused") ? handlers : ordered)
                    .execute(() -> event(method, params)));
            try {
                return load();
            } finally {
                handlers.shutdownNow();
                ordered.shutdownNow();
            }
        }

        private PageCapture load() throws IOException, InterruptedException {
            call("Page.enable", Cdp.params());
            // documents are read from the Network domain's buffer once loaded: room for one as large as a body may be
            call("Network.enable", Cdp.params().put("maxResourceBufferSize", options.bodyCap())
                    .put("maxTotalBufferSize", Math.max(options.bodyCap() * 2, 100L << 20)));
            call("Network.setCacheDisabled", Cdp.params().put("cacheDisabled", true));
            call("Emulation.setDeviceMetricsOverride", Cdp.params().put("width", options.viewportWidth())
                    .put("height", options.viewportHeight()).put("deviceScaleFactor", 1).put("mobile", false));
            ObjectNode fetch = Cdp.params();
            fetch.putArray("patterns").add(Cdp.params().put("urlPattern", "*").put("requestStage", "Request"))
                    .add(Cdp.params().put("urlPattern", "*").put("requestStage", "Response"));
            call("Fetch.enable", fetch);

            Instant capturedAt = Instant.now();
            long deadline = System.nanoTime() + options.loadTimeout().toNanos();
            Optional<String> incomplete;
            try {
                JsonNode navigation = cdp.send(session, "Page.navigate", Cdp.params().put("url", url.toString()))
                        .get(options.loadTimeout().toMillis(), TimeUnit.MILLISECONDS);
                mainFrame = navigation.path("frameId").asText();
                String error = navigation.path("errorText").asText("");
                if (!error.isEmpty()) {
                    throw navigationError(error);
                }
                incomplete = awaitLoad(deadline);
            } catch (TimeoutException e) {
                // the server answered but the page was not there by the deadline: what has rendered is the capture
                if (!answered.containsKey(url.toString())) {
                    throw new InsynException(InsynException.Kind.INVALID, Optional.empty(), e, "capture.noResponse", url,
                            options.loadTimeout().toSeconds());
                }
                incomplete = Optional.of("the page was still arriving after " + options.loadTimeout().toSeconds() + " s");
            } catch (ExecutionException e) {
                throw new IOException("Page.navigate: " + Sealer.reason(e.getCause()), e.getCause());
            }
            if (incomplete.isPresent()) {
                call("Page.stopLoading", Cdp.params());
            }

            URI finalUrl = mainResponse.map(m -> URI.create(m.path("url").asText())).orElse(url);
            int status = mainResponse.map(m -> m.path("status").asInt()).orElseGet(() -> answered.getOrDefault(url.toString(), 0));
            List<String> unread = new ArrayList<>();
            String title = readable(() -> evaluate("document.title").asText(""), "title", unread);
            String dom = readable(() -> evaluate("(document.doctype ? new XMLSerializer().serializeToString(document.doctype) + '\\n' : '')"
                    + " + document.documentElement.outerHTML").asText(""), "DOM", unread);
            String mhtml = readable(() -> call("Page.captureSnapshot", Cdp.params().put("format", "mhtml")).path("data").asText(),
                    "MHTML", unread);
            if (!unread.isEmpty()) {
                String missing = "Chromium could not give the " + String.join(", ", unread) + " in time";
                incomplete = Optional.of(incomplete.map(r -> r + "; " + missing).orElse(missing));
            }
            byte[] viewport = png(call("Page.captureScreenshot", Cdp.params().put("format", "png")));
            JsonNode size = call("Page.getLayoutMetrics", Cdp.params()).path("cssContentSize");
            int width = Math.max(1, (int) Math.ceil(size.path("width").asDouble()));
            int height = Math.max(1, (int) Math.ceil(size.path("height").asDouble()));
            int captured = Math.min(height, options.heightCap());
            ObjectNode full = Cdp.params().put("format", "png").put("captureBeyondViewport", true);
            full.putObject("clip").put("x", 0).put("y", 0).put("width", width).put("height", captured).put("scale", 1);
            byte[] fullPage = png(call("Page.captureScreenshot", full));

            // a document whose body had not all arrived is kept with what was known of it, marked truncated
            synchronized (documents) {
                documents.values().forEach(d -> exchanges.add(new Exchange(d.at(), d.url(), d.method(), d.requestHeaders(),
                        d.requestBody(), d.status(), d.statusText(), d.responseHeaders(), d.body(), true)));
                documents.clear();
            }
            List<Exchange> fetched;
            synchronized (exchanges) {
                fetched = List.copyOf(exchanges);
            }
            List<RequestLogEntry> requests;
            synchronized (log) {
                requests = new ArrayList<>(log);
            }
            inFlight.values().forEach(p -> requests.add(new RequestLogEntry(p.at, p.method, p.url, 0, 0,
                    Duration.between(p.at, Instant.now()).toMillis(), "unfinished")));
            return new PageCapture(url, finalUrl, status, title, capturedAt,
                    chromium.version(), fullPage, viewport, dom, mhtml, media(fetched), fetched, List.copyOf(requests),
                    width, height, captured, incomplete);
        }

        /** Waits for the load event, then for the network to be quiet a moment; says why when time ran out. */
        private Optional<String> awaitLoad(long deadline) throws InterruptedException {
            try {
                loaded.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return Optional.of("the page had not finished loading after " + options.loadTimeout().toSeconds() + " s");
            } catch (ExecutionException e) {
                return Optional.of(Sealer.reason(e.getCause()));
            }
            while (System.nanoTime() < deadline) {
                long quiet = System.nanoTime() - lastActivity;
                if (inFlight.isEmpty() && quiet >= options.settle().toNanos()) {
                    return Optional.empty();
                }
                Thread.sleep(50);
            }
            return inFlight.isEmpty() ? Optional.empty()
                    : Optional.of(inFlight.size() + " requests were still loading after " + options.loadTimeout().toSeconds() + " s");
        }

        private InsynException navigationError(String error) {
            String code = error.replace("net::", "");
            String key;
            Object detail = error;
            if (code.startsWith("ERR_CERT_") || code.startsWith("ERR_SSL_") || code.contains("CERTIFICATE")) {
                key = "capture.tls";
            } else if (code.equals("ERR_UNSAFE_PORT")) {
                key = "capture.unsafePort";
            } else if (code.equals("ERR_TOO_MANY_REDIRECTS")) {
                key = "capture.redirectLoop";
            } else if (code.equals("ERR_ABORTED") && download().isPresent()) {
                key = "capture.notAPage";
                detail = download().get();
            } else if (Set.of("ERR_NAME_NOT_RESOLVED", "ERR_CONNECTION_REFUSED", "ERR_CONNECTION_RESET",
                    "ERR_CONNECTION_TIMED_OUT", "ERR_ADDRESS_UNREACHABLE", "ERR_INTERNET_DISCONNECTED",
                    "ERR_CONNECTION_CLOSED", "ERR_EMPTY_RESPONSE", "ERR_TIMED_OUT").contains(code)) {
                key = "capture.unreachable";
            } else {
                key = "capture.failed";
            }
            return InsynException.invalid(key, url, detail);
        }

        /** The media type of the page's own response when it was a file Chromium would download rather than show. */
        private Optional<String> download() {
            List<Exchange> all;
            synchronized (exchanges) {
                all = new ArrayList<>(exchanges);
            }
            all.addAll(documents.values());
            return all.stream().filter(e -> e.url().equals(url) && e.status() / 100 == 2).map(Exchange::mediaType)
                    .filter(t -> !PAGE_TYPES.contains(t)).findFirst().map(t -> t.isEmpty() ? "application/octet-stream" : t);
        }

        private void event(String method, JsonNode params) {
            if (!params.path("sessionId").asText().equals(session.orElse(""))) {
                return;
            }
            try {
                switch (method) {
                    case "Fetch.requestPaused" -> paused(params);
                    case "Network.requestWillBeSent" -> requestSent(params);
                    case "Network.responseReceived" -> responseReceived(params);
                    case "Network.loadingFinished" -> {
                        documentArrived(params.path("requestId").asText());
                        finished(params.path("requestId").asText(), params.path("encodedDataLength").asLong(), RequestLogEntry.OK);
                    }
                    case "Network.loadingFailed" -> finished(params.path("requestId").asText(), 0,
                            params.path("errorText").asText().contains("BLOCKED_BY_CLIENT") || blockedUrl(params)
                                    ? RequestLogEntry.BLOCKED : params.path("errorText").asText());
                    case "Page.loadEventFired" -> loaded.complete(null);
                    default -> { }
                }
            } catch (IOException | RuntimeException e) {
                // a single request that cannot be read or released does not stop the capture; the log shows it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private boolean blockedUrl(JsonNode params) {
            Pending p = inFlight.get(params.path("requestId").asText());
            return p != null && blocked.contains(p.url);
        }

        private void requestSent(JsonNode params) {
            lastActivity = System.nanoTime();
            String id = params.path("requestId").asText();
            JsonNode redirect = params.path("redirectResponse");
            Pending previous = inFlight.get(id);
            if (!redirect.isMissingNode() && previous != null) {
                boolean internal = internal(redirect.path("headers"));
                log.add(new RequestLogEntry(previous.at, previous.method, previous.url, redirect.path("status").asInt(),
                        internal ? 0 : redirect.path("encodedDataLength").asLong(),
                        Duration.between(previous.at, Instant.now()).toMillis(), internal ? RequestLogEntry.INTERNAL : RequestLogEntry.OK));
            }
            JsonNode request = params.path("request");
            inFlight.put(id, new Pending(Instant.now(), request.path("method").asText(), request.path("url").asText()));
        }

        private void responseReceived(JsonNode params) {
            lastActivity = System.nanoTime();
            Pending p = inFlight.get(params.path("requestId").asText());
            if (p != null) {
                p.status = params.path("response").path("status").asInt();
            }
            if ("Document".equals(params.path("type").asText()) && params.path("frameId").asText().equals(mainFrame)
                    || mainFrame.isEmpty() && "Document".equals(params.path("type").asText())) {
                mainResponse = Optional.of(params.path("response"));
            }
        }

        private void finished(String requestId, long bytes, String outcome) {
            lastActivity = System.nanoTime();
            Pending p = inFlight.remove(requestId);
            if (p != null) {
                log.add(new RequestLogEntry(p.at, p.method, p.url, p.status, bytes, Duration.between(p.at, Instant.now()).toMillis(),
                        outcome));
            }
        }

        /** Fetch: blocks trackers at the request stage (R15) and keeps each response at the response stage. */
        private void paused(JsonNode params) throws IOException, InterruptedException {
            String id = params.path("requestId").asText();
            JsonNode request = params.path("request");
            URI target = URI.create(request.path("url").asText());
            boolean responseStage = params.has("responseStatusCode") || params.has("responseErrorReason");
            if (!responseStage) {
                if (trackers.blocks(target, url)) {
                    blocked.add(target.toString());
                    call("Fetch.failRequest", Cdp.params().put("requestId", id).put("errorReason", "BlockedByClient"));
                } else {
                    call("Fetch.continueRequest", Cdp.params().put("requestId", id));
                }
                return;
            }
            if (params.has("responseStatusCode") && !internal(params.path("responseHeaders"))) {
                int status = params.path("responseStatusCode").asInt();
                answered.put(target.toString(), status);
                byte[] body = new byte[0];
                boolean truncated = false;
                List<Map.Entry<String, String>> headers = headers(params.path("responseHeaders"));
                long declared = headers.stream().filter(h -> h.getKey().equalsIgnoreCase("Content-Length"))
                        .mapToLong(h -> parseLong(h.getValue())).findFirst().orElse(-1);
                boolean document = "Document".equals(params.path("resourceType").asText()) && params.has("networkId");
                if (document && status / 100 != 3 && status != 204 && status != 304 && declared <= options.bodyCap()) {
                    List<Map.Entry<String, String>> requestHeaders = new ArrayList<>();
                    request.path("headers").properties().forEach(h -> requestHeaders.add(Map.entry(h.getKey(), h.getValue().asText())));
                    documents.put(params.path("networkId").asText(), new Exchange(Instant.now(), target, request.path("method").asText(),
                            requestHeaders, Optional.empty(), status, params.path("responseStatusText").asText(""), headers,
                            new byte[0], false));
                    call("Fetch.continueResponse", noReferrer(id, status, params.path("responseStatusText").asText(""),
                            params.path("responseHeaders")));
                    return;
                }
                if (status / 100 != 3 && status != 204 && status != 304) {
                    if (declared > options.bodyCap()) {
                        truncated = true;
                    } else {
                        try {
                            JsonNode b = call("Fetch.getResponseBody", Cdp.params().put("requestId", id));
                            String data = b.path("body").asText();
                            body = b.path("base64Encoded").asBoolean() ? Base64.getDecoder().decode(data)
                                    : data.getBytes(StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            truncated = true;
                        }
                    }
                }
                List<Map.Entry<String, String>> requestHeaders = new ArrayList<>();
                request.path("headers").properties().forEach(h -> requestHeaders.add(Map.entry(h.getKey(), h.getValue().asText())));
                Optional<byte[]> postData = request.has("postData")
                        ? Optional.of(request.path("postData").asText().getBytes(StandardCharsets.UTF_8))
                        : Optional.empty();
                exchanges.add(new Exchange(Instant.now(), target, request.path("method").asText(), requestHeaders, postData,
                        status, params.path("responseStatusText").asText(""), headers, body, truncated));
                call("Fetch.continueResponse", noReferrer(id, status, params.path("responseStatusText").asText(""),
                        params.path("responseHeaders")));
            } else {
                call("Fetch.continueRequest", Cdp.params().put("requestId", id));
            }
        }

        /** A document's body has all arrived: read it from the Network domain's buffer into its exchange. */
        private void documentArrived(String requestId) throws IOException, InterruptedException {
            Exchange d = documents.get(requestId);
            if (d == null) {
                return;
            }
            byte[] body;
            boolean truncated = false;
            try {
                JsonNode b = call("Network.getResponseBody", Cdp.params().put("requestId", requestId));
                String data = b.path("body").asText();
                body = b.path("base64Encoded").asBoolean() ? Base64.getDecoder().decode(data) : data.getBytes(StandardCharsets.UTF_8);
            } catch (IOException e) {
                body = new byte[0];
                truncated = true;
            }
            synchronized (documents) {
                if (documents.remove(requestId) != null) {
                    exchanges.add(new Exchange(d.at(), d.url(), d.method(), d.requestHeaders(), d.requestBody(), d.status(),
                            d.statusText(), d.responseHeaders(), body, truncated));
                }
            }
        }

        /** What Chromium gives within the call timeout, or "" and its name in {@code unread}. */
        private String readable(Read read, String what, List<String> unread) throws InterruptedException {
            try {
                return read.get();
            } catch (IOException e) {
                unread.add(what);
                return "";
            }
        }

        private List<PageCapture.Media> media(List<Exchange> fetched) {
            List<PageCapture.Media> media = new ArrayList<>();
            for (Exchange e : fetched) {
                String type = e.mediaType();
                // a 206 (ranged video, audio) is kept as the part the server sent, and said so in the manifest
                if ((type.startsWith("image/") || type.startsWith("video/") || type.startsWith("audio/"))
                        && (e.status() == 200 || e.status() == 206)
                        && !e.truncated() && e.body().length > 0 && e.body().length <= options.mediaCap()) {
                    media.add(new PageCapture.Media(e.url(), type, e.body(),
                            e.status() == 206 ? Optional.of(e.responseHeader("Content-Range").orElse("")) : Optional.empty()));
                }
            }
            return media;
        }

        private JsonNode evaluate(String expression) throws IOException, InterruptedException {
            return call("Runtime.evaluate", Cdp.params().put("expression", expression).put("returnByValue", true))
                    .path("result").path("value");
        }

        private JsonNode call(String method, ObjectNode params) throws IOException, InterruptedException {
            return cdp.call(session, method, params, CALL);
        }
    }

    /**
     * R15: lets the response on to the page with "Referrer-Policy: no-referrer", so that nothing the page loads
     * tells another site where the reader came from. The WARC keeps the headers as the server sent them.
     */
    private static ObjectNode noReferrer(String requestId, int status, String statusText, JsonNode headers) {
        ObjectNode params = Cdp.params().put("requestId", requestId).put("responseCode", status);
        if (!statusText.isEmpty()) {
            params.put("responsePhrase", statusText);
        }
        var list = params.putArray("responseHeaders");
        headers.forEach(h -> {
            if (!h.path("name").asText().equalsIgnoreCase("Referrer-Policy")) {
                list.add(h);
            }
        });
        list.add(Cdp.params().put("name", "Referrer-Policy").put("value", "no-referrer"));
        return params;
    }

    /**
     * A response Chromium made up itself (an HSTS upgrade's "307 Internal Redirect"): no server sent it, so it is no
     * WARC response record; the request log says "internal". Headers come as an object or as name/value pairs.
     */
    static boolean internal(JsonNode headers) {
        if (headers.isArray()) {
            for (JsonNode h : headers) {
                if (h.path("name").asText().equalsIgnoreCase("Non-Authoritative-Reason")) {
                    return true;
                }
            }
            return false;
        }
        for (var names = headers.fieldNames(); names.hasNext();) {
            if (names.next().equalsIgnoreCase("Non-Authoritative-Reason")) {
                return true;
            }
        }
        return false;
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static byte[] png(JsonNode screenshot) {
        return Base64.getDecoder().decode(screenshot.path("data").asText());
    }

    private static List<Map.Entry<String, String>> headers(JsonNode array) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        array.forEach(h -> headers.add(Map.entry(h.path("name").asText(), h.path("value").asText())));
        return headers;
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @FunctionalInterface
    private interface Read {
        String get() throws IOException, InterruptedException;
    }

    /** A request Chromium has sent and not yet finished. */
    private static final class Pending {
        final Instant at;
        final String method;
        final String url;
        volatile int status;

        Pending(Instant at, String method, String url) {
            this.at = at;
            this.method = method;
            this.url = url;
        }
    }
}
