package fr.sommenumerique.helpdesk.telegram.bot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TelegramMarkdownTest {

    @Test
    void escapesEveryReservedCharacterAndTheBackslash() {
        assertThat(TelegramMarkdown.escape("_*[]()~`>#+-=|{}.!\\"))
                .isEqualTo("\\_\\*\\[\\]\\(\\)\\~\\`\\>\\#\\+\\-\\=\\|\\{\\}\\.\\!\\\\");
    }

    @Test
    void plainTextOfAMarkdownMessageIsWhatTelegramWouldShow() {
        String text = "Actes (télé-transmission) : 9h-12h. C'est *simple*! \\ [fin]";
        String markdown = TelegramMarkdown.bold("Horaires") + "\n\n" + TelegramMarkdown.escape(text) + " "
                + TelegramMarkdown.italic("Voir") + " " + TelegramMarkdown.link("le guide", "https://exemple.fr/a_(b)")
                + " " + TelegramMarkdown.code("x_`y");

        assertThat(TelegramMarkdown.toPlainText(markdown))
                .isEqualTo("Horaires\n\n" + text + " Voir le guide (https://exemple.fr/a_(b)) x_`y");
    }

    @Test
    void leavesOrdinaryFrenchTextAlone() {
        assertThat(TelegramMarkdown.escape("Délégation à l’élu : « oui » ; 20 % ? @mairie $ & ' \" / , : ;"))
                .isEqualTo("Délégation à l’élu : « oui » ; 20 % ? @mairie $ & ' \" / , : ;");
        assertThat(TelegramMarkdown.escape(null)).isEmpty();
    }

    @Test
    void codeAndLinkUrlsEscapeOnlyWhatTheyMust() {
        assertThat(TelegramMarkdown.escapeCode("a_b*c`d\\e")).isEqualTo("a_b*c\\`d\\\\e");
        assertThat(TelegramMarkdown.escapeLinkUrl("https://x.fr/a_(b).pdf")).isEqualTo("https://x.fr/a_(b\\).pdf");
        assertThat(TelegramMarkdown.link("Guide v1.2", "https://x.fr/g?a=1"))
                .isEqualTo("[Guide v1\\.2](https://x.fr/g?a=1)");
        assertThat(TelegramMarkdown.bold("N° 12-B")).isEqualTo("*N° 12\\-B*");
        assertThat(TelegramMarkdown.italic("fin.")).isEqualTo("_fin\\._");
    }
}
