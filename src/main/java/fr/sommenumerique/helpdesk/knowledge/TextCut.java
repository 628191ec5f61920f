package fr.sommenumerique.helpdesk.knowledge;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shortens text for subjects, previews and file names without breaking a character: the cut falls between
 * grapheme clusters (an emoji with its skin tone or joiners, a letter with its accents), never inside a surrogate
 * pair. In the base module so that every module, the assistant included, cuts user text the same way.
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
        return head(text, max - ELLIPSIS.length()).stripTrailing() + ELLIPSIS;
    }

    /** The longest start of the text of at most {@code max} chars made of whole graphemes, without any mark. */
    public static String head(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        Matcher grapheme = GRAPHEME.matcher(text);
        int end = 0;
        while (grapheme.find() && grapheme.end() <= max) {
            end = grapheme.end();
        }
        return text.substring(0, end);
    }
}
