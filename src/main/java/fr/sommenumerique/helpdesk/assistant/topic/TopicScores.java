package fr.sommenumerique.helpdesk.assistant.topic;

import java.util.Map;
import java.util.Optional;

/** The topic classifier's probability for each article or card id (they sum to 1, or the map is empty). */
public record TopicScores(Map<String, Double> probabilities) {

    public static final TopicScores NONE = new TopicScores(Map.of());

    public TopicScores {
        probabilities = Map.copyOf(probabilities);
    }

    public double probability(String articleId) {
        return probabilities.getOrDefault(articleId, 0.0);
    }

    /** The most likely id (of two as likely, the first in id order: the answer does not depend on a map's order). */
    public Optional<String> best() {
        return probabilities.entrySet().stream()
                .min(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey);
    }
}
