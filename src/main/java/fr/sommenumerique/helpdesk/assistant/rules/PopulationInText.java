package fr.sommenumerique.helpdesk.assistant.rules;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** « commune de 412 hab », « nous sommes 2 350 habitants »: the population a writer states. */
public final class PopulationInText {

    private static final Pattern POPULATION = Pattern.compile("\\b(\\d{1,3}(?:[ .]\\d{3})*|\\d+)\\s*(?:hab\\b|habs\\b|habitants?\\b|h\\b)");

    private PopulationInText() {
    }

    public static Optional<Integer> find(String normalizedText) {
        Matcher matcher = POPULATION.matcher(normalizedText);
        if (!matcher.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(matcher.group(1).replaceAll("[ .]", "")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
