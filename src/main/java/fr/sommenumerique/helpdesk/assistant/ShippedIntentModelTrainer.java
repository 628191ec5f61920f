package fr.sommenumerique.helpdesk.assistant;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import fr.sommenumerique.helpdesk.assistant.intent.IntentModelCache;
import fr.sommenumerique.helpdesk.knowledge.KnowledgeBase;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

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
        List<Path> before = models(output);
        new DecisionEngine(KnowledgeBase.load(knowledge), new AssistantSettings(null, null, null, null, output));
        List<Path> after = models(output);
        // A model of the current corpus already there was read, not trained; a new one replaces those of older corpora.
        if (!after.equals(before)) {
            for (Path old : before) {
                Files.deleteIfExists(old);
            }
        }
    }

    private static List<Path> models(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".bin")).sorted().toList();
        }
    }
}
