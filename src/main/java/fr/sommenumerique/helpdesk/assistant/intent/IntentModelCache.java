package fr.sommenumerique.helpdesk.assistant.intent;

import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Trained intent models kept on disk, one file per corpus: training takes most of a cold start on one core (the corpus
 * is thousands of examples), reading a trained model a few milliseconds. A file is named by the hash of everything
 * training depends on, so a changed example, tokenizer or parameter trains a new model; a file that cannot be read is
 * trained again and replaced.
 * <p>
 * A file holds the maximum-entropy model alone, in OpenNLP's binary format, through buffered streams: a whole
 * {@code DoccatModel} is a zip that OpenNLP writes one byte at a time, each byte deflated on its own, which took about
 * 300 ms of a first start on one core. The feature generators are ours anyway ({@link IntentClassifier}).
 */
public final class IntentModelCache {

    private static final Logger log = LoggerFactory.getLogger(IntentModelCache.class);

    private final Path folder;

    public IntentModelCache(Path folder) {
        this.folder = folder;
    }

    Optional<AbstractModel> load(String key) {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return Optional.of(new GenericModelReader(new BinaryFileDataReader(in)).getModel());
        } catch (IOException | RuntimeException e) {
            log.warn("Intent model {} unreadable, trained again: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /** Written to a temporary file and moved, so that a reader never sees half a model; a failure only costs speed. */
    void store(String key, AbstractModel model) {
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, "intent-model-", ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
                new GenericModelWriter(model, out).persist();
            }
            Files.move(temporary, file(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            log.warn("Intent model not kept in {}: {}", folder, e.toString());
        }
    }

    private Path file(String key) {
        return folder.resolve("intent-model-" + key + ".bin");
    }
}
