package fr.sommenumerique.helpdesk.assistant.intent;

import fr.sommenumerique.helpdesk.assistant.rules.MessageCleaner;
import fr.sommenumerique.helpdesk.assistant.rules.RecentResults;
import fr.sommenumerique.helpdesk.assistant.rules.TextNormalizer;
import fr.sommenumerique.helpdesk.knowledge.Intent;
import fr.sommenumerique.helpdesk.knowledge.IntentExample;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.InvalidFormatException;
import opennlp.tools.util.TrainingParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Tells what a message wants (a question, an incident, a membership or account request…) with a probability per
 * intent, learned from the labelled examples of the knowledge base when it loads. Apache OpenNLP's document
 * categorizer: maximum entropy over words and word pairs by default; naive Bayes is the alternative compared by
 * cross-validation ({@link CrossValidation}).
 */
public final class IntentClassifier {

    private static final Logger log = LoggerFactory.getLogger(IntentClassifier.class);

    public enum Algorithm {
        MAXENT("MAXENT"), NAIVE_BAYES("NAIVEBAYES");

        private final String openNlpName;

        Algorithm(String openNlpName) {
            this.openNlpName = openNlpName;
        }
    }

    /**
     * 100 iterations over the features seen at least twice: as accurate in 5-fold cross-validation on the 2,855
     * examples as 150 over every feature (85.4 %), fewer confident wrong guesses (2.7 % against 2.9 %), and half the
     * training time, which the first start after a corpus change waits for.
     */
    private static final int ITERATIONS = 100;
    private static final int CUTOFF = 2;
    private static final String LANGUAGE = Locale.FRENCH.getLanguage();
    /**
     * Changed when the way examples become features changes in a way the tokens do not show, or the cache's file
     * format changes (2: the maximum-entropy model alone, no longer a whole DoccatModel).
     */
    private static final int MODEL_FORMAT = 2;

    private final DocumentCategorizerME categorizer;
    private final UnaryOperator<String> cleaner;
    /** The scores of the last texts: a long message classifies some of its texts several times. */
    private final RecentResults<String, IntentScores> recentClassifications = new RecentResults<>(64);

    private IntentClassifier(DocumentCategorizerME categorizer, UnaryOperator<String> cleaner) {
        this.categorizer = categorizer;
        this.cleaner = cleaner;
    }

    /**
     * Trains on the examples, each cleaned as messages are before they are classified (greeting, signature).
     * Fails if fewer than two intents have examples.
     */
    public static IntentClassifier train(List<IntentExample> examples, Algorithm algorithm, UnaryOperator<String> cleaner) {
        return new IntentClassifier(new DocumentCategorizerME(trainModel(samples(examples, cleaner), algorithm)), cleaner);
    }

    /**
     * The same, reading the model from the cache when it holds one trained on exactly these examples and parameters,
     * and keeping a newly trained one there ({@code cache} may be null: no cache). The cleaning is the decision
     * engine's, as the build's model was trained with it.
     */
    public static IntentClassifier train(List<IntentExample> examples, Algorithm algorithm, MessageCleaner cleaner,
                                         IntentModelCache cache) {
        // The model the build bundled for this very corpus, found without cleaning and tokenizing every example: that
        // took most of the classifier's cold start on one core.
        String corpusKey = cache == null ? null : corpusKey(examples, algorithm);
        AbstractModel shipped = cache == null ? null : cache.loadShippedCorpus(corpusKey).orElse(null);
        if (shipped != null) {
            return new IntentClassifier(new DocumentCategorizerME(withOurFeatures(shipped)), cleaner::clean);
        }
        List<DocumentSample> samples = samples(examples, cleaner::clean);
        String key = cache == null ? null : key(samples, algorithm);
        DoccatModel model = cache == null ? null : cache.load(key).map(IntentClassifier::withOurFeatures).orElse(null);
        if (model == null) {
            long start = System.nanoTime();
            model = trainModel(samples, algorithm);
            if (cache != null) {
                log.info("Intent classifier trained on {} examples in {} ms (no model of this corpus kept or bundled)",
                        samples.size(), (System.nanoTime() - start) / 1_000_000);
                cache.store(key, (AbstractModel) model.getMaxentModel());
            }
        }
        if (cache != null) {
            cache.storeCorpus(corpusKey, key);
        }
        return new IntentClassifier(new DocumentCategorizerME(model), cleaner::clean);
    }

    /** Each example cleaned and tokenized; fails if fewer than two intents have examples. */
    private static List<DocumentSample> samples(List<IntentExample> examples, UnaryOperator<String> cleaner) {
        List<DocumentSample> samples = examples.stream()
                .map(e -> new DocumentSample(e.intent().code(), IntentTokens.of(cleaner.apply(e.text()))))
                .filter(s -> s.getText().length > 0)
                .toList();
        if (samples.stream().map(DocumentSample::getCategory).distinct().count() < 2) {
            throw new IllegalArgumentException("at least two intents need examples to train a classifier");
        }
        return samples;
    }

    private static DoccatModel trainModel(List<DocumentSample> samples, Algorithm algorithm) {
        TrainingParameters parameters = TrainingParameters.defaultParams();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, algorithm.openNlpName);
        parameters.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        parameters.put(TrainingParameters.CUTOFF_PARAM, CUTOFF);
        // The events are indexed in memory: the default two-pass indexer writes them to a temporary file first.
        parameters.put(AbstractEventTrainer.DATA_INDEXER_PARAM, AbstractEventTrainer.DATA_INDEXER_ONE_PASS_VALUE);
        try {
            return DocumentCategorizerME.train(LANGUAGE, new CollectionObjectStream<>(samples), parameters, factory());
        } catch (InvalidFormatException e) {
            throw new IllegalArgumentException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cached maximum-entropy model with our feature generators (the cache keeps the model alone). */
    private static DoccatModel withOurFeatures(MaxentModel read) {
        return new DoccatModel(LANGUAGE, read, Map.of(), factory());
    }

    private static DoccatFactory factory() {
        try {
            return new DoccatFactory(new FeatureGenerator[]{new BagOfWordsFeatureGenerator(),
                    new NGramFeatureGenerator(2, 2)});
        } catch (InvalidFormatException e) {
            throw new IllegalStateException(e); // two-word pairs are valid n-grams
        }
    }

    /** What training depends on: the algorithm and its parameters, the features, and every example as tokenized. */
    private static String key(List<DocumentSample> samples, Algorithm algorithm) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((MODEL_FORMAT + "|" + algorithm + "|" + ITERATIONS + "|" + CUTOFF + "|words+pairs\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (DocumentSample sample : samples) {
                digest.update((sample.getCategory() + "\t" + String.join(" ", sample.getText()) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The examples as written, the parameters, and the code that turns an example into features (the classes'
     * bytes: a changed cleaner or tokenizer is another corpus key). Cheap: no example is cleaned nor tokenized. The
     * build records which model {@link #key} this corpus key gives, and only the bundled record is trusted: it was
     * written by the same build as the code.
     */
    public static String corpusKey(List<IntentExample> examples, Algorithm algorithm) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((MODEL_FORMAT + "|" + algorithm + "|" + ITERATIONS + "|" + CUTOFF + "|words+pairs\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (Class<?> code : List.of(IntentClassifier.class, IntentTokens.class, MessageCleaner.class,
                    TextNormalizer.class)) {
                digest.update(classBytes(code));
            }
            for (IntentExample example : examples) {
                String text = example.text();
                digest.update((example.intent().code() + "\t" + text.length() + "\t" + text + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] classBytes(Class<?> code) {
        try (InputStream in = code.getResourceAsStream(code.getSimpleName() + ".class")) {
            if (in == null) {
                throw new IllegalStateException("no class file for " + code.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The probability of each intent for a message (already cleaned of greeting and signature, or not). */
    public IntentScores classify(String text) {
        return recentClassifications.get(text, () -> classifyNow(text));
    }

    private IntentScores classifyNow(String text) {
        String[] tokens = IntentTokens.of(cleaner.apply(text));
        if (tokens.length == 0) {
            return new IntentScores(java.util.Map.of(Intent.GREETING, 1.0));
        }
        double[] outcomes;
        synchronized (categorizer) { // DocumentCategorizerME is not thread-safe
            outcomes = categorizer.categorize(tokens);
        }
        return IntentScores.of(outcomes, categorizer::getCategory);
    }
}
