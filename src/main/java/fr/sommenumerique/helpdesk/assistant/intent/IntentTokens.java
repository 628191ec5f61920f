package fr.sommenumerique.helpdesk.assistant.intent;

import fr.sommenumerique.helpdesk.assistant.rules.TextNormalizer;
import org.apache.lucene.analysis.fr.FrenchLightStemmer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words the intent classifier sees: lower case, no accents, lightly stemmed, numbers reduced to their shape.
 * Stop words are kept: « comment », « pouvez-vous », « ne … plus » are what tell a question from a request or an
 * incident.
 */
final class IntentTokens {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}@€%]+");
    private static final Pattern NUMBER = Pattern.compile("\\p{N}+");

    private IntentTokens() {
    }

    static String[] of(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = WORD.matcher(TextNormalizer.normalize(text));
        FrenchLightStemmer stemmer = new FrenchLightStemmer();
        while (matcher.find()) {
            String word = matcher.group();
            if (NUMBER.matcher(word).matches()) {
                tokens.add(word.length() >= 4 ? "#nombre" : "#petitnombre");
                continue;
            }
            char[] chars = word.toCharArray();
            int length = stemmer.stem(chars, chars.length);
            tokens.add(new String(chars, 0, length));
        }
        if (!tokens.isEmpty()) {
            // How a message starts (« quand », « merci », « pouvez ») and whether it asks: shapes the corpus teaches.
            tokens.add("#debut_" + tokens.get(0));
            if (text.contains("?")) {
                tokens.add("#interrogation");
            }
        }
        return tokens.toArray(String[]::new);
    }
}
