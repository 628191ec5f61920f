package fr.sommenumerique.helpdesk.assistant;

import fr.sommenumerique.helpdesk.knowledge.KnowledgeBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A message that shares few words with an article is still answered from it when the questions people wrote about
 * that article ({@code sujets/}) make the topic classifier nearly sure it is its subject; without them it is handed
 * over. Built on a small knowledge base of its own, so that only the questions per subject change between the two.
 */
class AskedLikeTopicTest {

    private static final String MESSAGE = "J'ai essayé lundi vers 12h50 puis à 18h, personne ne décroche au standard, "
            + "c'est normal ?";

    @TempDir
    Path folder;

    @Test
    void a_message_asked_like_the_questions_about_an_article_is_answered_from_it() throws IOException {
        writeArticles();
        writeTopics();

        Decision decision = new DecisionEngine(KnowledgeBase.load(folder), AssistantSettings.DEFAULTS).decide(MESSAGE);

        assertThat(decision.kind()).isEqualTo(DecisionKind.ANSWER);
        assertThat(decision.articleIds()).containsExactly("horaires");
        assertThat(decision.reason()).contains("le message ressemble aux questions posées sur cet article");
    }

    private void writeTopics() throws IOException {
        Files.createDirectories(folder.resolve("sujets"));
        Files.writeString(folder.resolve("sujets/horaires.txt"), """
                personne ne décroche quand j'appelle à midi
                le standard ne répond pas après 17h30, normal ?
                j'ai appelé à 18h et personne, vous fermez à quelle heure ?
                on peut vous appeler entre midi et deux ?
                personne au standard le lundi midi, c'est normal ?
                """, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("sujets/archives.txt"), """
                notre GED suffit pour archiver les délibérations ?
                qui doit agréer le tiers archiveur ?
                """, StandardCharsets.UTF_8);
    }

    @Test
    void without_questions_about_the_article_the_same_message_is_handed_over() throws IOException {
        writeArticles();

        Decision decision = new DecisionEngine(KnowledgeBase.load(folder), AssistantSettings.DEFAULTS).decide(MESSAGE);

        assertThat(decision.kind()).isEqualTo(DecisionKind.TICKET);
        assertThat(decision.reason()).doesNotContain("ressemble aux questions");
    }

    @Test
    void a_message_asked_like_the_questions_about_an_out_of_scope_card_gets_that_card() throws IOException {
        writeArticles();
        Files.createDirectories(folder.resolve("hors-sujet"));
        Files.writeString(folder.resolve("hors-sujet/recensement.md"), "---\nid: recensement\ntitle: Recensement de la "
                + "population\ntags: [recensement, INSEE, questionnaires]\nquestions:\n  - Qui organise le recensement ?\nreviewed: "
                + "2026-12-05\n---\nLe recensement ne relève pas de Somme Numérique : adressez-vous à l'INSEE.\n",
                StandardCharsets.UTF_8);
        Files.createDirectories(folder.resolve("sujets"));
        Files.writeString(folder.resolve("sujets/recensement.txt"), """
                les feuilles des habitants on les renvoie à qui ?
                qui paie les agents recenseurs ?
                les habitants n'ont pas rempli, on fait quoi ?
                les questionnaires remplis on les renvoie où ?
                """, StandardCharsets.UTF_8);

        Decision decision = new DecisionEngine(KnowledgeBase.load(folder), AssistantSettings.DEFAULTS)
                .decide("les questionnaires remplis, on les renvoie à qui ?");

        assertThat(decision.kind()).isEqualTo(DecisionKind.OUT_OF_SCOPE);
        assertThat(decision.reply()).contains("INSEE");
    }

    @Test
    void questions_about_an_article_that_does_not_exist_are_reported_and_left_out() throws IOException {
        writeArticles();
        Files.createDirectories(folder.resolve("sujets"));
        Files.writeString(folder.resolve("sujets/horaire.txt"), "vous ouvrez quand ?\n", StandardCharsets.UTF_8);

        KnowledgeBase knowledgeBase = KnowledgeBase.load(folder);

        assertThat(knowledgeBase.topicExamples()).isEmpty();
        assertThat(knowledgeBase.status().problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("« horaire »"));
    }

    private void writeArticles() throws IOException {
        Files.writeString(folder.resolve("horaires.md"), article("horaires", "Horaires d'ouverture", "contact",
                "Le support est ouvert du lundi au vendredi, de 9h00 à 12h30 et de 14h00 à 17h30."), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("archives.md"), article("archives", "Archives électroniques",
                "reglementation", "Un tiers archiveur doit être agréé pour conserver des archives publiques, "
                        + "registres et questionnaires compris."),
                StandardCharsets.UTF_8);
    }

    private static String article(String id, String title, String service, String body) {
        return "---\nid: " + id + "\ntitle: " + title + "\nservice: " + service
                + "\ntags: [test]\nquestions:\n  - " + title + " ?\nreviewed: 2026-12-05\n---\n" + body + "\n";
    }
}
