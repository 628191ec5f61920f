package fr.sommenumerique.helpdesk.ticketing.internal;

import fr.sommenumerique.helpdesk.knowledge.TextCut;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folding of French text for accent- and case-insensitive comparisons and searches. */
public final class TextKeys {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TextKeys() {
    }

    /** Lower case, without accents and ligatures; other characters are kept. */
    public static String fold(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFD);
        n = MARKS.matcher(n).replaceAll("");
        n = n.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE").replace("ß", "ss");
        return n.toLowerCase(Locale.ROOT);
    }

    /** Folded words separated by one space: the form stored in the *_key columns and used for searching. */
    public static String key(String s) {
        return NON_WORD.matcher(fold(s)).replaceAll(" ").trim();
    }

    /**
     * Key of a commune name or of a query about one: like {@link #key} but with the usual abbreviations
     * expanded (« St » → saint, « Ste » → sainte, « lez » → les).
     */
    public static String nameKey(String s) {
        String[] words = key(s).split(" ");
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(expandAbbreviation(w));
        }
        return sb.toString();
    }

    public static String expandAbbreviation(String word) {
        return switch (word) {
            case "st" -> "saint";
            case "ste" -> "sainte";
            case "lez" -> "les";
            default -> word;
        };
    }

    public static String truncate(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        // never half an emoji or a letter without its accent: a broken character everywhere it is shown
        return TextCut.head(s, max);
    }

    /** Null when blank, trimmed otherwise. */
    public static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
