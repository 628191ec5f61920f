package fr.sommenumerique.helpdesk.web;

import fr.sommenumerique.helpdesk.web.render.QuotedText;
import fr.sommenumerique.helpdesk.web.render.QuotedText.Segment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QuotedTextTest {

    @Test
    void gmail_reply_header_wrapped_on_two_lines_starts_the_history() {
        List<Segment> s = QuotedText.split("""
                Merci, c'est réglé.

                Le lun. 2 mars 2026 à 10:02, Assistance Mairie connectée <support@mairie-connectee.local> a
                écrit :
                > Bonjour,
                > Essayez de nouveau.
                """);
        assertThat(s).extracting(Segment::quoted).containsExactly(false, true);
        assertThat(s.get(0).text()).isEqualTo("Merci, c'est réglé.");
        assertThat(s.get(1).text()).startsWith("Le lun. 2 mars").contains("Essayez de nouveau.");
    }

    @Test
    void outlook_headers_and_original_message_marker_start_the_history() {
        List<Segment> outlook = QuotedText.split("""
                Voici la capture demandée.

                De : Assistance Mairie connectée <support@mairie-connectee.local>
                Envoyé : lundi 2 mars 2026 10:02
                À : mairie@exemple.fr
                Objet : RE: Actes
                """);
        assertThat(outlook).extracting(Segment::quoted).containsExactly(false, true);
        assertThat(outlook.get(1).text()).startsWith("De : Assistance");

        List<Segment> original = QuotedText.split("Ok.\n-----Message d'origine-----\nDe : x\nBonjour");
        assertThat(original).extracting(Segment::quoted).containsExactly(false, true);
        assertThat(original.get(1).lineCount()).isEqualTo(3);
    }

    @Test
    void forwarded_messages_are_collapsed_like_quotes_in_every_clients_layout() {
        for (String marker : new String[] {"-------- Message transféré --------", "---------- Forwarded message ---------",
                "Début du message réexpédié :", "Begin forwarded message:", "----- Mail transféré -----",
                "-------- Message original --------"}) {
            List<Segment> s = QuotedText.split("Pouvez-vous regarder ?\n\n" + marker + "\nDe: Préfecture <actes@somme.gouv.fr>\n\nL'acte est refusé.");
            assertThat(s).as(marker).extracting(Segment::quoted).containsExactly(false, true);
            assertThat(s.get(1).text()).as(marker).startsWith(marker).endsWith("L'acte est refusé.");
        }
    }

    @Test
    void inline_quotes_are_collapsed_between_new_paragraphs() {
        List<Segment> s = QuotedText.split("> Quel est le message d'erreur ?\n« fichier non conforme »\n> Et le navigateur ?\nFirefox");
        assertThat(s).extracting(Segment::quoted).containsExactly(true, false, true, false);
        assertThat(s.get(1).text()).isEqualTo("« fichier non conforme »");
    }

    @Test
    void a_plain_message_is_one_visible_segment_and_a_signature_line_starting_with_de_is_not_a_header() {
        List<Segment> s = QuotedText.split("Bonjour,\nDe : la mairie de Rue, nous voudrions adhérer.\nMerci");
        assertThat(s).hasSize(1);
        assertThat(s.get(0).quoted()).isFalse();
        assertThat(QuotedText.split(null)).isEmpty();
        assertThat(QuotedText.split("")).isEmpty();
    }

    @Test
    void a_long_message_shows_its_start_and_folds_the_rest() {
        String text = "ligne\n".repeat(40).strip();
        QuotedText.Segment segment = new QuotedText.Segment(text, false);
        assertThat(segment.head().lines().count()).isEqualTo(25);
        assertThat(segment.rest().lines().count()).isEqualTo(15);
        assertThat(new QuotedText.Segment("court", false).rest()).isNull();
        String oneHugeLine = "x".repeat(340_000);
        assertThat(new QuotedText.Segment(oneHugeLine, false).head()).hasSize(2_500);
    }
}
