package org.insyn.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.insyn.core.model.SourceKind;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One source described in a JSON file, so that a source can be added without code. {@code type} says how its
 * answers are read: "html" (CSS selectors over a result page), "xml" (the same selectors over an XML answer),
 * "json" (JSON pointers), "feed" (RSS or Atom) or "forum" with a {@code style} of "phpbb" or "discourse".
 * In {@code url}, {query}, {page}, {start} (1-based first result), {offset} (0-based) and {setting:NAME} (from
 * the preferences) are filled in. Field values are selectors ("css" for text, "css@attr" for an attribute,
 * alternatives separated by " | ") or, for JSON, pointers ("/snippet/title") or templates ("…?v={/id/videoId}").
 */
public record SourceConfig(String id, String name, SourceKind kind, String type, Optional<String> style, String url,
        String querySuffix, String items, Map<String, String> fields, Optional<String> next, Optional<String> empty,
        Optional<String> dateFormat, int maxPages, int pageSize, int timeoutSeconds) {

    static final List<String> FIELDS = List.of("title", "url", "snippet", "date", "author");
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public SourceConfig {
        if (id == null || !id.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("id must be 1-64 lower-case letters, digits, '.', '_' or '-': " + id);
        }
        fields = Map.copyOf(fields);
        if (!List.of("html", "xml", "json").contains(type)) {
            throw new IllegalArgumentException("type must be html, xml, json, feed or forum: " + type);
        }
        if (!fields.containsKey("url")) {
            throw new IllegalArgumentException("fields.url is needed to know where a hit is");
        }
    }

    /** Reads a configuration file, filling in the presets of feeds and forums. */
    public static SourceConfig read(InputStream in) throws IOException {
        JsonNode n = JSON.readTree(in);
        String type = text(n, "type").orElse("html");
        Optional<String> style = text(n, "style");
        Map<String, String> fields = new LinkedHashMap<>();
        String items = text(n, "items").orElse("");
        Optional<String> dateFormat = text(n, "dateFormat");
        Optional<String> empty = text(n, "empty");
        Optional<String> next = text(n, "next");
        SourceKind kind = SourceKind.valueOf(text(n, "kind").orElse("WEB").toUpperCase(Locale.ROOT));
        if (type.equals("feed")) {
            type = "xml";
            items = items.isEmpty() ? "item, entry" : items;
            fields.putAll(Map.of("title", "title", "url", "link@href | link | guid", "snippet",
                    "description | summary | content", "date", "pubDate | published | updated | dc|date", "author",
                    "dc|creator | author > name | author"));
            kind = text(n, "kind").isPresent() ? kind : SourceKind.FEED;
        } else if (type.equals("forum")) {
            kind = SourceKind.FORUM;
            if (style.orElse("").equals("phpbb")) {
                type = "html";
                items = items.isEmpty() ? "div.search.post" : items;
                fields.putAll(Map.of("title", "div.postbody h3 a", "url", "div.postbody h3 a@href", "snippet", "div.content",
                        "date", "dd.search-result-date", "author", "dt.author a.username, dt.author a"));
                dateFormat = dateFormat.or(() -> Optional.of("EEE MMM dd, yyyy h:mm a"));
                empty = empty.or(() -> Optional.of("div.panel strong, p.search-no-results"));
                next = next.or(() -> Optional.of("div.pagination li.next a@href | a[rel=next]@href"));
            } else if (style.orElse("").equals("discourse")) {
                type = "json";
                items = "/posts";
                fields.putAll(Map.of("title", "/topic_id", "url", "/topic_id", "snippet", "/blurb", "date", "/created_at",
                        "author", "/username"));
            } else {
                throw new IllegalArgumentException("a forum's style must be phpbb or discourse: " + style.orElse(""));
            }
        }
        JsonNode f = n.path("fields");
        f.fieldNames().forEachRemaining(k -> {
            if (!FIELDS.contains(k)) {
                throw new IllegalArgumentException("unknown field " + k + ", expected one of " + FIELDS);
            }
            fields.put(k, f.get(k).asText());
        });
        return new SourceConfig(text(n, "id").orElse(null), text(n, "name").orElseThrow(() -> new IOException("name missing")),
                kind, type, style, text(n, "url").orElseThrow(() -> new IOException("url missing")),
                text(n, "querySuffix").orElse(""), items, fields, next, empty, dateFormat, n.path("maxPages").asInt(1),
                n.path("pageSize").asInt(10), n.path("timeoutSeconds").asInt(20));
    }

    static ObjectMapper json() {
        return JSON;
    }

    private static Optional<String> text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() || v.asText().isBlank() ? Optional.empty() : Optional.of(v.asText());
    }
}
