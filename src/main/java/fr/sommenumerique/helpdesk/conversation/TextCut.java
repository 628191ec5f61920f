package fr.sommenumerique.helpdesk.conversation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shortens text for subjects and previews without breaking a character: the cut falls between grapheme clusters
 * (an emoji with its skin tone or joiners, a letter with its accents), never inside a surrogate pair.
 */
public final class TextCut {

    private static final Pattern GRAPHEME = Pattern.compile("\\X");
    private static final String ELLIPSIS = "…";

    private TextCut() {
    }

    /**
     * The text on one line, cut to at most {@code max} chars (UTF-16 units, what the database columns count)
     * with « … » when it was longer.
     */
    public static String oneLine(String text, int max) {
        return cut(text == null ? "" : text.strip().replaceAll("\\s+", " "), max);
    }

    /** At most {@code max} chars, ending with « … » when cut. */
    public static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int limit = max - ELLIPSIS.length();
        Matcher grapheme = GRAPHEME.matcher(text);
        int end = 0;
        while (grapheme.find() && grapheme.end() <= limit) {
            end = grapheme.end();
        }
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }
}
