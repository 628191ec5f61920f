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
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u202f]+");

    private TextNormalizer() {
    }

    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String s = text.replace('\u2019', '\'').replace('\u2018', '\'').replace('`', '\'')
                .replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE");
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** How many words of a normalized text hold a letter (« 90 », « ? » and « - » are not counted). */
    static long words(String normalized) {
        return Arrays.stream(normalized.strip().split(" ")).filter(w -> w.chars().anyMatch(Character::isLetter)).count();
    }
}
