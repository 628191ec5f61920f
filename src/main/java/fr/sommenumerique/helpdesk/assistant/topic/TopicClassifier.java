package fr.sommenumerique.helpdesk.assistant.topic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Tells which article or topic card a message is about, with a probability for each, learned from the questions
 * people asked about each one (the topic corpus {@code sujets/} and the articles' titles and sample questions). A
 * second opinion beside the search, which picks articles on shared words: « j'ai essayé de vous appeler à 13h15 …
 * personne n'a décroché » shares few words with the article on the opening hours but is asked like the questions
 * people wrote about it.
 * <p>
 * Multinomial naive Bayes over the words as the index analyses them. It is counting words:
 * done here in a few milliseconds, where OpenNLP's trainer, built for feature generators and model files, took about
 * 0.4 s of the cold start for the same model.
 */
public final class TopicClassifier {

    /** One question and the article (or card) id it is about. */
    public record Example(String articleId, String text) {
    }

    /**
     * Lidstone smoothing, as OpenNLP's naive Bayes: a word an article's questions never use costs it little, so that
     * the words they do use decide (add-one smoothing flattens 64 subjects too much).
     */
    private static final double SMOOTHING = 0.05;
    private final Function<String, List<String>> terms;
    private final List<String> ids;
    private final double[] logPriors;
    /** Per term, the log probability of that term in each article's questions (unknown terms are skipped). */
    private final Map<String, double[]> logLikelihoods;

    private TopicClassifier(Function<String, List<String>> terms, List<String> ids, double[] logPriors,
                            Map<String, double[]> logLikelihoods) {
        this.terms = terms;
        this.ids = ids;
        this.logPriors = logPriors;
        this.logLikelihoods = logLikelihoods;
    }

    /**
     * Trains on the examples, each reduced to its terms by {@code terms} (the index's analysis). Fails if fewer than
     * two articles have examples.
     */
    public static TopicClassifier train(List<Example> examples, Function<String, List<String>> terms) {
        Map<String, Integer> index = new LinkedHashMap<>();
        Map<String, Map<Integer, Integer>> counts = new HashMap<>();
        List<Integer> labels = new ArrayList<>();
        for (Example example : examples) {
            List<String> words = terms.apply(example.text());
            if (words.isEmpty()) {
                continue;
            }
            int label = index.computeIfAbsent(example.articleId(), id -> index.size());
            labels.add(label);
            for (String word : words) {
                counts.computeIfAbsent(word, w -> new HashMap<>()).merge(label, 1, Integer::sum);
            }
        }
        int classes = index.size();
        if (classes < 2) {
            throw new IllegalArgumentException("at least two articles need example questions to train a classifier");
        }
        double[] logPriors = new double[classes];
        labels.forEach(label -> logPriors[label]++);
        for (int c = 0; c < classes; c++) {
            logPriors[c] = Math.log(logPriors[c] / labels.size());
        }
        long[] totals = new long[classes];
        counts.values().forEach(perClass -> perClass.forEach((label, n) -> totals[label] += n));
        int vocabulary = counts.size();
        double[] logDenominators = new double[classes];
        double[] logUnseen = new double[classes];
        for (int c = 0; c < classes; c++) {
            logDenominators[c] = Math.log(totals[c] + SMOOTHING * vocabulary);
            logUnseen[c] = Math.log(SMOOTHING) - logDenominators[c];
        }
        Map<String, double[]> logLikelihoods = new HashMap<>();
        counts.forEach((word, perClass) -> {
            double[] row = logUnseen.clone();
            perClass.forEach((label, n) -> row[label] = Math.log(n + SMOOTHING) - logDenominators[label]);
            logLikelihoods.put(word, row);
        });
        return new TopicClassifier(terms, List.copyOf(index.keySet()), logPriors, logLikelihoods);
    }

    /** Trains on the examples once, the first time the classifier is asked for (thread-safe). */
    public static Supplier<TopicClassifier> trainedOnFirstUse(List<Example> examples,
                                                              Function<String, List<String>> terms) {
        return new Supplier<>() {
            private TopicClassifier trained;

            @Override
            public synchronized TopicClassifier get() {
                if (trained == null) {
                    trained = train(examples, terms);
                }
                return trained;
            }
        };
    }

    /** The probability that the text is about each article or card (empty when no word of it was learned). */
    public TopicScores classify(String text) {
        double[] scores = logPriors.clone();
        boolean known = false;
        for (String word : terms.apply(text)) {
            double[] row = logLikelihoods.get(word);
            if (row != null) {
                known = true;
                for (int c = 0; c < scores.length; c++) {
                    scores[c] += row[c];
                }
            }
        }
        if (!known) {
            return TopicScores.NONE;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double score : scores) {
            max = Math.max(max, score);
        }
        double sum = 0;
        for (int c = 0; c < scores.length; c++) {
            scores[c] = Math.exp(scores[c] - max);
            sum += scores[c];
        }
        Map<String, Double> probabilities = new HashMap<>();
        for (int c = 0; c < scores.length; c++) {
            probabilities.put(ids.get(c), scores[c] / sum);
        }
        return new TopicScores(probabilities);
    }
}
