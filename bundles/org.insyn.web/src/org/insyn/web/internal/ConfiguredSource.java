package org.insyn.web.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.insyn.core.model.SourceKind;
import org.insyn.core.service.Session.HitDraft;
import org.insyn.core.service.SourceContext;
import org.insyn.core.service.SourceException;
import org.insyn.core.service.SourceProvider;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

import com.fasterxml.jackson.databind.JsonNode;

/** A source driven by its {@link SourceConfig}: fetches result pages through the private client and reads hits. */
public final class ConfiguredSource implements SourceProvider {
    private static final Pattern SETTING = Pattern.compile("\\{setting:([A-Za-z0-9._-]+)\\}");
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private static final Pattern POINTER = Pattern.compile("\\{(/[^}]*)\\}");

    /** The hits of one result page and the address of the next one, if the page links to it. */
    public record Page(List<HitDraft> hits, Optional<URI> next) {
    }

    private final SourceConfig config;
    private final PrivateHttp http;
    private final Settings settings;
    // Parsing the selectors of every field for every item was a third of reading a page: each is parsed once.
    private final Map<String, List<Alternative>> compiled = new ConcurrentHashMap<>();

    public ConfiguredSource(SourceConfig config, PrivateHttp http, Settings settings) {
        this.config = config;
        this.http = http;
        this.settings = settings;
    }

    public SourceConfig config() {
        return config;
    }

    @Override
    public String id() {
        return config.id();
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public SourceKind kind() {
        return config.kind();
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(config.timeoutSeconds());
    }

    @Override
    public Optional<LocalDate> until() {
        return config.until();
    }

    @Override
    public Optional<SourceException> unavailable() {
        if (config.until().filter(end -> !LocalDate.now(SWEDEN).isBefore(end)).isPresent()) {
            return Optional.of(new SourceException("source.ended", config.until().get().toString()));
        }
        for (String setting : settingNames()) {
            if (settings.get(setting).filter(v -> !v.isBlank()).isEmpty()) {
                return Optional.of(new SourceException("source.missingSetting", setting));
            }
        }
        return Optional.empty();
    }

    /** The preferences this source's address and headers need, in order of appearance. */
    public List<String> settingNames() {
        List<String> names = new ArrayList<>();
        Matcher m = SETTING.matcher(config.url() + " " + String.join(" ", config.headers().values()));
        while (m.find()) {
            if (!names.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    @Override
    public List<HitDraft> search(String query, SourceContext context) throws SourceException {
        Optional<SourceException> missing = unavailable();
        if (missing.isPresent()) {
            throw missing.get();
        }
        String q = (query + " " + config.querySuffix()).strip();
        boolean templatedPaging = config.url().matches(".*\\{(page|pageIndex|start|offset)\\}.*");
        Map<String, String> headers = new LinkedHashMap<>();
        config.headers().forEach((k, v) -> headers.put(k, expand(v, q, 1)));
        List<HitDraft> hits = new ArrayList<>();
        Optional<URI> next = Optional.of(URI.create(expand(config.url(), q, 1)));
        for (int page = 1; page <= config.maxPages() && next.isPresent(); page++) {
            if (context.cancelled().getAsBoolean()) {
                throw new SourceException("source.cancelled");
            }
            PrivateHttp.Response answer;
            try {
                answer = http.get(next.get(), headers, "search " + id(), context);
            } catch (StatusException e) {
                throw explain(e.status(), e.body()).orElse(e);
            }
            Page p = parse(answer.body(), answer.mediaType(), answer.charset(), answer.uri());
            hits.addAll(p.hits());
            context.progress().page(page, hits.size());
            if (p.hits().isEmpty()) {
                break;
            }
            int following = page + 1;
            next = p.next().or(() -> templatedPaging ? Optional.of(URI.create(expand(config.url(), q, following)))
                    : Optional.empty());
        }
        return hits;
    }

    private String expand(String template, String query, int page) {
        String url = template.replace("{query}", URLEncoder.encode(query, StandardCharsets.UTF_8))
                .replace("{page}", String.valueOf(page)).replace("{pageIndex}", String.valueOf(page - 1))
                .replace("{start}", String.valueOf((page - 1) * config.pageSize() + 1))
                .replace("{offset}", String.valueOf((page - 1) * config.pageSize()));
        Matcher m = SETTING.matcher(url);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(settings.get(m.group(1)).orElse("")));
        }
        return m.appendTail(out).toString();
    }

    /** Reads one answer of this source into hits. */
    public Page parse(byte[] body, String mediaType, Optional<String> charset, URI base) throws SourceException {
        requireMediaType(mediaType);
        return config.type().equals("json") ? parseJson(body, base) : parseMarkup(body, charset, base);
    }

    private void requireMediaType(String mediaType) throws SourceException {
        boolean fits = mediaType.isEmpty() || switch (config.type()) {
            case "json" -> mediaType.contains("json") || mediaType.contains("javascript");
            case "xml" -> mediaType.contains("xml") || mediaType.contains("rss") || mediaType.contains("atom");
            default -> mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml");
        };
        if (!fits) {
            throw new SourceException("source.contentType", mediaType);
        }
    }

    private Page parseMarkup(byte[] body, Optional<String> charset, URI base) throws SourceException {
        // An unknown or misspelt charset in the header is ignored: jsoup then reads the BOM or the page's own declaration.
        String cs = charset.filter(c -> {
            try {
                return Charset.isSupported(c);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }).orElse(null);
        Document doc;
        try {
            doc = config.type().equals("xml")
                    ? Jsoup.parse(new ByteArrayInputStream(body), cs, base.toString(), Parser.xmlParser())
                    : Jsoup.parse(new ByteArrayInputStream(body), cs, base.toString());
        } catch (IOException e) {
            throw new SourceException("source.parse", config.type(), e.getMessage());
        }
        var items = doc.select(config.items());
        if (items.isEmpty()) {
            if (config.empty().isPresent() && !doc.select(config.empty().get()).isEmpty()) {
                return new Page(List.of(), Optional.empty());
            }
            throw new SourceException("source.notResultPage", config.items());
        }
        List<HitDraft> hits = new ArrayList<>();
        for (Element item : items) {
            String url = markupField(item, "url");
            if (url.isEmpty()) {
                continue;
            }
            hits.add(draft(base.resolve(url.strip()).toString(), markupField(item, "title"), markupField(item, "snippet"),
                    markupField(item, "date"), markupField(item, "author")));
        }
        Optional<URI> next = config.next().flatMap(spec -> Optional.of(select(doc, spec)).filter(s -> !s.isEmpty()))
                .map(href -> base.resolve(href));
        return new Page(hits, next);
    }

    private String markupField(Element item, String field) {
        String spec = config.fields().get(field);
        return spec == null ? "" : select(item, spec);
    }

    /** The first non-empty value of the alternatives: "css" gives the text, "css@attr" an attribute (absolute for links). */
    private String select(Element root, String spec) {
        for (Alternative alternative : compiled.computeIfAbsent(spec, ConfiguredSource::compile)) {
            Element e = alternative.css() == null ? root : root.selectFirst(alternative.css());
            if (e == null) {
                continue;
            }
            String value = alternative.attribute() == null ? e.text() : e.attr(alternative.attribute());
            if (!value.isBlank()) {
                return value.strip();
            }
        }
        return "";
    }

    /** One alternative of a field: where (none: the item itself) and what (no attribute: the text). */
    private record Alternative(Evaluator css, String attribute) {
    }

    private static List<Alternative> compile(String spec) {
        List<Alternative> alternatives = new ArrayList<>();
        for (String alternative : spec.split(" \\| ")) {
            int at = alternative.lastIndexOf('@');
            String css = (at < 0 ? alternative : alternative.substring(0, at)).strip();
            alternatives.add(new Alternative(css.isEmpty() ? null : QueryParser.parse(css), at < 0 ? null : alternative.substring(at + 1).strip()));
        }
        return List.copyOf(alternatives);
    }

    private Page parseJson(byte[] body, URI base) throws SourceException {
        JsonNode root;
        try {
            root = SourceConfig.json().readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SourceException("source.parse", "JSON", e.getOriginalMessage());
        } catch (IOException e) {
            throw new SourceException("source.parse", "JSON", e.getMessage());
        }
        JsonNode items = root.at(config.items());
        if (!items.isArray()) {
            if (items.isMissingNode() && config.empty().map(p -> !root.at(p).isMissingNode()).orElse(false)) {
                return new Page(List.of(), Optional.empty());
            }
            // some services answer an error with status 200 (Mojeek: "status": "ERROR: Daily Limit Reached")
            throw explain(200, body).orElseGet(() -> new SourceException("source.notResultPage", config.items()));
        }
        boolean discourse = config.style().orElse("").equals("discourse");
        Map<String, JsonNode> topics = new HashMap<>();
        root.path("topics").forEach(t -> topics.put(t.path("id").asText(), t));
        List<HitDraft> hits = new ArrayList<>();
        for (JsonNode item : items) {
            String url;
            String title;
            if (discourse) {
                // Discourse lists matching posts and, separately, the topics they belong to.
                JsonNode topic = topics.getOrDefault(item.path("topic_id").asText(), SourceConfig.json().createObjectNode());
                String forum = base.toString().replaceFirst("/search(\\.json)?(\\?.*)?$", "");
                url = forum + "/t/" + topic.path("slug").asText("topic") + "/" + item.path("topic_id").asText() + "/"
                        + item.path("post_number").asInt(1);
                title = topic.path("title").asText("");
            } else {
                url = jsonField(item, "url");
                title = jsonField(item, "title");
            }
            if (url.isEmpty()) {
                continue;
            }
            hits.add(draft(base.resolve(url.strip()).toString(), title, jsonField(item, "snippet"), jsonField(item, "date"),
                    jsonField(item, "author")));
        }
        return new Page(hits, config.next().flatMap(spec -> nextByParameter(spec, root, base)));
    }

    /** "name={/pointer}": the same address with that parameter set to the answer's value, if the answer has one. */
    private static Optional<URI> nextByParameter(String spec, JsonNode root, URI current) {
        int eq = spec.indexOf('=');
        Matcher m = POINTER.matcher(spec);
        if (eq < 0 || !m.find()) {
            return Optional.empty();
        }
        JsonNode v = root.at(m.group(1));
        if (!v.isValueNode() || v.asText().isBlank()) {
            return Optional.empty();
        }
        String name = spec.substring(0, eq);
        String query = current.getRawQuery() == null ? "" : current.getRawQuery();
        String kept = java.util.Arrays.stream(query.split("&")).filter(p -> !p.isEmpty() && !p.startsWith(name + "="))
                .collect(java.util.stream.Collectors.joining("&"));
        String added = name + "=" + URLEncoder.encode(v.asText(), StandardCharsets.UTF_8);
        return Optional.of(URI.create(current.toString().replaceFirst("\\?.*$", "") + "?" + (kept.isEmpty() ? added : kept + "&" + added)));
    }

    private static final List<String> QUOTA_WORDS = List.of("quota", "ratelimit", "rate limit", "rate_limit", "limit reached",
            "limitexceeded", "limit exceeded", "too many requests", "usage limit");
    private static final List<String> KEY_WORDS = List.of("key", "token", "unauthori", "forbidden", "credential", "permission");

    /**
     * An error answer in words a worker can act on: a used-up quota or a refused key, naming the setting to fix.
     * Services say it differently (Google and YouTube in a JSON "error" with a reason, Brave with a code, Twingly in
     * an XML error, Mojeek in a status line), so the status and the body's words decide.
     */
    Optional<SourceException> explain(int status, byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 8192), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        List<String> keys = settingNames().stream().filter(n -> n.toLowerCase(Locale.ROOT).matches(".*(key|token).*")).toList();
        String setting = String.join(", ", keys);
        boolean errorWords = status >= 400 || text.contains("error");
        if (errorWords && (status == 429 || QUOTA_WORDS.stream().anyMatch(text::contains))) {
            // a service without a key (a forum, the city's own SearXNG) only asks to slow down
            return Optional.of(keys.isEmpty() ? new SourceException("source.busy", name())
                    : new SourceException("source.quota", name(), setting));
        }
        if (!keys.isEmpty() && (status == 401 || status == 403
                || status >= 400 && status < 500 && KEY_WORDS.stream().anyMatch(text::contains)
                || status == 200 && text.contains("error") && KEY_WORDS.stream().anyMatch(text::contains))) {
            return Optional.of(new SourceException("source.keyRefused", name(), setting));
        }
        // a 4xx answer points at the address or key; a 5xx is the service's own trouble and stays a plain status
        if (status >= 400 && status < 500 && !settingNames().isEmpty()) {
            return Optional.of(new SourceException("source.statusSetting", status, String.join(", ", settingNames())));
        }
        return Optional.empty();
    }

    private String jsonField(JsonNode item, String field) {
        String spec = config.fields().get(field);
        if (spec == null) {
            return "";
        }
        if (spec.contains("{")) {
            Matcher m = POINTER.matcher(spec);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(URLEncoder.encode(item.at(m.group(1)).asText(), StandardCharsets.UTF_8)));
            }
            return m.appendTail(out).toString();
        }
        JsonNode v = item.at(spec);
        return v.isValueNode() ? v.asText() : "";
    }

    private HitDraft draft(String address, String title, String snippet, String date, String author) {
        String url = config.unwrap().flatMap(param -> unwrapped(address, param)).orElse(address);
        String cleanTitle = plain(title);
        return new HitDraft(id(), url, cleanTitle.isEmpty() ? url : cleanTitle, plain(snippet), Dates.parse(date, config.dateFormat()),
                Optional.of(plain(author)).filter(a -> !a.isEmpty()));
    }

    /** The real address a redirect link carries in one of its parameters, e.g. DuckDuckGo's "/l/?uddg=https%3A…". */
    private static Optional<String> unwrapped(String address, String param) {
        String query;
        try {
            query = new URI(address).getRawQuery();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(param + "=")) {
                return Optional.of(java.net.URLDecoder.decode(pair.substring(param.length() + 1), StandardCharsets.UTF_8))
                        .filter(u -> u.startsWith("http://") || u.startsWith("https://"));
            }
        }
        return Optional.empty();
    }

    /** Snippets of APIs and feeds often carry HTML markup or entities: keep only the text. */
    private static String plain(String text) {
        return text.indexOf('<') >= 0 || text.indexOf('&') >= 0 ? Jsoup.parse(text).text() : text.strip();
    }
}
