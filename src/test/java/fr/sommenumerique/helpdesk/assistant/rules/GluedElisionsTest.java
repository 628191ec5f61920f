package fr.sommenumerique.helpdesk.assistant.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GluedElisionsTest {

    private final GluedElisions elisions = GluedElisions.knowing(() -> List.of(
            "L'affichage des actes, l'année prochaine, l'adresse du site.", "La lettre dont elle parle est celle-ci."));

    @Test
    void an_unknown_word_made_of_an_elided_letter_and_a_known_word_gets_its_apostrophe() {
        assertThat(elisions.split("on a choisi laffichage, on change lannee prochaine ? cest quoi ladresse"))
                .isEqualTo("on a choisi l'affichage, on change l'annee prochaine ? cest quoi l'adresse");
    }

    @Test
    void known_words_unknown_rests_and_names_stay_whole() {
        assertThat(elisions.split("la lettre dont je parle, lediteur, la mairie de Val-de-Selle, Laffichage"))
                .isEqualTo("la lettre dont je parle, lediteur, la mairie de Val-de-Selle, Laffichage");
    }
}
