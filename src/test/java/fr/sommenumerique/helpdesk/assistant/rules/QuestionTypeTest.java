package fr.sommenumerique.helpdesk.assistant.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionTypeTest {

    @Test
    void when_the_support_can_be_reached_needs_our_opening_days_not_a_platform_s_hours() {
        String question = TextNormalizer.normalize("Est-ce que quelqu'un décroche chez vous le dimanche ? "
                + "On envoie nos actes samedi.");
        String actesPassage = TextNormalizer.normalize("Un acte envoyé un samedi, un dimanche ou un jour férié reçoit "
                + "son AR le jour ouvré suivant.");
        String hoursPassage = TextNormalizer.normalize("Somme Numérique est ouvert du lundi au vendredi.");

        assertThat(QuestionType.of(question)).contains(QuestionType.OPENING);
        assertThat(QuestionType.OPENING.answeredBy(actesPassage)).isFalse();
        assertThat(QuestionType.OPENING.answeredBy(hoursPassage)).isTrue();
        assertThat(QuestionType.of(TextNormalizer.normalize("Quand la préfecture délivre-t-elle l'AR le samedi ?")))
                .isNotEqualTo(java.util.Optional.of(QuestionType.OPENING));
    }
}
