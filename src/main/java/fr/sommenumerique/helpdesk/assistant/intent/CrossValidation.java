package fr.sommenumerique.helpdesk.assistant.intent;

import fr.sommenumerique.helpdesk.knowledge.Intent;
import fr.sommenumerique.helpdesk.knowledge.IntentExample;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * k-fold cross-validation of the intent classifier on the corpus: each example is classified by a model trained
 * without its fold. The folds are drawn with a fixed seed, so figures are comparable from run to run.
 *
 * @param accuracy  share of examples whose best intent is their label
 * @param confident share of examples classified with a probability of at least {@link #CONFIDENT}
 * @param confidentWrong share of examples classified wrongly with such a probability
 */
public record CrossValidation(IntentClassifier.Algorithm algorithm, int folds, int examples, double accuracy,
                              double confident, double confidentWrong, Map<Intent, double[]> precisionRecall) {

    public static final double CONFIDENT = 0.6;

    public static CrossValidation run(List<IntentExample> corpus, List<IntentExample> alwaysTrained,
                                      IntentClassifier.Algorithm algorithm, int folds, UnaryOperator<String> cleaner) {
        List<IntentExample> shuffled = new ArrayList<>(corpus);
        java.util.Collections.shuffle(shuffled, new Random(14));
        int right = 0;
        int confident = 0;
        int confidentWrong = 0;
        Map<Intent, int[]> counts = new EnumMap<>(Intent.class); // true positives, predicted, actual
        for (int fold = 0; fold < folds; fold++) {
            List<IntentExample> train = new ArrayList<>(alwaysTrained);
            List<IntentExample> test = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                (i % folds == fold ? test : train).add(shuffled.get(i));
            }
            IntentClassifier classifier = IntentClassifier.train(train, algorithm, cleaner);
            for (IntentExample example : test) {
                IntentScores scores = classifier.classify(example.text());
                Intent predicted = scores.best();
                boolean isRight = predicted == example.intent();
                right += isRight ? 1 : 0;
                if (scores.probability(predicted) >= CONFIDENT) {
                    confident++;
                    confidentWrong += isRight ? 0 : 1;
                }
                counts.computeIfAbsent(predicted, k -> new int[3])[1]++;
                counts.computeIfAbsent(example.intent(), k -> new int[3])[2]++;
                if (isRight) {
                    counts.get(predicted)[0]++;
                }
            }
        }
        Map<Intent, double[]> precisionRecall = new EnumMap<>(Intent.class);
        counts.forEach((intent, c) -> precisionRecall.put(intent, new double[]{
                c[1] == 0 ? Double.NaN : (double) c[0] / c[1], c[2] == 0 ? Double.NaN : (double) c[0] / c[2]}));
        int n = shuffled.size();
        return new CrossValidation(algorithm, folds, n, (double) right / n, (double) confident / n,
                (double) confidentWrong / n, precisionRecall);
    }

    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(java.util.Locale.ROOT, "%s, %d-fold over %d examples: accuracy %.1f %%, "
                        + "confident (p >= %.1f) %.1f %%, confident and wrong %.1f %%", algorithm, folds, examples,
                accuracy * 100, CONFIDENT, confident * 100, confidentWrong * 100));
        precisionRecall.forEach((intent, pr) -> lines.add(String.format(java.util.Locale.ROOT,
                "  %-20s precision %s  recall %s", intent.code(), percent(pr[0]), percent(pr[1]))));
        return lines;
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "   -" : String.format(java.util.Locale.ROOT, "%3.0f %%", value * 100);
    }
}
