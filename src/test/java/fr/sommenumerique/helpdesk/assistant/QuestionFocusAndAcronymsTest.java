package fr.sommenumerique.helpdesk.assistant;

import fr.sommenumerique.helpdesk.assistant.rules.Acronyms;
import fr.sommenumerique.helpdesk.assistant.rules.QuestionFocus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionFocusAndAcronymsTest {

    @Test
    void the_question_sentences_are_taken_out_of_their_context() {
        assertThat(QuestionFocus.of("Notre marché fait 230 000 € HT sur 4 ans. Est-ce qu'on dépasse le seuil européen ?"))
                .contains("Est-ce qu'on dépasse le seuil européen ?");
        assertThat(QuestionFocus.of("Quel seuil ? Et quel délai ? Merci.")).contains("Quel seuil ? Et quel délai ?");
    }

    @Test
    void a_message_that_is_only_a_question_or_has_none_has_no_separate_focus() {
        assertThat(QuestionFocus.of("Quel est le seuil européen ?")).isEmpty();
        assertThat(QuestionFocus.of("Merci de nous inscrire à la formation.")).isEmpty();
    }

    @Test
    void a_question_asked_without_a_question_mark_is_what_the_asking_verb_asks_for() {
        assertThat(QuestionFocus.of("nouvelle secretaire, je souhaiterais connaitre la duree de mise en ligne des "
                + "deliberations, afin de preparer notre site. merci")).contains("la duree de mise en ligne des deliberations");
        assertThat(QuestionFocus.of("pourriez-vous m'indiquer le seuil des marches sans publicite. cordialement"))
                .contains("le seuil des marches sans publicite");
        assertThat(QuestionFocus.of("pourriez-vous nous indiquer le seuil des marches sans publicite. cordialement"))
                .contains("le seuil des marches sans publicite");
    }

    @Test
    void a_question_asked_for_someone_else_or_in_a_formula_of_politeness_is_what_is_asked() {
        assertThat(QuestionFocus.of("lors du budget, monsieur le maire souhaiterait savoir d'ou vient le financement "
                + "de votre offre. je vous prie d'agreer mes salutations")).contains("d'ou vient le financement de votre offre");
        assertThat(QuestionFocus.of("les secretaires du rpi se demandent si c'est le departement qui est membre. merci"))
                .contains("si c'est le departement qui est membre");
        assertThat(QuestionFocus.of("un artisan a scanne sa signature. le maire s'interroge sur la validite de ce "
                + "document. merci")).contains("la validite de ce document");
        assertThat(QuestionFocus.of("je vous serais reconnaissante de bien vouloir me preciser les outils proposes. "
                + "avec mes remerciements")).contains("les outils proposes");
        assertThat(QuestionFocus.of("le conseil a vote l'adhesion. merci de nous envoyer la convention.")).isEmpty();
        assertThat(QuestionFocus.of("pour passer a la teletransmission des actes, ma collegue demande quelles sont les "
                + "demarches a faire avec la prefecture.")).contains("pour passer a la teletransmission des actes quelles "
                + "sont les demarches a faire avec la prefecture");
        assertThat(QuestionFocus.of("dans le cadre du bulletin, je souhaiterais savoir depuis quand vous existez."))
                .contains("depuis quand vous existez");
    }

    @Test
    void a_short_question_takes_its_subject_from_the_sentence_before_it() {
        assertThat(QuestionFocus.withSentenceBefore("je suis nouvelle depuis lundi. je ne sais pas ce que vous faites "
                + "pour nous. concretement, ca sert a quoi ? merci"))
                .contains("je ne sais pas ce que vous faites pour nous. concretement, ca sert a quoi ?");
        assertThat(QuestionFocus.withSentenceBefore("ca sert a quoi ? merci")).isEmpty();
    }

    @Test
    void a_question_forwarded_without_a_question_mark_is_asked_not_the_words_that_pass_it_on() {
        String forwarded = "tr: question maire > bonjour celine, le maire voudrait savoir pendant combien de temps "
                + "l'europe paie votre offre. tu peux demander a somme numerique ? merci, pierre";
        assertThat(QuestionFocus.of(forwarded)).contains("pendant combien de temps l'europe paie votre offre");
        assertThat(QuestionFocus.relays("bonjour mme dupont, pouvez-vous voir avec somme numerique ?")).isTrue();
        assertThat(QuestionFocus.relays("pouvez-vous voir si mon compte est actif ?")).isFalse();
    }

    @Test
    void a_what_or_where_question_names_its_thing_without_the_words_around_it() {
        assertThat(QuestionFocus.whatItIs("c'est quoi react-eu qu'on voit sur vos documents ?")).contains("react-eu");
        assertThat(QuestionFocus.whatItIs("ce koi react eu ?? jlai vu ds un doc")).contains("react eu");
        assertThat(QuestionFocus.whatItIs("les actes de nature 3 c'est quoi deja ?")).contains("les actes de nature 3");
        assertThat(QuestionFocus.whatItIs("c ou vos bureaux exactement ?")).contains("vos bureaux");
        assertThat(QuestionFocus.whatItIs("quel est le seuil europeen ?")).isEmpty();
        // Pointed at, the thing is the word the message named before; asked indirectly, it is in another sentence.
        assertThat(QuestionFocus.whatItIs("c'est quoi ca ?", "dans votre deliberation il y a le mot react-eu. c'est "
                + "quoi ca ?")).contains("react-eu");
        assertThat(QuestionFocus.whatItIs("pouvez-vous m'expliquer simplement ce que c'est ?", "il est question de « "
                + "react-eu ». pouvez-vous m'expliquer simplement ce que c'est ?")).contains("react-eu");
        assertThat(QuestionFocus.whatItIs("pouvez-vous m'expliquer en deux mots ?", "le tresorier demande ce qu'est "
                + "react-eu pour imputer la subvention. pouvez-vous m'expliquer en deux mots ?")).contains("react-eu");
        assertThat(QuestionFocus.whatItIs("il demande ce que c'est, il doit l'expliquer au conseil.", "le maire a vu « "
                + "react-eu » dans votre deliberation. il demande ce que c'est, il doit l'expliquer au conseil."))
                .contains("react-eu");
        assertThat(QuestionFocus.whatItIs("c'est quoi ca ?", "c'est quoi ca ?")).contains("ca");
    }

    @Test
    void a_forwarded_question_is_the_one_asked_without_the_headers_nor_the_senders_que_repondre() {
        assertThat(QuestionFocus.of("de : sarl dufour > objet : votre consultation > bonjour, un scan de la signature "
                + "suffit-il ? --- bonjour, que dois-je repondre a cette entreprise ? mairie de frise"))
                .contains("bonjour, un scan de la signature suffit-il ?");
        assertThat(QuestionFocus.of("tr: sauvegardes > de : adjoint > est-ce que la ged suffit ? merci de poser la "
                + "question. mairie de cahon")).contains("est-ce que la ged suffit ?");
    }

    @Test
    void an_acronym_in_the_headers_of_a_forwarded_mail_names_its_sender() {
        assertThat(Acronyms.in("De : SARL Menuiserie Dufour > Objet : consultation > un scan suffit-il ?")).isEmpty();
        // the same headers on one line, as a forwarded mail often arrives
        assertThat(Acronyms.in("Pouvez-vous nous éclairer ? -----Message d'origine----- De : SARL Menuiserie Dufour "
                + "Envoyé : mardi 3 mars 2026 10:02 À : Secrétariat Mairie Objet : TR: offre menuiseries Madame, un scan "
                + "vaut-il signature ?")).isEmpty();
        assertThat(Acronyms.in("Question de : la DETR, quel taux ?")).containsExactly("DETR");
    }

    @Test
    void acronyms_are_found_unless_the_whole_message_is_shouted() {
        assertThat(Acronyms.in("Quel est le SIRET de la trésorerie ? Et la TVA ?")).containsExactly("SIRET", "TVA");
        assertThat(Acronyms.in("Le PC est en panne")).isEmpty();
        assertThat(Acronyms.in("JE N'ARRIVE PAS A ME CONNECTER SUR ACTES")).isEmpty();
    }

    @Test
    void names_cited_inside_a_question_are_found_not_those_of_a_signature() {
        assertThat(Acronyms.in("Dans votre délib, Mme Maille-Barbare reçoit un pouvoir, c'est normal ?"))
                .containsExactly("Maille-Barbare");
        assertThat(Acronyms.in("Bonjour, @utonum ça fait partie de Mairie connectée ? Merci")).containsExactly("@utonum");
        assertThat(Acronyms.in("Est-ce que ça change son délai ? Cordialement. Mme Tellier, secrétaire de mairie"))
                .isEmpty();
    }

    @Test
    void an_acronym_matters_when_a_question_asks_about_it_and_not_as_one_option_among_others() {
        assertThat(Acronyms.asked("Quel est le SIRET de la trésorerie ?", "SIRET")).isTrue();
        assertThat(Acronyms.asked("la subvention DETR, quel taux", "DETR")).isTrue();
        assertThat(Acronyms.asked("Bonjour, @utonum ça fait partie de Mairie connectée ? Merci", "@utonum")).isTrue();
        assertThat(Acronyms.asked("@utonum c'est dans le pack ? Des habitants font leurs démarches CAF.", "CAF")).isFalse();
        assertThat(Acronyms.asked("C'est une association, une SPL, une collectivité ?", "SPL")).isFalse();
        assertThat(Acronyms.asked("C'est le FSE ou le FEDER qui paie ?", "FSE")).isFalse();
        assertThat(Acronyms.asked("c est quel fonds exactement FSE ou FEDER", "FSE")).isFalse();
        assertThat(Acronyms.asked("Le SIRET, la trésorerie le demande, vous l'avez ?", "SIRET")).isTrue();
    }
}
