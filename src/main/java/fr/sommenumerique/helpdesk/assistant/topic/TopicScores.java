package fr.sommenumerique.helpdesk.assistant.topic;

import java.util.Map;

/** The topic classifier's probability for each article or card id (they sum to 1, or the map is empty). */
public record TopicScores(Map<String, Double> probabilities) {

    public static final TopicScores NONE = new TopicScores(Map.of());

    public TopicScores {
        probabilities = Map.copyOf(probabilities);
    }

    public double probability(String articleId) {
        return probabilities.getOrDefault(articleId, 0.0);
    }
}
