package fr.sommenumerique.helpdesk.assistant.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The question itself in a message that also gives context: « Notre marché fait 230 000 € HT sur 4 ans. Est-ce qu'on
 * dépasse le seuil européen ? » → « Est-ce qu'on dépasse le seuil européen ? ». Context words about the commune, the
 * mayor or the day dilute how well an article seems to cover a message; the question sentence says what is asked.
 */
public final class QuestionFocus {

    private static final Pattern SENTENCE = Pattern.compile("[^.!?]+[.!?]*");

    private QuestionFocus() {
    }

    /** The sentences that end with a question mark, when the message has other sentences as well. */
    public static Optional<String> of(String text) {
        List<String> questions = new ArrayList<>();
        int sentences = 0;
        Matcher matcher = SENTENCE.matcher(text);
        while (matcher.find()) {
            String sentence = matcher.group().strip();
            if (sentence.isEmpty()) {
                continue;
            }
            sentences++;
            if (sentence.endsWith("?")) {
                questions.add(sentence);
            }
        }
        if (questions.isEmpty() || questions.size() == sentences) {
            return Optional.empty();
        }
        return Optional.of(String.join(" ", questions));
    }
}
