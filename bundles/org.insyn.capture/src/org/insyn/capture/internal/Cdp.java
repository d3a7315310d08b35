package org.insyn.capture.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Chrome DevTools protocol connection over the JDK's WebSocket: commands with their replies, and each page
 * session's events handed to that session's listener (flat sessions, one socket for the browser and all its pages,
 * so that captures running at once in one browser each see only their own page).
 */
final class Cdp implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final WebSocket socket;
    private final Map<String, BiConsumer<String, JsonNode>> listeners = new ConcurrentHashMap<>();
    private volatile Optional<Throwable> closed = Optional.empty();

    Cdp(URI browserUrl) throws IOException, InterruptedException {
        try {
            socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(browserUrl, new Listener()).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot connect to Chromium at " + browserUrl, e);
        }
    }

    /** Every event of one page session: its method and params (with "sessionId" added). */
    void listen(String sessionId, BiConsumer<String, JsonNode> listener) {
        listeners.put(sessionId, listener);
    }

    void removeListener(String sessionId) {
        listeners.remove(sessionId);
    }

    boolean open() {
        return closed.isEmpty();
    }

    CompletableFuture<JsonNode> send(Optional<String> sessionId, String method, ObjectNode params) {
        long id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        sessionId.ifPresent(s -> message.put("sessionId", s));
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        closed.ifPresentOrElse(reply::completeExceptionally, () -> {
            pending.put(id, reply);
            synchronized (socket) {
                socket.sendText(message.toString(), true).join();
            }
        });
        return reply;
    }

    /** Sends and waits for the result; a protocol error becomes an IOException with Chromium's message. */
    JsonNode call(Optional<String> sessionId, String method, ObjectNode params, Duration timeout)
            throws IOException, InterruptedException {
        try {
            return send(sessionId, method, params).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(method + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException(method + ": no answer from Chromium within " + timeout.toSeconds() + " s", e);
        }
    }

    static ObjectNode params() {
        return JSON.createObjectNode();
    }

    @Override
    public void close() {
        fail(new IOException("the connection to Chromium is closed"));
        socket.abort();
    }

    private void fail(Throwable cause) {
        closed = Optional.of(cause);
        pending.values().forEach(f -> f.completeExceptionally(cause));
        pending.clear();
    }

    private void received(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            return;
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asLong());
            if (reply != null) {
                if (message.has("error")) {
                    reply.completeExceptionally(new IOException(message.get("error").path("message").asText()));
                } else {
                    reply.complete(message.path("result"));
                }
            }
        } else if (message.has("method")) {
            JsonNode params = message.path("params");
            BiConsumer<String, JsonNode> listener = listeners.get(message.path("sessionId").asText());
            if (listener != null && params instanceof ObjectNode o) {
                o.put("sessionId", message.get("sessionId").asText());
                listener.accept(message.get("method").asText(), params);
            }
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                received(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            fail(new IOException("Chromium closed the connection: " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            fail(error);
        }
    }
}
