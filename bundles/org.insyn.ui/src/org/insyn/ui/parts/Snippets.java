package org.insyn.ui.parts;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the index's HTML snippets (text escaped, matches in {@code <mark>}) into plain text and the ranges to
 * highlight, for a StyledText.
 */
public final class Snippets {
    private Snippets() {
    }

    /** Plain text and, as offsets into it, where each highlighted match starts and how long it is. */
    public record Highlighted(String text, List<int[]> marks) {
    }

    public static Highlighted parse(String html) {
        StringBuilder text = new StringBuilder();
        List<int[]> marks = new ArrayList<>();
        int markStart = -1;
        for (int i = 0; i < html.length();) {
            if (html.startsWith("<mark>", i)) {
                markStart = text.length();
                i += 6;
            } else if (html.startsWith("</mark>", i)) {
                if (markStart >= 0) {
                    marks.add(new int[] {markStart, text.length() - markStart});
                }
                markStart = -1;
                i += 7;
            } else if (html.charAt(i) == '&') {
                int end = html.indexOf(';', i);
                String entity = end < 0 ? "" : html.substring(i, end + 1);
                String decoded = switch (entity) {
                    case "&lt;" -> "<";
                    case "&gt;" -> ">";
                    case "&amp;" -> "&";
                    case "&quot;" -> "\"";
                    case "&#39;", "&#x27;", "&apos;" -> "'";
                    default -> null;
                };
                if (decoded == null) {
                    text.append('&');
                    i++;
                } else {
                    text.append(decoded);
                    i = end + 1;
                }
            } else {
                text.append(html.charAt(i++));
            }
        }
        return new Highlighted(text.toString(), marks);
    }
}
