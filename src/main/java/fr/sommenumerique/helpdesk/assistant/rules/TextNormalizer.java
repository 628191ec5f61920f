package fr.sommenumerique.helpdesk.assistant.rules;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Lower case, no accents, plain apostrophes and single spaces: users often type without accents, so rules
 * compare texts in this form.
 */
public final class TextNormalizer {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /**
     * Spaces to make one: a run of two or more, or a single one that is not already a plain space. A plain space
     * alone is left as it is, not replaced by itself between every two words.
     */
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u202f]{2,}|[\\s\\u00a0\\u202f&&[^ ]]");

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String s = text.replace('\u2019', '\'').replace('\u2018', '\'').replace('`', '\'')
                .replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE");
        // A text of ASCII characters only (one already normalized, often) has no accent to take off.
        if (!isAscii(s)) {
            s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        }
        return SPACES.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** How many words of a normalized text hold a letter (« 90 », « ? » and « - » are not counted). */
    static long words(String normalized) {
        return Arrays.stream(normalized.strip().split(" ")).filter(w -> w.chars().anyMatch(Character::isLetter)).count();
    }
}
