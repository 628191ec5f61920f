package fr.sommenumerique.helpdesk.assistant.rules;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Acronyms a message uses (SIRET, URSSAF, TVA…), and the other names it cites: a person (« Mme Maille-Barbare »)
 * or a handle (« @utonum »). One that no article mentions names something the knowledge base does not cover, however
 * well the rest of the question matches: then the assistant hands over.
 */
public final class Acronyms {

    private static final Pattern ACRONYM = Pattern.compile("\\b\\p{Lu}{3,}\\b");
    private static final Pattern NAME = Pattern.compile("(?:\\b(?:Mme|Mlle|M\\.|Madame|Monsieur) )(\\p{Lu}[\\p{L}'-]+)"
            + "|(@\\w+)");
    private static final double SHOUTING = 0.5;
    /** A header of a forwarded mail, quoted up to its « > »: « De : SARL Menuiserie Dufour > ». */
    private static final Pattern HEADER = Pattern.compile("(?i)\\b(?:de|from|objet|subject|envoy\\p{L}*|date|cc)\\s*:"
            + "[^>\\n]*(?=>)"
            // « De : SARL Menuiserie Dufour Envoyé : mardi 3 mars 2026 10:02 À : … Objet : » written on one line
            + "|(?i)\\b(?:de|from)\\s*:[^?!>\\n]{1,200}?\\b(?:envoy\\p{L}*|date|sent)\\s*:[^?!>\\n]{1,200}?"
            + "\\b(?:objet|subject|sujet)\\s*:");

    private Acronyms() {
    }

    /** The acronyms of the text, none when the whole text is written in capitals. */
    public static Set<String> in(String original) {
        Set<String> acronyms = new LinkedHashSet<>();
        if (original == null || upperCaseShare(original) > SHOUTING) {
            return acronyms;
        }
        // « De : SARL Menuiserie Dufour > Objet : … »: the headers of a forwarded mail name its sender, not what is asked.
        Matcher matcher = ACRONYM.matcher(HEADER.matcher(original).replaceAll(" "));
        while (matcher.find()) {
            acronyms.add(matcher.group());
        }
        // Only a name inside a question: the one of a signature (« Mme Tellier, secrétaire de mairie ») asks nothing.
        Matcher names = NAME.matcher(original);
        while (names.find()) {
            if (inQuestion(original, names.end())) {
                acronyms.add(names.group(1) != null ? names.group(1) : names.group(2));
            }
        }
        return acronyms;
    }

    /**
     * Whether the acronym matters to what is asked: it stands in a sentence that asks (when the message asks with a
     * question mark: « @utonum c'est dans le pack ? Des habitants … démarches CAF. » asks nothing about the CAF), and
     * not as one option among others (« c'est une association, une SPL, une collectivité ? »: a guess the answer
     * corrects when it knows the other options).
     */
    public static boolean asked(String original, String acronym) {
        String a = Pattern.quote(acronym);
        Matcher matcher = Pattern.compile("(?<!\\w)" + a + "(?!\\w)").matcher(original);
        boolean asks = original.indexOf('?') < 0;
        while (matcher.find()) {
            asks |= inQuestion(original, matcher.end());
        }
        // « une association, une SPL, … », « le FSE ou le FEDER », « FSE ou FEDER »
        Pattern optionWithArticle = Pattern.compile("(?i)\\b(une?|les?|la|des) [\\p{L}-]+ ?(?:,|ou) \\1 " + a
                + "\\b|\\b(une?|les?|la|des) " + a + " ?(?:,|ou) \\2 [\\p{L}-]+");
        Pattern besideAnotherAcronym = Pattern.compile("\\b\\p{Lu}{2,}[\\p{Lu}-]* ?(?:,|ou) " + a + "\\b|\\b" + a
                + " ?(?:,|ou) \\p{Lu}{2,}");
        return asks && !optionWithArticle.matcher(original).find() && !besideAnotherAcronym.matcher(original).find();
    }

    /** Whether the sentence going on at this index ends with a question mark. */
    private static boolean inQuestion(String text, int index) {
        for (int i = index; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '?' || c == '.' || c == '!' || c == '\n') {
                return c == '?';
            }
        }
        return false;
    }

    private static double upperCaseShare(String text) {
        long letters = text.chars().filter(Character::isLetter).count();
        long upper = text.chars().filter(Character::isUpperCase).count();
        return letters == 0 ? 0 : (double) upper / letters;
    }
}
