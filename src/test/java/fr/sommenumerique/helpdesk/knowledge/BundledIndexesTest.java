package fr.sommenumerique.helpdesk.knowledge;

import fr.sommenumerique.helpdesk.knowledge.files.BundledServiceVocabulary;
import fr.sommenumerique.helpdesk.knowledge.files.KnowledgeFiles;
import fr.sommenumerique.helpdesk.knowledge.index.BundledIndexes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexes, parsed synonyms, plain texts and service vocabulary the build bundles are read for exactly the files
 * they were written for, and never otherwise.
 */
class BundledIndexesTest {

    @TempDir
    Path folder;
    @TempDir
    Path classes;

    @Test
    void the_bundled_index_of_the_same_articles_is_read_not_built() throws IOException {
        // The bundle of the « jeudi » text, planted under the name of the « mardi » text: a search that finds
        // « jeudi » in the « mardi » knowledge base can only have read the bundled file.
        write("Nous sommes ouverts le jeudi.");
        Path jeudi = onlyFile(bundle());
        byte[] jeudiIndex = Files.readAllBytes(jeudi);
        Files.delete(jeudi);
        write("Nous sommes ouverts le mardi.");
        Files.write(onlyFile(bundle()), jeudiIndex);

        KnowledgeBase knowledgeBase = KnowledgeBase.load(folder, bundled());

        assertThat(knowledgeBase.search("jeudi", 1).hits()).hasSize(1);
        assertThat(knowledgeBase.search("mardi", 1).hits()).isEmpty();
    }

    @Test
    void an_edited_article_is_indexed_again_its_former_bundled_index_ignored() throws IOException {
        write("Nous sommes ouverts le mardi.");
        bundle();
        write("Nous sommes ouverts le jeudi.");

        KnowledgeBase knowledgeBase = KnowledgeBase.load(folder, bundled());

        assertThat(knowledgeBase.search("jeudi", 1).hits()).hasSize(1);
        assertThat(knowledgeBase.search("mardi", 1).hits()).isEmpty();
        write("Nous sommes ouverts le vendredi.");
        knowledgeBase.reload();
        assertThat(knowledgeBase.search("vendredi", 1).hits()).hasSize(1);
    }

    @Test
    void a_damaged_bundled_index_is_built_instead() throws IOException {
        write("Nous sommes ouverts le mardi.");
        Path file = onlyFile(bundle());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(KnowledgeBase.load(folder, bundled()).search("mardi", 1).hits()).hasSize(1);
    }

    @Test
    void the_shipped_knowledge_base_searches_alike_with_its_bundled_indexes_and_built_ones() throws IOException {
        Path shipped = Path.of("knowledge-base");
        KnowledgeBase built = KnowledgeBase.load(shipped, BundledIndexes.NONE);
        built.writeIndexes(classes.resolve(BundledIndexes.FOLDER));
        KnowledgeBase read = KnowledgeBase.load(shipped, bundled());

        for (String question : List.of("vos horaires le vendredi ?", "le certificat RGS a expiré",
                "qui délivre les actes de naissance ?", "combien coûte l'adhésion à Mairie connectée")) {
            assertThat(read.search(question, 5).hits()).hasToString(built.search(question, 5).hits().toString());
            assertThat(read.searchWithTopics(question, 5).hits())
                    .hasToString(built.searchWithTopics(question, 5).hits().toString());
        }
    }

    @Test
    void the_shipped_knowledge_base_reads_alike_with_its_bundled_synonyms_and_texts_and_parsed_ones() throws IOException {
        Path shipped = Path.of("knowledge-base");
        KnowledgeBase built = KnowledgeBase.load(shipped, BundledIndexes.NONE);
        Path bundleFolder = classes.resolve(BundledIndexes.FOLDER);
        built.writeSynonyms(bundleFolder);
        built.writePlainTexts(bundleFolder);
        BundledServiceVocabulary.write(shipped.resolve(KnowledgeFiles.SERVICES_FILE), bundleFolder);
        assertThat(bundleFolder.toFile().list()).hasSize(3);
        KnowledgeBase read = KnowledgeBase.load(shipped, bundled());

        assertThat(read.serviceVocabulary()).isEqualTo(built.serviceVocabulary());
        assertThat(read.serviceVocabulary().expressions()).isNotEmpty();
        assertThat(read.articles()).isEqualTo(built.articles());
        assertThat(read.outOfScopeTopics()).isEqualTo(built.outOfScopeTopics());
        for (String question : List.of("vos horaires le vendredi ?", "le certificat RGS a expiré",
                "qui délivre les actes de naissance ?", "combien coûte l'adhésion à Mairie connectée",
                "la télétransmission des délibérations ne passe plus", "le DUME pour un MAPA")) {
            assertThat(read.search(question, 5).hits()).hasToString(built.search(question, 5).hits().toString());
            assertThat(read.searchWithTopics(question, 5).hits())
                    .hasToString(built.searchWithTopics(question, 5).hits().toString());
        }
    }

    @Test
    void an_edited_synonym_list_or_article_is_read_again_the_bundled_ones_ignored() throws IOException {
        Files.writeString(folder.resolve("synonymes.txt"), "mardi, lundi\n", StandardCharsets.UTF_8);
        write("Nous sommes ouverts le **mardi**.");
        Path bundleFolder = classes.resolve(BundledIndexes.FOLDER);
        KnowledgeBase bundled = KnowledgeBase.load(folder, BundledIndexes.NONE);
        bundled.writeSynonyms(bundleFolder);
        bundled.writePlainTexts(bundleFolder);
        assertThat(KnowledgeBase.load(folder, bundled()).search("lundi", 1).hits()).hasSize(1);

        Files.writeString(folder.resolve("synonymes.txt"), "mardi, mercredi\n", StandardCharsets.UTF_8);
        write("Nous sommes ouverts le **jeudi** et le mardi.");
        KnowledgeBase knowledgeBase = KnowledgeBase.load(folder, bundled());

        assertThat(knowledgeBase.search("lundi", 1).hits()).isEmpty();
        assertThat(knowledgeBase.search("mercredi", 1).hits()).hasSize(1);
        assertThat(knowledgeBase.articles().get(0).text()).isEqualTo("Nous sommes ouverts le jeudi et le mardi.");
    }

    @Test
    void an_edited_service_vocabulary_is_read_again_the_bundled_one_ignored() throws IOException {
        write("Nous sommes ouverts le mardi.");
        Path services = folder.resolve(KnowledgeFiles.SERVICES_FILE);
        Files.writeString(services, "actes:\n  expressions: [actes, s2low]\n", StandardCharsets.UTF_8);
        BundledServiceVocabulary.write(services, classes.resolve(BundledIndexes.FOLDER));
        assertThat(KnowledgeBase.load(folder, bundled()).serviceVocabulary().expressions().get(ServiceArea.ACTES))
                .containsExactly("actes", "s2low");

        Files.writeString(services, "actes:\n  expressions: [actes, helios]\n", StandardCharsets.UTF_8);

        assertThat(KnowledgeBase.load(folder, bundled()).serviceVocabulary().expressions().get(ServiceArea.ACTES))
                .containsExactly("actes", "helios");
    }

    @Test
    void damaged_bundled_synonyms_are_parsed_instead() throws IOException {
        Files.writeString(folder.resolve("synonymes.txt"), "mardi, lundi\n", StandardCharsets.UTF_8);
        write("Nous sommes ouverts le mardi.");
        Path bundleFolder = classes.resolve(BundledIndexes.FOLDER);
        KnowledgeBase.load(folder, BundledIndexes.NONE).writeSynonyms(bundleFolder);
        Path file = onlyFile(bundleFolder);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThat(KnowledgeBase.load(folder, bundled()).search("lundi", 1).hits()).hasSize(1);
    }

    /** Indexes the folder as it is now and bundles its indexes (one article: both indexes hold the same). */
    private Path bundle() throws IOException {
        Path bundleFolder = classes.resolve(BundledIndexes.FOLDER);
        KnowledgeBase.load(folder, BundledIndexes.NONE).writeIndexes(bundleFolder);
        return bundleFolder;
    }

    private BundledIndexes bundled() throws IOException {
        return new BundledIndexes(new URLClassLoader(new URL[]{classes.toUri().toURL()}, null));
    }

    private static Path onlyFile(Path bundleFolder) throws IOException {
        try (Stream<Path> files = Files.list(bundleFolder)) {
            List<Path> list = files.toList();
            assertThat(list).hasSize(1);
            return list.get(0);
        }
    }

    private void write(String body) throws IOException {
        Files.writeString(folder.resolve("horaires.md"), "---\nid: horaires\ntitle: Horaires\nservice: contact\n"
                + "questions:\n  - Quels horaires ?\n---\n" + body + "\n", StandardCharsets.UTF_8);
    }
}
