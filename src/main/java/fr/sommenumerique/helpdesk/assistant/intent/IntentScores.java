package fr.sommenumerique.helpdesk.assistant.intent;

import fr.sommenumerique.helpdesk.knowledge.Intent;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** The classifier's probability for each intent (they sum to 1). */
public record IntentScores(Map<Intent, Double> probabilities) {

    public static final IntentScores NONE = new IntentScores(Map.of());

    public IntentScores {
        probabilities = Map.copyOf(probabilities);
    }

    public Intent best() {
        return probabilities.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(Intent.QUESTION);
    }

    public double probability(Intent intent) {
        return probabilities.getOrDefault(intent, 0.0);
    }

    /** The total probability of the requests recorded as subscriptions. */
    public double requestProbability() {
        return probabilities.entrySet().stream().filter(e -> e.getKey().isRequest()).mapToDouble(Map.Entry::getValue).sum();
    }

    /**
     * How many times more likely the requests are together than if the probability were spread evenly over the
     * intents. A few words that ask nothing (« Question », « Mairie de Rue ») spread it nearly evenly, and most
     * intents are requests: their sum alone is high there, their lift stays near 1.
     */
    public double requestLift() {
        long requests = probabilities.keySet().stream().filter(Intent::isRequest).count();
        return requests == 0 ? 0 : requestProbability() * probabilities.size() / requests;
    }

    /** The most likely request intent (membership, account…). */
    public Intent bestRequest() {
        return probabilities.entrySet().stream().filter(e -> e.getKey().isRequest())
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(Intent.MEMBERSHIP);
    }

    /** Intents by decreasing probability, rounded to 3 decimals, for the decision shown to staff. */
    public Map<String, Double> ranked() {
        Map<String, Double> ranked = new LinkedHashMap<>();
        probabilities.entrySet().stream()
                .sorted(Map.Entry.<Intent, Double>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> ranked.put(e.getKey().code(), Math.round(e.getValue() * 1000) / 1000.0));
        return ranked;
    }

    static IntentScores of(double[] outcomes, java.util.function.IntFunction<String> category) {
        Map<Intent, Double> probabilities = new EnumMap<>(Intent.class);
        for (int i = 0; i < outcomes.length; i++) {
            int index = i;
            Intent.fromCode(category.apply(i)).ifPresent(intent -> probabilities.put(intent, outcomes[index]));
        }
        return new IntentScores(probabilities);
    }
}
