package fr.sommenumerique.helpdesk.assistant.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageCleanerTest {

    private final MessageCleaner cleaner = new MessageCleaner();

    @Test
    void the_headers_of_a_forwarded_mail_are_left_out_and_the_quoted_question_kept() {
        String cleaned = cleaner.clean("----- Message transféré ----- De : Mairie de Bussus-Bussuel (le maire) Objet : "
                + "questions « Peux-tu demander à Somme Numérique quel certificat il faut pour Actes ? » ----- Bonjour, "
                + "je vous transfère la demande de M. le Maire. Cordialement, Céline");

        assertThat(cleaned).doesNotContain("transfer", "de :", "objet", "-----", "celine")
                .contains("« peux-tu demander a somme numerique quel certificat il faut pour actes ? »");
    }

    @Test
    void subject_prefixes_and_quote_marks_are_left_out() {
        assertThat(cleaner.clean("TR : RE: question du maire > Le maire demande : c'est qui qui finance ?"))
                .isEqualTo("question du maire le maire demande : c'est qui qui finance ?");
        assertThat(cleaner.clean("De : Mairie de Long À : secrétariat Objet : charte. Voir ci-dessus, merci."))
                .isEqualTo("charte.");
    }

    @Test
    void a_message_that_only_mentions_a_sender_or_an_object_keeps_its_words() {
        assertThat(cleaner.clean("Il y a : deux délibérations à envoyer, c'est l'objet de mon appel ?"))
                .isEqualTo("il y a : deux deliberations a envoyer, c'est l'objet de mon appel ?");
    }
}
