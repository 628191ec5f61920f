package fr.sommenumerique.helpdesk.assistant.intent;

import fr.sommenumerique.helpdesk.assistant.rules.MessageCleaner;
import fr.sommenumerique.helpdesk.knowledge.IntentExample;
import fr.sommenumerique.helpdesk.knowledge.KnowledgeBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class IntentModelCacheTest {

    private static final MessageCleaner CLEANER = new MessageCleaner();
    private static final IntentClassifier.Algorithm MAXENT = IntentClassifier.Algorithm.MAXENT;
    private static List<IntentExample> corpus;

    @TempDir
    Path folder;

    @BeforeAll
    static void load() {
        corpus = KnowledgeBase.load(Path.of("knowledge-base")).intentExamples();
    }

    @Test
    void a_model_read_from_the_cache_classifies_exactly_as_the_one_trained() throws IOException {
        IntentModelCache cache = new IntentModelCache(folder);
        IntentClassifier trained = IntentClassifier.train(corpus, MAXENT, CLEANER::clean, cache);
        Path file = onlyFile();
        Files.setLastModifiedTime(file, FileTime.fromMillis(0));

        IntentClassifier read = IntentClassifier.train(corpus, MAXENT, CLEANER::clean, cache);

        assertThat(Files.getLastModifiedTime(onlyFile())).as("read, not trained and written again")
                .isEqualTo(FileTime.fromMillis(0));
        for (String message : List.of("pouvez-vous créer un compte Actes pour notre secrétaire ?",
                "le certificat a expiré, plus rien ne part", "quels sont vos horaires ?", "merci beaucoup !",
                "qui délivre les actes de naissance ?")) {
            assertThat(read.classify(message).ranked()).isEqualTo(trained.classify(message).ranked());
        }
    }

    @Test
    void another_corpus_trains_its_own_model_and_an_unreadable_file_is_trained_again() throws IOException {
        IntentModelCache cache = new IntentModelCache(folder);
        IntentClassifier.train(corpus, MAXENT, CLEANER::clean, cache);
        Path first = onlyFile();
        List<IntentExample> more = new ArrayList<>(corpus);
        more.add(new IntentExample(corpus.get(0).intent(), "un exemple de plus, écrit par un mainteneur"));

        IntentClassifier.train(more, MAXENT, CLEANER::clean, cache);
        assertThat(files()).hasSize(2).contains(first);

        Files.writeString(first, "pas un modèle");
        IntentClassifier again = IntentClassifier.train(corpus, MAXENT, CLEANER::clean, cache);
        assertThat(Files.size(first)).as("replaced by a trained model").isGreaterThan(1_000);
        assertThat(again.classify("quels sont vos horaires ?").best().code()).isEqualTo("question");
    }

    private Path onlyFile() throws IOException {
        List<Path> files = files();
        assertThat(files).hasSize(1);
        return files.get(0);
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".bin")).sorted().toList();
        }
    }
}
