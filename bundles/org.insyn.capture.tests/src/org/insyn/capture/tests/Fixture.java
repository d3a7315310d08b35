package org.insyn.capture.tests;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/** Fixture pages served over loopback (127.0.0.1 only), remembering every request that reached it. */
final class Fixture implements AutoCloseable {
    /** One request as the server saw it: Host header, path, and the Cookie and Referer headers. */
    record Seen(String host, String path, String cookie, String referer) {
    }

    private final HttpServer server;
    private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();
    final List<Seen> seen = new CopyOnWriteArrayList<>();

    Fixture() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            var h = exchange.getRequestHeaders();
            seen.add(new Seen(h.getFirst("Host"), exchange.getRequestURI().getPath(), h.getFirst("Cookie"), h.getFirst("Referer")));
            HttpHandler route = routes.get(exchange.getRequestURI().getPath());
            if (route == null) {
                send(exchange, 404, "text/html", "<html><body>not here</body></html>".getBytes(StandardCharsets.UTF_8));
            } else {
                route.handle(exchange);
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    Fixture page(String path, String html) {
        return route(path, e -> send(e, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8)));
    }

    Fixture file(String path, String type, byte[] content) {
        return route(path, e -> send(e, 200, type, content));
    }

    Fixture route(String path, HttpHandler handler) {
        routes.put(path, handler);
        return this;
    }

    static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
