package fr.sommenumerique.helpdesk.knowledge.files;

import fr.sommenumerique.helpdesk.knowledge.ServiceArea;
import fr.sommenumerique.helpdesk.knowledge.ServiceVocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service vocabulary of the shipped {@code services.yml}, read by the build
 * ({@link fr.sommenumerique.helpdesk.knowledge.ShippedIndexWriter}) and written beside the bundled indexes with the
 * text it was read from: SnakeYAML, whose classes only this file needs (articles' front matter is read without it),
 * took a large share of the start on one core, loaded and run cold. Taken only for exactly the text it was read
 * from, and the file is named by the hash of the reading code ({@link ServiceVocabularyParser} and SnakeYAML's
 * version): an edited file, or changed code, is read again.
 */
public final class BundledServiceVocabulary {

    private static final Logger log = LoggerFactory.getLogger(BundledServiceVocabulary.class);

    private static final String FORMAT = "services-1";
    public static final String PREFIX = "services-";
    private static final String SNAKEYAML_VERSION = "META-INF/maven/org.yaml/snakeyaml/pom.properties";

    /** A vocabulary and the text of {@code services.yml} it was read from. */
    public record Read(String text, ServiceVocabulary vocabulary) {
    }

    private BundledServiceVocabulary() {
    }

    /** The vocabulary the build read with the code as it is now; empty when none is bundled or it cannot be read. */
    public static Optional<Read> read(ClassLoader bundled, String folder) {
        String resource = folder + fileName();
        InputStream stream = bundled.getResourceAsStream(resource);
        if (stream == null) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(stream))) {
            String text = BundledFile.readString(in);
            return Optional.of(new Read(text, new ServiceVocabulary(readMap(in), readMap(in), readMap(in), readMap(in))));
        } catch (IOException | RuntimeException e) {
            log.warn("Bundled service vocabulary {} unreadable, read instead: {}", resource, e.toString());
            return Optional.empty();
        }
    }

    /**
     * Reads {@code file} and writes its vocabulary with its text as one file of {@code folder} (for the build); writes
     * nothing when the file is absent or unreadable, which is then reported at every start.
     */
    public static void write(Path file, Path folder) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        ServiceVocabulary vocabulary;
        try {
            vocabulary = new ServiceVocabularyParser().parse(text);
        } catch (InvalidArticleException e) {
            return;
        }
        Files.createDirectories(folder);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(folder.resolve(fileName()))))) {
            BundledFile.writeString(out, text);
            for (Map<ServiceArea, List<String>> map : List.of(vocabulary.expressions(), vocabulary.except(),
                    vocabulary.alone(), vocabulary.inPassing())) {
                writeMap(out, map);
            }
        }
    }

    private static void writeMap(DataOutputStream out, Map<ServiceArea, List<String>> map) throws IOException {
        out.writeInt(map.size());
        for (ServiceArea service : ServiceArea.values()) {
            List<String> phrases = map.get(service);
            if (phrases != null) {
                BundledFile.writeString(out, service.code());
                out.writeInt(phrases.size());
                for (String phrase : phrases) {
                    BundledFile.writeString(out, phrase);
                }
            }
        }
    }

    private static Map<ServiceArea, List<String>> readMap(DataInputStream in) throws IOException {
        Map<ServiceArea, List<String>> map = new EnumMap<>(ServiceArea.class);
        int services = in.readInt();
        for (int i = 0; i < services; i++) {
            String code = BundledFile.readString(in);
            ServiceArea service = ServiceArea.fromCode(code).orElseThrow(() -> new IOException("no service " + code));
            List<String> phrases = new ArrayList<>();
            int count = in.readInt();
            for (int j = 0; j < count; j++) {
                phrases.add(BundledFile.readString(in));
            }
            map.put(service, phrases);
        }
        return map;
    }

    /** Named by the hash of the code that reads the file: a vocabulary read by other code is not taken. */
    private static String fileName() {
        return BundledFile.name(PREFIX, FORMAT, ServiceVocabularyParser.class, SNAKEYAML_VERSION);
    }
}
