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
import java.nio.charset.StandardCharsets;
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
 * <p>
 * After its folder, the cache reads the model the build trained on the shipped corpus, bundled with the application
 * ({@code intent-models/} on the classpath, read-only): a fresh install does not train at its first start. A corpus
 * changed since has another key, so it is trained and kept in the folder as before.
 * <p>
 * Computing that key means cleaning and tokenizing every example. Beside each model the cache also keeps which model
 * key a corpus as written gives ({@code corpus-<corpus key>.txt}, see {@link IntentClassifier#corpusKey}); the
 * bundled record lets a start on the shipped corpus skip that work. Records in the folder are not read: only the
 * build's are sure to match the code that runs.
 */
public final class IntentModelCache {

    private static final Logger log = LoggerFactory.getLogger(IntentModelCache.class);

    /** Where the build puts the model of the shipped corpus, on the classpath. */
    public static final String BUNDLED_FOLDER = "intent-models/";
    /**
     * Set to {@code true}, the bundled model is ignored: for the benchmark, to measure a first start after a corpus
     * change with the shipped corpus.
     */
    public static final String IGNORE_BUNDLED_PROPERTY = "helpdesk.assistant.ignore-bundled-model";

    private static final String MODEL_PREFIX = "intent-model-";
    private static final String CORPUS_PREFIX = "corpus-";

    private final Path folder;
    private final ClassLoader bundled;

    public IntentModelCache(Path folder) {
        this(folder, Boolean.getBoolean(IGNORE_BUNDLED_PROPERTY) ? null : IntentModelCache.class.getClassLoader());
    }

    /** A cache whose bundled models are read from {@code bundled} (none if null). */
    IntentModelCache(Path folder, ClassLoader bundled) {
        this.folder = folder;
        this.bundled = bundled;
    }

    /** The model of this key: from the folder, else bundled with the application, else none (to be trained). */
    Optional<AbstractModel> load(String key) {
        Path file = file(key);
        if (Files.isRegularFile(file)) {
            try {
                Optional<AbstractModel> kept = read(file.toString(), Files.newInputStream(file));
                if (kept.isPresent()) {
                    return kept;
                }
            } catch (IOException e) {
                log.warn("Intent model {} unreadable: {}", file, e.toString());
            }
        }
        String resource = BUNDLED_FOLDER + file.getFileName();
        InputStream in = bundled == null ? null : bundled.getResourceAsStream(resource);
        return in == null ? Optional.empty() : read("the application (" + resource + ")", in);
    }

    /** The bundled model of this corpus, found through the build's record of its model key; else none. */
    Optional<AbstractModel> loadShippedCorpus(String corpusKey) {
        if (bundled == null) {
            return Optional.empty();
        }
        try (InputStream record = bundled.getResourceAsStream(BUNDLED_FOLDER + corpusFileName(corpusKey))) {
            if (record == null) {
                return Optional.empty();
            }
            String key = new String(record.readAllBytes(), StandardCharsets.US_ASCII).strip();
            String resource = BUNDLED_FOLDER + modelFileName(key);
            InputStream in = bundled.getResourceAsStream(resource);
            return in == null ? Optional.empty() : read("the application (" + resource + ")", in);
        } catch (IOException e) {
            log.warn("Intent model record of corpus {} unreadable: {}", corpusKey, e.toString());
            return Optional.empty();
        }
    }

    /** Records the model key of a corpus, for the build to bundle; a failure only costs speed. */
    void storeCorpus(String corpusKey, String key) {
        Path file = folder.resolve(corpusFileName(corpusKey));
        try {
            if (!Files.isRegularFile(file)) {
                Files.createDirectories(folder);
                Files.writeString(file, key + "\n", StandardCharsets.US_ASCII);
            }
        } catch (IOException e) {
            log.warn("Intent model record not kept in {}: {}", folder, e.toString());
        }
    }

    /**
     * Deletes from the folder the models and records of every corpus but this one (the build keeps only the shipped
     * corpus's); does nothing if the folder has no record of it.
     */
    public static void keepOnlyCorpus(Path folder, String corpusKey) throws IOException {
        Path record = folder.resolve(corpusFileName(corpusKey));
        if (!Files.isRegularFile(record)) {
            return;
        }
        Path model = folder.resolve(modelFileName(Files.readString(record, StandardCharsets.US_ASCII).strip()));
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                boolean ours = name.startsWith(CORPUS_PREFIX) || name.startsWith(MODEL_PREFIX);
                if (ours && !file.equals(record) && !file.equals(model)) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Reads and closes {@code in}. */
    private static Optional<AbstractModel> read(String source, InputStream in) {
        try (InputStream buffered = new BufferedInputStream(in)) {
            AbstractModel model = new GenericModelReader(new BinaryFileDataReader(buffered)).getModel();
            log.info("Intent model read from {}", source);
            return Optional.of(model);
        } catch (IOException | RuntimeException e) {
            log.warn("Intent model {} unreadable, ignored: {}", source, e.toString());
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
        return folder.resolve(modelFileName(key));
    }

    private static String modelFileName(String key) {
        return MODEL_PREFIX + key + ".bin";
    }

    private static String corpusFileName(String corpusKey) {
        return CORPUS_PREFIX + corpusKey + ".txt";
    }
}
