package fr.sommenumerique.helpdesk.conversation.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises a bare thank-you or acknowledgement (« merci », « bien reçu », « ok merci beaucoup ! »), which must
 * not reopen a finished ticket. Anything with more content is a real reply.
 */
public final class Acknowledgements {

    private static final Pattern BARE = Pattern.compile(
            "^(?:(?:bonjour|bonsoir|salut|hello|coucou|madame|monsieur|re|ok|okay|d'accord|daccord|parfait|super|top|genial|tres bien|nickel|entendu|"
                    + "c'est note|note|bien recu|bien note|recu|merci|mercii+|merci beaucoup|merci bien|mille mercis|"
                    + "grand merci|un grand merci|merci a vous|merci pour (?:votre|la|cette) (?:reponse|aide|retour|info)s?|"
                    + "merci de votre (?:reponse|aide|retour)|cela me convient|ca marche|c'est bon|c'est parfait|"
                    + "cordialement|bien cordialement|bonne journee|bonne soiree|a bientot|thanks|thank you)"
                    + "[\\s,.!:;)(-]*)+$");
    private static final Pattern GREETING = Pattern.compile(
            "^(?:(?:bonjour|bonsoir|salut|hello|coucou|re|madame|monsieur|a tous)[\\s,.!:;)(-]*)+$");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern EMOJI = Pattern.compile("[\\p{So}\\p{Sk}\\x{1F000}-\\x{1FAFF}]+");

    private Acknowledgements() {
    }

    public static boolean isBare(String text) {
        String normalized = normalize(text);
        return !normalized.isEmpty() && normalized.length() <= 80 && BARE.matcher(normalized).matches();
    }

    /** A greeting and nothing else (« Bonjour », « bonjour madame ! »): the question is still to come. */
    public static boolean isGreeting(String text) {
        String normalized = normalize(text);
        return isBare(text) && GREETING.matcher(normalized).matches();
    }

    private static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String normalized = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .replace('\u2019', '\'').toLowerCase(Locale.ROOT);
        return EMOJI.matcher(normalized).replaceAll(" ").replaceAll("\\s+", " ").strip();
    }
}
