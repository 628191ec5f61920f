package fr.sommenumerique.helpdesk.knowledge.files;

import fr.sommenumerique.helpdesk.knowledge.Article;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The plain text of the shipped articles' Markdown bodies, rendered by the build
 * ({@link fr.sommenumerique.helpdesk.knowledge.ShippedIndexWriter}) and written beside the bundled indexes: on a cold
 * JVM, loading and running commonmark over every article took about a tenth of the knowledge base's load on one core.
 * <p>
 * A body is taken as rendered only when it is exactly a body the build rendered (the file holds the bodies), and the
 * file is named by the hash of the rendering code ({@link MarkdownText} and commonmark's version): an edited article,
 * or changed code, is rendered again.
 */
public final class BundledPlainTexts {

    private static final Logger log = LoggerFactory.getLogger(BundledPlainTexts.class);

    private static final String FORMAT = "plain-texts-1";
    public static final String PREFIX = "plain-texts-";
    private static final String COMMONMARK_VERSION = "META-INF/maven/org.commonmark/commonmark/pom.properties";

    private BundledPlainTexts() {
    }

    /** The plain text of each body the build rendered with the code as it is now, by body; empty when none. */
    public static Map<String, String> read(ClassLoader bundled, String folder) {
        String resource = folder + fileName();
        InputStream stream = bundled.getResourceAsStream(resource);
        if (stream == null) {
            return Map.of();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(stream))) {
            int count = in.readInt();
            Map<String, String> texts = new HashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                texts.put(BundledFile.readString(in), BundledFile.readString(in));
            }
            return texts;
        } catch (IOException | RuntimeException e) {
            log.warn("Bundled plain texts {} unreadable, articles rendered instead: {}", resource, e.toString());
            return Map.of();
        }
    }

    /** Writes the body and plain text of each article as one file of {@code folder} (for the build). */
    public static void write(List<Article> articles, Path folder) throws IOException {
        Files.createDirectories(folder);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(folder.resolve(fileName()))))) {
            out.writeInt(articles.size());
            for (Article article : articles) {
                BundledFile.writeString(out, article.body());
                BundledFile.writeString(out, article.text());
            }
        }
    }

    /** Named by the hash of the code that renders: a body rendered by other code is not taken. */
    private static String fileName() {
        return BundledFile.name(PREFIX, FORMAT, MarkdownText.class, COMMONMARK_VERSION);
    }
}
