package fr.sommenumerique.helpdesk.assistant.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A text asked of several patterns, again and again, gets each pattern's own phrase every time. */
class SignalsRecentFindsTest {

    @Test
    void each_pattern_keeps_its_own_phrase_for_the_same_text() {
        String text = TextNormalizer.normalize("Pouvez-vous créer un compte ? Actes affiche une erreur, c'est urgent");
        for (int i = 0; i < 3; i++) {
            assertThat(Signals.incident(text)).contains("erreur");
            assertThat(Signals.asksToAct(text)).contains("pouvez-vous creer");
            assertThat(Signals.urgency(text)).contains("urgent");
            assertThat(Signals.leaving(text)).isEmpty();
            assertThat(Signals.incident("quels sont vos horaires ?")).isEmpty();
        }
    }

    @Test
    void many_texts_in_between_do_not_change_what_a_text_gives() {
        String text = "le certificat a expire ce matin";
        assertThat(Signals.incident(text)).contains("certificat a expire");
        for (int i = 0; i < 200; i++) {
            assertThat(Signals.incident("question numero " + i)).isEmpty();
        }
        assertThat(Signals.incident(text)).contains("certificat a expire");
    }
}
