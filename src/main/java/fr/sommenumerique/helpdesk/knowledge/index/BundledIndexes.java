package fr.sommenumerique.helpdesk.knowledge.index;

import fr.sommenumerique.helpdesk.knowledge.Article;
import fr.sommenumerique.helpdesk.knowledge.files.BundledPlainTexts;
import fr.sommenumerique.helpdesk.knowledge.files.BundledServiceVocabulary;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.store.OutputStreamDataOutput;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.Version;
import org.apache.lucene.util.fst.ByteSequenceOutputs;
import org.apache.lucene.util.fst.FST;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Lucene indexes of the shipped knowledge base, written by the build ({@link fr.sommenumerique.helpdesk.knowledge.ShippedIndexWriter}) among the
 * classes, as the intent model is: on a cold JVM, Lucene's {@code IndexWriter} (its classes loaded and run for the
 * first time) took about a third of the knowledge base's load on one core; reading the written files takes a tenth
 * of that.
 * <p>
 * A file is named by the hash of everything the index depends on: each article's indexed fields as read now, the
 * analysis code and its word lists, and the Lucene version. An edited article, or changed analysis code, gives
 * another key: no bundled file matches and the index is built, so a bundled index is never stale.
 * <p>
 * The synonym map parsed from the shipped synonym list is bundled the same way, named by the hash of the list and of
 * the analysis code: parsing it (each entry analysed, then an FST built, their classes loaded and run for the first
 * time) took about a tenth of the knowledge base's cold load on one core.
 */
public final class BundledIndexes {

    private static final Logger log = LoggerFactory.getLogger(BundledIndexes.class);

    /** Where the build puts the indexes of the shipped knowledge base, on the classpath. */
    public static final String FOLDER = "knowledge-indexes/";
    /** Set to {@code true}, bundled indexes are ignored (the build's own run, or to measure an index built). */
    public static final String IGNORE_PROPERTY = "helpdesk.knowledge.ignore-bundled-indexes";
    /** None: every index is built. */
    public static final BundledIndexes NONE = new BundledIndexes(null);

    private static final String FORMAT = "knowledge-index-1";
    private static final String PREFIX = "index-";
    private static final String SYNONYMS_FORMAT = "knowledge-synonyms-1";
    private static final String SYNONYMS_PREFIX = "synonyms-";
    private static final String STEM_OVERRIDES_FORMAT = "stem-overrides-1";
    private static final String STEM_OVERRIDES_PREFIX = "stem-overrides-";
    private static final String SUFFIX = ".bin";
    /** What an index's content depends on besides the articles: the code and word lists that analyse them. */
    private static final List<String> ANALYSIS_RESOURCES = List.of("ArticleIndex.class", "FrenchAnalysis.class",
            "query-fillers.txt", "stem-overrides.txt");

    private final ClassLoader bundled;

    /** Indexes read from {@code bundled}'s {@value #FOLDER} (none if null). */
    public BundledIndexes(ClassLoader bundled) {
        this.bundled = bundled;
    }

    /** The application's own, unless {@value #IGNORE_PROPERTY} is set. */
    public static BundledIndexes ofApplication() {
        return Boolean.getBoolean(IGNORE_PROPERTY) ? NONE : new BundledIndexes(BundledIndexes.class.getClassLoader());
    }

    /** The bundled index of this key, in memory; empty when none is bundled or it cannot be read. */
    Optional<ByteBuffersDirectory> find(String key) {
        if (bundled == null) {
            return Optional.empty();
        }
        String resource = FOLDER + fileName(key);
        InputStream stream = bundled.getResourceAsStream(resource);
        if (stream == null) {
            return Optional.empty();
        }
        ByteBuffersDirectory directory = ArticleIndex.newDirectory();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(stream))) {
            int files = in.readInt();
            for (int i = 0; i < files; i++) {
                String name = in.readUTF();
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                try (IndexOutput out = directory.createOutput(name, IOContext.DEFAULT)) {
                    out.writeBytes(bytes, bytes.length);
                }
            }
            return Optional.of(directory);
        } catch (IOException | RuntimeException e) {
            log.warn("Bundled index {} unreadable, built instead: {}", resource, e.toString());
            return Optional.empty();
        }
    }

    /**
     * The synonym map the build parsed from exactly this synonym list; empty when none is bundled (an edited list, or
     * an empty one) or it cannot be read.
     */
    public Optional<SynonymMap> findSynonyms(String synonymsText) {
        if (bundled == null) {
            return Optional.empty();
        }
        String resource = FOLDER + SYNONYMS_PREFIX + synonymsKey(synonymsText) + SUFFIX;
        try (InputStream stream = bundled.getResourceAsStream(resource)) {
            if (stream == null) {
                return Optional.empty();
            }
            return Optional.of(SynonymMapFile.read(new ByteArrayDataInput(stream.readAllBytes())));
        } catch (IOException | RuntimeException e) {
            log.warn("Bundled synonyms {} unreadable, parsed instead: {}", resource, e.toString());
            return Optional.empty();
        }
    }

    /** The stem overrides' FST the build made from exactly this list; empty when none is bundled or it cannot be read. */
    Optional<FST<BytesRef>> findStemOverrides(String list) {
        if (bundled == null) {
            return Optional.empty();
        }
        String resource = FOLDER + STEM_OVERRIDES_PREFIX + stemOverridesKey(list) + SUFFIX;
        try (InputStream stream = bundled.getResourceAsStream(resource)) {
            if (stream == null) {
                return Optional.empty();
            }
            DataInput in = new ByteArrayDataInput(stream.readAllBytes());
            return Optional.of(new FST<>(FST.readMetadata(in, ByteSequenceOutputs.getSingleton()), in));
        } catch (IOException | RuntimeException e) {
            log.warn("Bundled stem overrides {} unreadable, built instead: {}", resource, e.toString());
            return Optional.empty();
        }
    }

    /** Writes the FST made from {@code list} as a file of {@code folder}, named by its key (for the build). */
    static void writeStemOverrides(FST<BytesRef> overrides, String list, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(STEM_OVERRIDES_PREFIX + stemOverridesKey(list) + SUFFIX);
        try (OutputStreamDataOutput out = new OutputStreamDataOutput(new BufferedOutputStream(Files.newOutputStream(file)))) {
            overrides.save(out, out);
        }
    }

    /** The plain text of each article body the build rendered ({@link BundledPlainTexts}), by body; empty when none. */
    public Map<String, String> plainTexts() {
        return bundled == null ? Map.of() : BundledPlainTexts.read(bundled, FOLDER);
    }

    /** The service vocabulary the build read ({@link BundledServiceVocabulary}), with its text; empty when none. */
    public Optional<BundledServiceVocabulary.Read> serviceVocabulary() {
        return bundled == null ? Optional.empty() : BundledServiceVocabulary.read(bundled, FOLDER);
    }

    /** Writes the map parsed from {@code synonymsText} as a file of {@code folder}, named by its key (for the build). */
    public static void writeSynonyms(SynonymMap synonyms, String synonymsText, Path folder) throws IOException {
        if (synonyms == null || synonyms.fst == null) {
            return;
        }
        Files.createDirectories(folder);
        Path file = folder.resolve(SYNONYMS_PREFIX + synonymsKey(synonymsText) + SUFFIX);
        try (OutputStreamDataOutput out = new OutputStreamDataOutput(new BufferedOutputStream(Files.newOutputStream(file)))) {
            SynonymMapFile.write(synonyms, out);
        }
    }

    /** Writes the index's files as one file of {@code folder}, named by its key (for the build). */
    static void write(ByteBuffersDirectory directory, String key, Path folder) throws IOException {
        Files.createDirectories(folder);
        String[] names = directory.listAll();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(folder.resolve(fileName(key)))))) {
            out.writeInt(names.length);
            for (String name : names) {
                try (IndexInput in = directory.openInput(name, IOContext.READONCE)) {
                    byte[] bytes = new byte[Math.toIntExact(in.length())];
                    in.readBytes(bytes, 0, bytes.length);
                    out.writeUTF(name);
                    out.writeInt(bytes.length);
                    out.write(bytes);
                }
            }
        }
    }

    /** Deletes the bundled indexes of {@code folder} (the build's previous ones) before it writes the new. */
    public static void clear(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if ((name.startsWith(PREFIX) || name.startsWith(SYNONYMS_PREFIX) || name.startsWith(STEM_OVERRIDES_PREFIX)
                        || name.startsWith(BundledPlainTexts.PREFIX) || name.startsWith(BundledServiceVocabulary.PREFIX))
                        && name.endsWith(SUFFIX)) {
                    Files.delete(file);
                }
            }
        }
    }

    /** The hash of the articles' indexed fields, in order, with the analysis code and the Lucene version. */
    static String key(List<Article> articles) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((FORMAT + "|" + Version.LATEST + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(AnalysisCode.BYTES);
            for (Article article : articles) {
                update(digest, article.id());
                update(digest, article.title());
                update(digest, String.valueOf(article.questions().size()));
                article.questions().forEach(q -> update(digest, q));
                update(digest, String.valueOf(article.tags().size()));
                article.tags().forEach(t -> update(digest, t));
                update(digest, article.text());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hash of a synonym list with the analysis code that parses it and the Lucene version. */
    static String synonymsKey(String synonymsText) {
        return listKey(SYNONYMS_FORMAT, synonymsText);
    }

    /** The hash of the stem override list with the code that builds its FST and the Lucene version. */
    static String stemOverridesKey(String list) {
        return listKey(STEM_OVERRIDES_FORMAT, list);
    }

    /** The hash of one word list read by the analysis code, for a bundled file of {@code format}. */
    private static String listKey(String format, String list) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((format + "|" + Version.LATEST + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(AnalysisCode.BYTES);
            update(digest, list);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The analysis code and word lists, read once: every key hashes them. */
    private static final class AnalysisCode {
        static final byte[] BYTES = read();

        private static byte[] read() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ANALYSIS_RESOURCES.forEach(resource -> bytes.writeBytes(resourceBytes(resource)));
            return bytes.toByteArray();
        }
    }

    /** Each value preceded by its length, so that no two lists of values hash alike. */
    private static void update(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
    }

    private static byte[] resourceBytes(String resource) {
        try (InputStream in = BundledIndexes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource + " beside " + BundledIndexes.class);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fileName(String key) {
        return PREFIX + key + SUFFIX;
    }
}
