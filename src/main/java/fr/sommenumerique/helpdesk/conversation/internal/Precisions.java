package fr.sommenumerique.helpdesk.conversation.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises a precision about the conversation just had (« Précision : c'est pour la commune de X », « PS : … »,
 * « j'ai oublié : … »): what it says completes that conversation instead of being read as a new question.
 */
final class Precisions {

    private static final Pattern OPENING = Pattern.compile(
            "^(?:petite |une )?(?:precision|precisions|je precise|pour preciser|a preciser|en complement|pour completer|"
                    + "complement d'information|voici|voila|ci-joint|ci joint|en piece jointe|je vous joins|je joins|je vous envoie|"
                    + "ps|p\\.s\\.|j'ai oublie|j'oubliais|au fait|c'est pour|c est pour|"
                    + "il s'agit de la commune|il s'agit de|pour la commune|concernant la commune|je suis la commune|"
                    + "je suis de la commune|je suis la mairie|commune de|mairie de)\\b");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final int MAX_WORDS = 40;

    private Precisions() {
    }

    private static String normalize(String text) {
        return MARKS.matcher(Normalizer.normalize(text.strip(), Normalizer.Form.NFD)).replaceAll("")
                .replace('\u2019', '\'').toLowerCase(Locale.ROOT);
    }

    private static final Pattern QUESTION = Pattern.compile(
            "\\?|^(?:comment|pourquoi|quand|quel|quelle|quels|quelles|qui|ou|combien|est-ce|est ce|pouvez|peut-on|"
                    + "puis-je|faut-il|doit-on|avez-vous|existe-t-il|y a-t-il)\\b");

    /** Asks something: a question mark, or the first word of a question. */
    static boolean isQuestion(String text) {
        return text != null && QUESTION.matcher(normalize(text)).find();
    }

    static boolean isPrecision(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String normalized = normalize(text);
        return normalized.split("\\s+").length <= MAX_WORDS && OPENING.matcher(normalized).find();
    }
}
