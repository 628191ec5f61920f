package fr.sommenumerique.helpdesk.assistant.intent;

import fr.sommenumerique.helpdesk.assistant.AssistantSettings;
import fr.sommenumerique.helpdesk.assistant.DecisionEngine;
import fr.sommenumerique.helpdesk.assistant.rules.MessageCleaner;
import fr.sommenumerique.helpdesk.knowledge.IntentExample;
import fr.sommenumerique.helpdesk.knowledge.KnowledgeBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
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
        IntentClassifier trained = IntentClassifier.train(corpus, MAXENT, CLEANER, cache);
        Path file = onlyFile();
        Files.setLastModifiedTime(file, FileTime.fromMillis(0));

        IntentClassifier read = IntentClassifier.train(corpus, MAXENT, CLEANER, cache);

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
        IntentClassifier.train(corpus, MAXENT, CLEANER, cache);
        Path first = onlyFile();
        List<IntentExample> more = new ArrayList<>(corpus);
        more.add(new IntentExample(corpus.get(0).intent(), "un exemple de plus, écrit par un mainteneur"));

        IntentClassifier.train(more, MAXENT, CLEANER, cache);
        assertThat(files()).hasSize(2).contains(first);

        Files.writeString(first, "pas un modèle");
        IntentClassifier again = IntentClassifier.train(corpus, MAXENT, CLEANER, cache);
        assertThat(Files.size(first)).as("replaced by a trained model").isGreaterThan(1_000);
        assertThat(again.classify("quels sont vos horaires ?").best().code()).isEqualTo("question");
    }

    @Test
    void the_bundled_model_is_read_when_the_folder_has_none_and_a_changed_corpus_trains_its_own(@TempDir Path classes)
            throws IOException {
        IntentClassifier trained = IntentClassifier.train(corpus, MAXENT, CLEANER, new IntentModelCache(folder));
        Path bundledFolder = Files.createDirectories(classes.resolve(IntentModelCache.BUNDLED_FOLDER));
        Path model = onlyFile();
        Files.move(model, bundledFolder.resolve(model.getFileName()));

        try (URLClassLoader application = new URLClassLoader(new URL[]{classes.toUri().toURL()}, null)) {
            IntentModelCache cache = new IntentModelCache(folder, application);
            IntentClassifier read = IntentClassifier.train(corpus, MAXENT, CLEANER, cache);
            assertThat(files()).as("read from the bundle, not trained and kept").isEmpty();
            for (String message : List.of("pouvez-vous créer un compte Actes pour notre secrétaire ?",
                    "quels sont vos horaires ?", "qui délivre les actes de naissance ?")) {
                assertThat(read.classify(message).ranked()).isEqualTo(trained.classify(message).ranked());
            }

            List<IntentExample> changed = new ArrayList<>(corpus);
            changed.add(new IntentExample(corpus.get(0).intent(), "un exemple de plus, écrit par un mainteneur"));
            IntentClassifier.train(changed, MAXENT, CLEANER, cache);
            assertThat(files()).as("the changed corpus trained and kept in the folder").hasSize(1)
                    .doesNotContain(folder.resolve(model.getFileName()));
        }
    }

    @Test
    void the_bundled_record_of_a_corpus_finds_its_model_and_a_changed_corpus_misses_it(@TempDir Path classes)
            throws IOException {
        IntentClassifier trained = IntentClassifier.train(corpus, MAXENT, CLEANER, new IntentModelCache(folder));
        Path bundledFolder = Files.createDirectories(classes.resolve(IntentModelCache.BUNDLED_FOLDER));
        try (Stream<Path> kept = Files.list(folder)) {
            for (Path file : kept.toList()) {
                Files.move(file, bundledFolder.resolve(file.getFileName()));
            }
        }
        assertThat(bundledFolder.resolve("corpus-" + IntentClassifier.corpusKey(corpus, MAXENT) + ".txt")).exists();

        try (URLClassLoader application = new URLClassLoader(new URL[]{classes.toUri().toURL()}, null)) {
            IntentModelCache cache = new IntentModelCache(folder, application);
            IntentClassifier read = IntentClassifier.train(corpus, MAXENT, CLEANER, cache);
            assertThat(read.classify("quels sont vos horaires ?").ranked())
                    .isEqualTo(trained.classify("quels sont vos horaires ?").ranked());
            List<IntentExample> changed = new ArrayList<>(corpus);
            changed.set(0, new IntentExample(corpus.get(0).intent(), corpus.get(0).text() + " (modifié)"));
            assertThat(IntentClassifier.corpusKey(changed, MAXENT)).isNotEqualTo(IntentClassifier.corpusKey(corpus, MAXENT));
        }
    }

    @Test
    void the_build_bundles_the_model_the_engine_asks_for_on_the_shipped_corpus() throws IOException {
        // target/classes/intent-models/, written by ShippedIntentModelTrainer in the build's process-classes phase
        new DecisionEngine(KnowledgeBase.load(Path.of("knowledge-base")),
                new AssistantSettings(null, null, null, null, folder));

        assertThat(files()).as("read from the application's bundled model, not trained").isEmpty();
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
