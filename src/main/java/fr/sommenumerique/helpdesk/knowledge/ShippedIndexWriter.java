package fr.sommenumerique.helpdesk.knowledge;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import fr.sommenumerique.helpdesk.knowledge.files.BundledServiceVocabulary;
import fr.sommenumerique.helpdesk.knowledge.files.KnowledgeFiles;
import fr.sommenumerique.helpdesk.knowledge.index.BundledIndexes;
import fr.sommenumerique.helpdesk.knowledge.index.FrenchAnalysis;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run by the build before tests and packaging (pom.xml, phase {@code process-classes}): indexes the shipped knowledge
 * base and writes its two indexes, its parsed synonym list, its articles' plain text, its service vocabulary and the
 * stem overrides' FST among the classes, where {@link BundledIndexes} finds them, so that a start on the
 * shipped knowledge base reads them instead of indexing. Does nothing if the knowledge base is absent.
 * <p>
 * Arguments: the knowledge-base folder, the output folder ({@code target/classes/knowledge-indexes}).
 */
public final class ShippedIndexWriter {

    private ShippedIndexWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path knowledge = Path.of(args[0]);
        Path output = Path.of(args[1]);
        if (!Files.isDirectory(knowledge)) {
            System.out.println("No " + knowledge + ": no index bundled");
            return;
        }
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        // Indexed now, by the code being built: the previous build's files are not read, then replaced.
        KnowledgeBase knowledgeBase = KnowledgeBase.load(knowledge, BundledIndexes.NONE);
        BundledIndexes.clear(output);
        knowledgeBase.writeIndexes(output);
        knowledgeBase.writeSynonyms(output);
        knowledgeBase.writePlainTexts(output);
        FrenchAnalysis.writeStemOverrides(output);
        BundledServiceVocabulary.write(knowledge.resolve(KnowledgeFiles.SERVICES_FILE), output);
    }
}
