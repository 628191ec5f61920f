package fr.sommenumerique.helpdesk.ticketing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContactSignatureTest {

    @Test
    void the_name_and_role_signed_under_the_message_are_read() {
        ContactSignature s = ContactSignature.read("Bonjour,\n\nActes refuse mon fichier.\n\nCordialement,\nMarie Lefèvre\n"
                + "Secrétaire de mairie\nMairie de Cannessières\nTél. 03 22 00 00 00");
        assertThat(s.name()).isEqualTo("Marie Lefèvre");
        assertThat(s.role()).isEqualTo("Secrétaire de mairie");
        assertThat(ContactSignature.read("Bien à vous,\nJean-Pierre DUPONT\nMaire de Rue").role()).isEqualTo("Maire");
        assertThat(ContactSignature.read("Cordialement\nLe maire adjoint").role()).isEqualTo("Adjoint au maire");
    }

    @Test
    void nothing_that_is_not_plainly_a_name_is_taken() {
        assertThat(ContactSignature.read("Cordialement,\nMairie de Cannessières\n03 22 00 00 00").name()).isNull();
        assertThat(ContactSignature.read("Merci\nSecrétariat de mairie").name()).isNull();
        assertThat(ContactSignature.read("quel certificat faut-il pour Actes ?")).isEqualTo(new ContactSignature(null, null));
        assertThat(ContactSignature.read(null)).isEqualTo(new ContactSignature(null, null));
    }
}
