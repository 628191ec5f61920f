package fr.sommenumerique.helpdesk.knowledge;

import fr.sommenumerique.helpdesk.knowledge.files.FolderWatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
