package fr.sommenumerique.helpdesk.telegram.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandTest {

    @Test
    void commandsWithAndWithoutArgumentsOrBotName() {
        assertThat(Command.parse("/start")).contains(new Command("start", ""));
        assertThat(Command.parse("/Ticket@mairie_connectee_bot  Le certificat a expiré \n hier"))
                .contains(new Command("ticket", "Le certificat a expiré \n hier"));
        assertThat(Command.parse("  /lier secretariat@mairie.fr ")).contains(new Command("lier", "secretariat@mairie.fr"));
    }

    @Test
    void textThatMerelyStartsWithASlashIsNotACommand() {
        assertThat(Command.parse("/ bonjour")).isEmpty();
        assertThat(Command.parse("/home/mairie/fichier.pdf ne s'ouvre pas")).isEmpty();
        assertThat(Command.parse("bonjour /aide")).isEmpty();
        assertThat(Command.parse(null)).isEmpty();
    }

    @Test
    void theAddressIsFoundInASentence() {
        assertThat(ChatLinking.addressIn("Mon adresse : secretariat@mairie-rue.fr.")).isEqualTo("secretariat@mairie-rue.fr");
        assertThat(ChatLinking.addressIn("<maire@ville.fr>")).isEqualTo("maire@ville.fr");
        assertThat(ChatLinking.addressIn("la mairie de Rue")).isEqualTo("la mairie de Rue");
    }
}
