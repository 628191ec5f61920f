package fr.sommenumerique.helpdesk.assistant.rules;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts back the apostrophe of an elision typed without it: « ladresse », « laffichage », « lannee prochaine »,
 * written in a hurry on a phone, are words no article has, so the question lost its key word. A word is
 * split only when it is unknown as it stands and what follows the elided letter is a known word: « lettre » and
 * « dont » stay whole, « lediteur » stays whole if no article knows « editeur ». Known words are those of the
 * knowledge base's own texts (articles, cards, intent examples), so a maintainer's new text teaches new words. A word
 * with a capital is left alone: « Val-de-Selle » is a name.
 */
public final class GluedElisions {

    /** The elided word, then the word glued to it (at least four letters, starting with a vowel or an « h »). */
    private static final Pattern GLUED = Pattern.compile(
            "(?u)\\b(l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)([aeiouyhàâäéèêëîïôöùûü]\\p{Ll}{3,})\\b");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private final Supplier<? extends Collection<String>> texts;
    private volatile Set<String> knownWords;

    private GluedElisions(Supplier<? extends Collection<String>> texts) {
        this.texts = texts;
    }

    /**
     * Known words: every word of these texts, normalized (lower case, no accents), read on first use: a cold start
     * on one core is tight, and only a message with a glued elision needs them.
     */
    public static GluedElisions knowing(Supplier<? extends Collection<String>> texts) {
        return new GluedElisions(texts);
    }

    private Set<String> knownWords() {
        Set<String> known = knownWords;
        if (known == null) {
            Set<String> words = new HashSet<>();
            for (String text : texts.get()) {
                Matcher word = WORD.matcher(TextNormalizer.normalize(text));
                while (word.find()) {
                    words.add(word.group());
                }
            }
            knownWords = known = words;
        }
        return known;
    }

    /** The text as written, each glued elision split: « cest quoi ladresse » becomes « cest quoi l'adresse ». */
    public String split(String text) {
        Matcher glued = GLUED.matcher(text);
        StringBuilder result = null;
        int copied = 0;
        while (glued.find()) {
            String whole = TextNormalizer.normalize(glued.group());
            String rest = TextNormalizer.normalize(glued.group(2));
            if (knownWords().contains(whole) || !knownWords().contains(rest)) {
                continue;
            }
            if (result == null) {
                result = new StringBuilder(text.length() + 8);
            }
            result.append(text, copied, glued.end(1)).append('\'');
            copied = glued.end(1);
        }
        return result == null ? text : result.append(text, copied, text.length()).toString();
    }
}
