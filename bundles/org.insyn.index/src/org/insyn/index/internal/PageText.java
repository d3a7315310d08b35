package org.insyn.index.internal;

import java.io.IOException;
import java.io.InputStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** The title and the visible text of a captured HTML page, as a reader sees them (no scripts, styles or markup). */
public record PageText(String title, String text) {

    public static PageText of(InputStream html, String baseUri) throws IOException {
        Document page = Jsoup.parse(html, null, baseUri);
        return new PageText(page.title(), page.body() == null ? "" : page.body().text());
    }
}
