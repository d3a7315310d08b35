package org.insyn.web.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves a service's recorded answers (the files under {@code recorded/}) on 127.0.0.1: the first route whose
 * pattern is found in the decoded path and query answers. Keeps every request, so a test can check what was sent.
 */
final class Recorded implements AutoCloseable {
    /** One request as it arrived: the decoded path with query, and its headers. */
    record Request(String target, Headers headers) {
    }

    private record Route(Pattern pattern, int status, String type, String file) {
    }

    private final HttpServer server;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();

    private Recorded() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", x -> {
            String target = URLDecoder.decode(x.getRequestURI().getRawPath()
                    + (x.getRequestURI().getRawQuery() == null ? "" : "?" + x.getRequestURI().getRawQuery()), StandardCharsets.UTF_8);
            if (!target.equals("/robots.txt")) {
                requests.add(new Request(target, x.getRequestHeaders()));
            }
            Route route = routes.stream().filter(r -> r.pattern.matcher(target).find()).findFirst().orElse(null);
            byte[] body = route == null ? "not found".getBytes(StandardCharsets.UTF_8) : read(route.file);
            x.getResponseHeaders().set("Content-Type", route == null ? "text/plain" : route.type);
            x.sendResponseHeaders(route == null ? 404 : route.status, body.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    static Recorded start() throws IOException {
        return new Recorded();
    }

    /** Answers requests whose path and query contain {@code regex} with the recorded file. */
    Recorded on(String regex, int status, String type, String file) {
        routes.add(new Route(Pattern.compile(regex), status, type, file));
        return this;
    }

    Recorded reset() {
        routes.clear();
        requests.clear();
        return this;
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The address the shipped definition asks, with the service's scheme and host replaced by this server. */
    String rebase(String url) {
        return url.replaceFirst("^https://[^/]+", base());
    }

    List<String> targets() {
        return new ArrayList<>(requests.stream().map(Request::target).toList());
    }

    static byte[] read(String file) {
        try (InputStream in = Recorded.class.getResourceAsStream("/recorded/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no recorded answer " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static URI uri(String s) {
        return URI.create(s);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
