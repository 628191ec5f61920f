package fr.sommenumerique.helpdesk.assistant;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import fr.sommenumerique.helpdesk.assistant.intent.IntentModelCache;
import fr.sommenumerique.helpdesk.knowledge.KnowledgeBase;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by the build before tests and packaging (pom.xml, phase {@code process-classes}): trains the intent model of the
 * shipped knowledge base as the decision engine does at start (the same engine, so the same examples and key) and
 * writes it among the classes, where the model cache finds it (see
 * {@link fr.sommenumerique.helpdesk.assistant.intent.IntentModelCache}). A fresh install's first start then reads it
 * instead of training. Does nothing if the knowledge base is absent.
 * <p>
 * Arguments: the knowledge-base folder, the output folder ({@code target/classes/intent-models}).
 */
public final class ShippedIntentModelTrainer {

    private ShippedIntentModelTrainer() {
    }

    public static void main(String[] args) throws IOException {
        Path knowledge = Path.of(args[0]);
        Path output = Path.of(args[1]);
        if (!Files.isDirectory(knowledge)) {
            System.out.println("No " + knowledge + ": no intent model bundled");
            return;
        }
        // One line in the build's output: the model read or trained, not each training iteration.
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        ((Logger) LoggerFactory.getLogger(IntentModelCache.class.getPackageName())).setLevel(Level.INFO);
        // The model is looked up by the key of the corpus as tokenized now, never through the records of the previous
        // build's bundle (target/classes, on this classpath): the code that tokenizes may have changed since.
        String ignored = System.setProperty(IntentModelCache.IGNORE_BUNDLED_PROPERTY, "true");
        try {
            KnowledgeBase knowledgeBase = KnowledgeBase.load(knowledge);
            new DecisionEngine(knowledgeBase, new AssistantSettings(null, null, null, null, output));
            // A model of the current corpus already there was read, not trained; those of older corpora go.
            IntentModelCache.keepOnlyCorpus(output, DecisionEngine.intentCorpusKey(knowledgeBase));
        } finally {
            if (ignored == null) {
                System.clearProperty(IntentModelCache.IGNORE_BUNDLED_PROPERTY);
            } else {
                System.setProperty(IntentModelCache.IGNORE_BUNDLED_PROPERTY, ignored);
            }
        }
    }
}
