package fr.sommenumerique.helpdesk.knowledge;

import fr.sommenumerique.helpdesk.knowledge.files.FolderWatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Editing, adding or breaking an article file takes effect without a restart, and never loses the index. */
class KnowledgeBaseReloadTest {

    @TempDir
    Path folder;

    @Test
    void a_changed_folder_is_reindexed_and_a_broken_file_is_reported_not_fatal() throws IOException {
        write("horaires.md", article("horaires", "Horaires", "contact", "Nous sommes ouverts le mardi."));
        Files.writeString(folder.resolve("synonymes.txt"), "mardi, jour de permanence\n", StandardCharsets.UTF_8);
        KnowledgeBase knowledgeBase = KnowledgeBase.load(folder);
        assertThat(knowledgeBase.search("jour de permanence", 1).hits()).hasSize(1);

        try (FolderWatcher ignored = new FolderWatcher(folder, Duration.ofMillis(100), knowledgeBase::reload)) {
            write("archives.md", article("archives", "Archives", "reglementation", "Le tiers archiveur doit être agréé."));
            write("casse.md", "pas d'en-tête ici");

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(knowledgeBase.articles()).extracting(Article::id).containsExactlyInAnyOrder("horaires", "archives");
                assertThat(knowledgeBase.status().problems()).singleElement()
                        .satisfies(p -> assertThat(p.file().getFileName().toString()).isEqualTo("casse.md"));
            });
            assertThat(knowledgeBase.search("archiveur agréé", 1).best().orElseThrow().article().id()).isEqualTo("archives");
        }
    }

    @Test
    void an_edited_article_a_deleted_one_and_a_changed_synonym_list_take_effect_without_a_restart() throws IOException {
        write("horaires.md", article("horaires", "Horaires", "contact", "Nous sommes ouverts le mardi."));
        write("archives.md", article("archives", "Archives", "reglementation", "Le tiers archiveur doit être agréé."));
        KnowledgeBase knowledgeBase = KnowledgeBase.load(folder);
        assertThat(knowledgeBase.search("jour de permanence", 1).hits()).isEmpty();

        try (FolderWatcher ignored = new FolderWatcher(folder, Duration.ofMillis(100), knowledgeBase::reload)) {
            write("horaires.md", article("horaires", "Horaires", "contact", "Nous sommes ouverts le jeudi."));
            Files.delete(folder.resolve("archives.md"));
            Files.writeString(folder.resolve("synonymes.txt"), "jeudi, jour de permanence\n", StandardCharsets.UTF_8);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(knowledgeBase.articles()).extracting(Article::id).containsExactly("horaires");
                assertThat(knowledgeBase.search("jour de permanence", 1).best()).isPresent();
            });
            assertThat(knowledgeBase.search("mardi", 1).hits()).isEmpty();
            assertThat(knowledgeBase.article("horaires").orElseThrow().text()).contains("jeudi");
        }
    }

    @Test
    void the_application_context_watches_the_folder_it_indexes() throws IOException {
        write("horaires.md", article("horaires", "Horaires", "contact", "Nous sommes ouverts le mardi."));
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                    "helpdesk.knowledge.folder", folder.toString(), "helpdesk.knowledge.reload-quiet-period", "PT0.1S")));
            context.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance());
            context.register(KnowledgeConfiguration.class);
            context.refresh();
            KnowledgeBase knowledgeBase = context.getBean(KnowledgeBase.class);

            write("archives.md", article("archives", "Archives", "reglementation", "Le tiers archiveur doit être agréé."));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(knowledgeBase.articles()).extracting(Article::id).contains("archives"));
        }
    }

    @Test
    void a_word_in_a_sample_question_or_the_title_weighs_more_than_the_same_word_in_a_body() throws IOException {
        write("corps.md", "---\nid: corps\ntitle: Autre sujet\nservice: actes\nquestions:\n  - Une autre question ?\n---\n"
                + "On parle ici du bordereau en passant, parmi d'autres choses.\n");
        write("titre.md", "---\nid: titre\ntitle: Le bordereau\nservice: actes\nquestions:\n  - Une question ?\n---\n"
                + "Un texte qui ne répète pas le mot, parmi d'autres choses.\n");
        write("question.md", "---\nid: question\ntitle: Encore autre chose\nservice: actes\nquestions:\n"
                + "  - Où trouver le bordereau ?\n---\nUn texte qui ne répète pas le mot, parmi d'autres choses.\n");
        KnowledgeBase knowledgeBase = KnowledgeBase.load(folder);

        List<SearchHit> hits = knowledgeBase.search("bordereau", 3).hits();
        assertThat(hits).extracting(h -> h.article().id()).containsExactlyInAnyOrder("question", "titre", "corps");
        assertThat(hits.get(2).article().id()).isEqualTo("corps");
        assertThat(hits.get(1).score()).isGreaterThan(hits.get(2).score() * 1.5f);
    }

    @Test
    void invalid_articles_are_listed_with_a_french_reason() throws IOException {
        write("sans-service.md", "---\nid: sans-service\ntitle: Titre\n---\nCorps.");
        write("mauvais-id.md", article("autre-id", "Titre", "actes", "Corps."));
        write("service-inconnu.md", article("service-inconnu", "Titre", "cantine", "Corps."));

        KnowledgeBase knowledgeBase = KnowledgeBase.load(folder);

        assertThat(knowledgeBase.articles()).isEmpty();
        assertThat(knowledgeBase.status().problems()).extracting(ArticleProblem::reason)
                .anySatisfy(r -> assertThat(r).contains("« service » est obligatoire"))
                .anySatisfy(r -> assertThat(r).contains("doit être égal au nom du fichier"))
                .anySatisfy(r -> assertThat(r).contains("service inconnu « cantine »"));
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static String article(String id, String title, String service, String body) {
        return "---\nid: " + id + "\ntitle: " + title + "\nservice: " + service
                + "\ntags: [test]\nquestions:\n  - " + title + " ?\nreviewed: 2026-11-29\n---\n" + body + "\n";
    }
}
