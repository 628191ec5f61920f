package fr.sommenumerique.helpdesk.assistant.rules;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

import static org.assertj.core.api.Assertions.assertThat;

class MessagePartsTest {

    private static List<String> split(String message) {
        return MessageParts.split(TextNormalizer.normalize(message), sentence -> false,
                sentence -> sentence.split(" ").length);
    }

    @Test
    void a_follow_up_asked_without_its_question_mark_is_a_question_of_its_own() {
        assertThat(split("dpo obligatoire ou pas pr 200 hab ? et si fuite de données on a cb de temps pr prévenir la cnil"))
                .hasSize(2);
        // A follow-up that points back to the question before it stays with it.
        assertThat(split("votre délib charte elle est partie en préfecture quand ? et c'est quoi son identifiant actes"))
                .hasSize(1);
        // A statement after a question stays its context.
        assertThat(split("Le DPO est-il obligatoire ? Nous sommes une petite commune de 200 habitants.")).hasSize(1);
    }

    @Test
    void a_question_judging_the_thing_asked_before_stays_with_it() {
        assertThat(split("Doit-on adhérer à COMEDEC ? C'est obligatoire pour une commune de 500 habitants ?")).hasSize(1);
        assertThat(split("L'AR est arrivé lundi. C'est normal ? Est-ce normal ou faut-il signaler un problème ?"))
                .hasSize(1);
        // « c'est possible de … », « est-ce normal que … » name their own subject.
        assertThat(split("Vous ouvrez à quelle heure ? Est-ce normal que l'AR arrive le lundi ?")).hasSize(2);
        assertThat(split("Vous ouvrez à quelle heure le lundi ? C'est possible de télétransmettre le budget ?")).hasSize(2);
    }

    @Test
    void the_question_after_a_request_is_cut_from_the_words_leading_into_it() {
        String request = TextNormalizer.normalize("ajoutez-moi à la formation marchés svp, et tant que j'y suis : à "
                + "partir de combien on publie au BOAMP ?");
        assertThat(MessageParts.questionAfter(request, request.indexOf("svp")))
                .contains("a partir de combien on publie au boamp ?");
        String told = TextNormalizer.normalize("pouvez-vous me créer un compte et me dire si un certificat est nécessaire");
        assertThat(MessageParts.questionAfter(told, told.indexOf(" un compte")))
                .contains("un certificat est necessaire ?");
        // « M. » ends no sentence: the question after it is still found.
        String named = TextNormalizer.normalize("ouvrez un accès Actes à M. Petit svp, et dites-moi combien de temps "
                + "dure la validité du certificat.");
        assertThat(MessageParts.questionAfter(named, named.indexOf(" un acces")))
                .contains("combien de temps dure la validite du certificat ?");
        // A request that asks nothing after its ask has no question beside it.
        String alone = TextNormalizer.normalize("merci d'ouvrir un compte Actes. Mme Roussel commence lundi.");
        assertThat(MessageParts.questionAfter(alone, alone.indexOf(" un compte"))).isEmpty();
        // After a semicolon, and after « je voudrais aussi savoir », a question without its mark.
        String semicolon = TextNormalizer.normalize("je voudrais un compte Actes à mon nom ; au passage, il faut un "
                + "certificat spécial ?");
        assertThat(MessageParts.questionAfter(semicolon, semicolon.indexOf(" un compte")))
                .contains("il faut un certificat special ?");
        String wish = TextNormalizer.normalize("je voudrais qu'on m'ouvre un accès et je voudrais aussi savoir jusqu'à "
                + "quel jour je peux vous appeler");
        assertThat(MessageParts.questionAfter(wish, wish.indexOf(" un acces")))
                .contains("jusqu'a quel jour je peux vous appeler ?");
    }

    @Test
    void questions_announced_with_who_asks_or_about_what_are_each_a_part() {
        assertThat(split("trois questions du maire : vous ouvrez à quelle heure le matin ? c'est quoi votre numéro ? "
                + "et la charte elle a été votée quand ?")).hasSize(3);
        assertThat(split("deux questions contrôle de légalité : délai pour transmettre un marché signé, et délai du "
                + "préfet pour l'attaquer ?")).hasSize(2);
        assertThat(split("deux sujets : peut-on externaliser nos archives chez un prestataire, et sommes-nous obligés "
                + "d'avoir un DPO ?")).hasSize(2);
        // « svp » after the number is politeness, not what the questions are about: no list of three is read.
        assertThat(split("3 questions svp : c'est voté quand votre charte, le prix c'était fixé quand, et le démarrage "
                + "c'était quand ?")).hasSizeLessThan(3);
    }

    @Test
    void indirect_questions_listed_without_a_question_mark_are_each_a_part() {
        // « et pendant combien de temps » completes the question on the funding: the same subject.
        assertThat(split("Le maire souhaite savoir qui a voté la charte Mairie connectée, quel pourcentage est financé "
                + "par l'Europe et pendant combien de temps.")).hasSize(2).first().asString().contains("charte")
                .doesNotContain("pourcentage");
        assertThat(split("Je souhaite savoir si nous pouvons transmettre nos conventions par Actes, et si l'envoi est "
                + "instantané.")).hasSize(2);
        // One indirect question alone, with its context, stays one part.
        assertThat(split("Le maire souhaite savoir qui a voté la charte Mairie connectée en 2022.")).hasSize(1);
    }

    @Test
    void a_first_piece_opening_on_que_asks_once_the_sentence_is_cut() {
        assertThat(split("que trouve-t-on dans Mairie connectée, et qui paie l'essentiel ?")).hasSize(2);
    }

    @Test
    void a_dot_that_shortens_a_word_ends_no_numbered_item() {
        // « (90 hab.) » inside item 1 does not cut it from its question, which would then be mere context of item 2.
        List<String> parts = split("questions RGPD groupées : 1) Inval-Boiron (90 hab.) demande si un DPO est "
                + "obligatoire pour eux ; 2) Senarpont a envoyé un mail au mauvais destinataire : qui prévenir ?");
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0)).contains("dpo est obligatoire");
        assertThat(parts.get(1)).startsWith("senarpont");
    }

    @Test
    void a_first_clause_with_a_question_word_asks_too() {
        assertThat(split("2 choses : on fait comment pour publier nos délibs (pas de site) et est-ce que le compte "
                + "rendu ça existe encore ?")).hasSize(2);
        assertThat(split("Bonjour, deux points : jusqu'à quand garder un arrêté en ligne, et où afficher la liste des "
                + "délibérations ?")).hasSize(2);
        // Without a question word the first clause is the context of the question.
        assertThat(split("Nous avons 450 habitants et est-ce que nous devons télétransmettre ?")).hasSize(1);
    }

    @Test
    void a_few_words_opening_on_a_preposition_go_on_asking_the_question_before() {
        assertThat(split("vos serveurs sont hébergés où ? chez un gros américain ?")).hasSize(1);
        // A question of its own, however it opens, stands alone.
        assertThat(split("vos serveurs sont hébergés où ? pour les marchés publics il faut quel certificat ?"))
                .hasSize(2);
    }

    @Test
    void a_short_follow_up_question_with_a_subject_and_a_verb_asks_on_its_own() {
        String message = TextNormalizer.normalize("quel certificat pour envoyer sur actes ? et on peut envoyer le dimanche ?");
        assertThat(MessageParts.split(message, sentence -> false, sentence -> sentence.startsWith("et") ? 2 : 5))
                .hasSize(2);
        // One word of its own says too little: it goes on asking the question before.
        assertThat(MessageParts.split(message, sentence -> false, sentence -> sentence.startsWith("et") ? 1 : 5))
                .hasSize(1);        // The verb may come before its subject.
        String inverted = TextNormalizer.normalize("Actes : faut-il un certificat particulier ? et peut-on envoyer le dimanche ?");
        assertThat(MessageParts.split(inverted, sentence -> false, sentence -> sentence.startsWith("et") ? 2 : 5))
                .hasSize(2);
    }

    @Test
    void questions_announced_by_number_are_split_even_without_a_question_mark() {
        assertThat(split("Trois questions rapides : vos horaires le lundi matin, le lieu de la séance de la charte, et "
                + "le nom de votre président. Merci."))
                .containsExactly("vos horaires le lundi matin", "le lieu de la seance de la charte",
                        "le nom de votre president. merci.");
    }

    @Test
    void a_comma_and_between_two_clauses_with_a_question_word_asks_twice() {
        assertThat(split("on garde les délibés combien de temps en ligne, et le procès-verbal on le publie quand ?"))
                .containsExactly("on garde les delibes combien de temps en ligne", "le proces-verbal on le publie quand ?");
        assertThat(split("c'est quel type de structure, ça existe depuis quand, et qui a voté la charte ?"))
                .containsExactly("c'est quel type de structure, ca existe depuis quand", "qui a vote la charte ?");
        // « qu'y a-t-il … » asks as a question word does, after the words that introduce it.
        assertThat(split("le conseil demande : qu'y a-t-il dans l'offre Mairie connectée et quel fonds européen la "
                + "finance ?")).hasSize(2);
        // Without a question word on both sides, it is one question.
        assertThat(split("on garde les délibés en ligne, et le procès-verbal on le publie quand ?")).hasSize(1);
    }

    @Test
    void numbered_items_ask_each_however_they_are_numbered_and_without_a_question_mark() {
        assertThat(split("1) délai pr transmettre un arrêté 2) combien de temps la délib reste en ligne 3) vs fermez à "
                + "quelle heure")).containsExactly("delai pr transmettre un arrete", "combien de temps la delib reste en ligne",
                "vs fermez a quelle heure");
        // The words before the first item introduce it.
        assertThat(split("Le maire voudrait savoir 1/ si l'entreprise doit signer sa réponse, 2/ à quel montant on met "
                + "le DCE en ligne. Merci")).containsExactly("le maire voudrait savoir si l'entreprise doit signer sa reponse,",
                "a quel montant on met le dce en ligne. merci");
        assertThat(split("Notre DGS demande : 1. délai de transmission d'un marché ? 2. seuil BOAMP ?")).hasSize(2);
        // Items listed with dashes are numbered items too; a dash inside a word or a single dash is no list.
        assertThat(split("2 questions svp : -tél de somme numerique ? -les tarifs de mairie connectée ont été votés quand"))
                .hasSize(2);
        assertThat(split("- seuil travaux sans pub ni mise en concurrence ?? - vous etes ou a Amiens")).hasSize(2);
        assertThat(split("Mairie de Rue - secrétariat : est-ce que la délib doit partir en préfecture ?")).hasSize(1);
        // One number alone is not a list: « 2. » here ends a reference.
        assertThat(split("Nous appliquons l'article 2. Quel délai pour transmettre un marché au préfet ?")).hasSize(1);
    }

    @Test
    void indirect_questions_listed_after_a_verb_of_telling_ask_each() {
        // As the engine does, the sentence that asks (« pouvez-vous … ») is read as a question by the classifier.
        Predicate<String> asks = sentence -> sentence.startsWith("pouvez-vous");
        ToIntFunction<String> words = sentence -> sentence.split(" ").length;
        assertThat(MessageParts.split(TextNormalizer.normalize("Pouvez-vous me confirmer qui a accepté de financer "
                + "l'offre, à quel pourcentage, et à partir de quand le service devait démarrer ?"), asks, words))
                .containsExactly("pouvez-vous me confirmer qui a accepte de financer l'offre",
                        "a quel pourcentage, et a partir de quand le service devait demarrer ?");
        assertThat(MessageParts.split(TextNormalizer.normalize("Pouvez-vous m'expliquer ce qu'est Somme Numérique, ce "
                + "que contient Mairie connectée et si une petite commune peut en profiter ?"), asks, words))
                .containsExactly("pouvez-vous m'expliquer ce qu'est somme numerique", "ce que contient mairie connectee",
                        "si une petite commune peut en profiter ?");
        // « si oui » goes on with the question before it.
        assertThat(MessageParts.split(TextNormalizer.normalize("Pouvez-vous me dire si la formation est gratuite, et si "
                + "oui pour combien d'agents ?"), asks, words)).hasSize(1);
    }

    @Test
    void a_second_clause_with_its_own_question_word_asks_on_its_own_even_in_few_words() {
        String message = TextNormalizer.normalize("Peux-tu demander à Somme Numérique à partir de combien de travaux on "
                + "doit faire une pub, et quel certificat il faut pour Actes ?");
        // Two informative words (certificat, Actes) in the second clause, as the index counts them.
        ToIntFunction<String> terms = sentence -> sentence.startsWith("quel") ? 2 : 5;
        assertThat(MessageParts.split(message, sentence -> false, terms)).hasSize(2);
        // « ce système » is the thing the first clause asks about: one question.
        assertThat(MessageParts.split(TextNormalizer.normalize("C'est quoi la télétransmission, et qui a créé ce "
                + "système ?"), sentence -> false, sentence -> sentence.startsWith("qui") ? 2 : 5)).hasSize(1);
        // « pendant combien de temps » of what the first clause asks about.
        assertThat(MessageParts.split(TextNormalizer.normalize("la Région prend en charge combien sur l'offre, et "
                + "pendant combien de temps ?"), sentence -> false, sentence -> sentence.startsWith("pendant") ? 2 : 5))
                .hasSize(1);
    }

    @Test
    void two_questions_joined_by_et_without_a_comma_are_two_parts_when_each_stands_alone() {
        assertThat(split("bjr, c koi le taux de subvention pr mairie connectee et c'est voté quand la charte ?"))
                .hasSize(2);
        assertThat(split("où se trouvent vos bureaux et à quelle heure vous fermez le soir ?")).hasSize(2);
        // The second points back (« y ») or is too short to stand alone: one question.
        assertThat(split("Somme Numérique, c'est quel type d'organisme et combien de membres y adhèrent ?")).hasSize(1);
        assertThat(split("Combien de présents et combien de votants au comité ?")).hasSize(1);
    }

    @Test
    void a_second_question_asked_with_a_verb_of_its_own_after_a_comma_and_et_stands_alone_however_short() {
        assertThat(split("quand la charte a-t-elle été adoptée, par quelle instance, et qui finance l'offre ?"))
                .hasSize(2);
        // « …, et qui était secrétaire de séance ? » is about the sitting the first question named.
        assertThat(split("qui présidait la séance qui a adopté la charte, et qui était secrétaire de séance ?"))
                .hasSize(1);
    }


    @Test
    void questions_councillors_asked_passed_on_are_parts_of_their_own() {
        assertThat(split("Après la séance, Mme Caron a demandé si les convocations pouvaient partir par courriel. "
                + "M. Vasseur demande à partir de quel montant on publie un avis d'appel public."))
                .hasSize(2);
        // A request « si possible » asks nothing.
        assertThat(split("Mme Caron demande si possible un rendez-vous. Elle passera jeudi.")).hasSize(1);
    }
}
