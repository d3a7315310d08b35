package org.insyn.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * In {@code url} and {@code headers}, {query}, {page}, {pageIndex} (0-based page), {start} (1-based first result),
 * {offset} (0-based first result) and {setting:NAME} (from the preferences) are filled in. Field values are
 * selectors ("css" for text, "css@attr" for an attribute, alternatives separated by " | ") or, for JSON, pointers
 * ("/snippet/title") or templates ("…?v={/id/videoId}"). A JSON {@code next} such as "pageToken={/nextPageToken}"
 * sets that parameter on the current address for the next page. {@code unwrap} names the parameter of a result
 * link that carries the real address (DuckDuckGo's "uddg"); {@code until} is the day the service stops answering.
 * <p>
 * A site search ({@code site} and {@code via}) has no address of its own: it asks the first general web search of
 * {@code via} that is set up, restricted to the site ({@link SiteSearch}).
 */
public record SourceConfig(String id, String name, SourceKind kind, String type, Optional<String> style, String url,
        Map<String, String> headers, String querySuffix, String items, Map<String, String> fields, Optional<String> next,
        Optional<String> empty, Optional<String> dateFormat, Optional<String> unwrap, Optional<LocalDate> until,
        Optional<String> site, List<String> via, int maxPages, int pageSize, int timeoutSeconds) {

    static final List<String> FIELDS = List.of("title", "url", "snippet", "date", "author");
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public SourceConfig {
        if (id == null || !id.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("id must be 1-64 lower-case letters, digits, '.', '_' or '-': " + id);
        }
        fields = Map.copyOf(fields);
        headers = Map.copyOf(headers);
        via = List.copyOf(via);
        if (!List.of("html", "xml", "json", "site").contains(type)) {
            throw new IllegalArgumentException("type must be html, xml, json, feed, forum or site: " + type);
        }
        if (type.equals("site") && (site.isEmpty() || via.isEmpty())) {
            throw new IllegalArgumentException("a site search needs site and via (the web searches it may ask)");
        }
        if (!type.equals("site") && !fields.containsKey("url")) {
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
            // a feed with no matching entry is still a feed: an RSS channel or an Atom feed element
            empty = empty.or(() -> Optional.of("rss > channel, feed"));
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
                        "date", "dd.search-result-date", "author",
                        "dt.author .username, dt.author .username-coloured, dt.author a"));
                empty = empty.or(() -> Optional.of("div.panel strong, p.search-no-results"));
                next = next.or(() -> Optional.of("div.pagination li.next a@href | a[rel=next]@href"));
            } else if (style.orElse("").equals("discourse")) {
                type = "json";
                items = "/posts";
                // a search with no match answers with empty lists, or without "posts" at all
                empty = empty.or(() -> Optional.of("/grouped_search_result"));
                fields.putAll(Map.of("title", "/topic_id", "url", "/topic_id", "snippet", "/blurb", "date", "/created_at",
                        "author", "/username"));
            } else {
                throw new IllegalArgumentException("a forum's style must be phpbb or discourse: " + style.orElse(""));
            }
        }
        if (n.has("site")) {
            type = "site";
        }
        List<String> via = new ArrayList<>();
        n.path("via").forEach(v -> via.add(v.asText()));
        Map<String, String> headers = new LinkedHashMap<>();
        n.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        JsonNode f = n.path("fields");
        f.fieldNames().forEachRemaining(k -> {
            if (!FIELDS.contains(k)) {
                throw new IllegalArgumentException("unknown field " + k + ", expected one of " + FIELDS);
            }
            fields.put(k, f.get(k).asText());
        });
        String url = type.equals("site") ? "" : text(n, "url").orElseThrow(() -> new IOException("url missing"));
        return new SourceConfig(text(n, "id").orElse(null), text(n, "name").orElseThrow(() -> new IOException("name missing")),
                kind, type, style, url, headers, text(n, "querySuffix").orElse(""), items, fields, next, empty, dateFormat,
                text(n, "unwrap"), text(n, "until").map(LocalDate::parse), text(n, "site"), via, n.path("maxPages").asInt(1),
                n.path("pageSize").asInt(10), n.path("timeoutSeconds").asInt(20));
    }

    /** This general web search restricted to one site, under the site search's own id, name and kind. */
    public SourceConfig restrictedTo(SourceConfig siteSearch) {
        String restriction = "site:" + siteSearch.site().orElseThrow();
        return new SourceConfig(siteSearch.id(), siteSearch.name(), siteSearch.kind(), type, style, url, headers,
                (querySuffix + " " + restriction).strip(), items, fields, next, empty, dateFormat, unwrap, until,
                Optional.empty(), List.of(), Math.max(maxPages, siteSearch.maxPages()), pageSize, timeoutSeconds);
    }

    /** The same source, ending on another day. */
    public SourceConfig withUntil(LocalDate end) {
        return new SourceConfig(id, name, kind, type, style, url, headers, querySuffix, items, fields, next, empty,
                dateFormat, unwrap, Optional.of(end), site, via, maxPages, pageSize, timeoutSeconds);
    }

    /** The same source asking another address (a test serves a service's recorded answers on loopback). */
    public SourceConfig at(String otherUrl) {
        return new SourceConfig(id, name, kind, type, style, otherUrl, headers, querySuffix, items, fields, next, empty,
                dateFormat, unwrap, until, site, via, maxPages, pageSize, timeoutSeconds);
    }

    static ObjectMapper json() {
        return JSON;
    }

    private static Optional<String> text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() || v.asText().isBlank() ? Optional.empty() : Optional.of(v.asText());
    }
}
