package fr.sommenumerique.helpdesk.assistant;

import fr.sommenumerique.helpdesk.knowledge.KnowledgeBase;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionEngineTest {

    private static DecisionEngine engine;

    @BeforeAll
    static void load() {
        engine = new DecisionEngine(KnowledgeBase.load(Path.of("knowledge-base")), AssistantSettings.DEFAULTS);
    }

    @Test
    void a_question_the_knowledge_base_covers_is_answered_from_its_article_with_the_source() {
        Decision decision = engine.decide("Dans quel délai le préfet peut-il déférer une délibération au tribunal ?");

        assertThat(decision.kind()).isEqualTo(DecisionKind.ANSWER);
        assertThat(decision.reply()).contains("2 mois").contains("Source : « ");
        assertThat(decision.sources()).isNotEmpty();
        assertThat(decision.articles().get(0).id()).isEqualTo("actes-controle-prefet");
        assertThat(decision.confidence()).isGreaterThanOrEqualTo(0.4);
        assertThat(decision.priority()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Bonjour,\n\nCombien de temps une délibération doit-elle rester en ligne ?\n\nMerci d'avance,\nCordialement\n\n"
                    + "Marie Durand\nSecrétaire de mairie\nMairie de Cannessières\nTél. 03 22 00 00 00",
            "bjr combien de temps une délibération doit-elle rester en ligne svp merci",
            "Madame, Monsieur, combien de temps une délibération doit-elle rester en ligne ? Bien cordialement",
    })
    void greetings_thanks_and_signatures_do_not_change_the_decision(String message) {
        Decision bare = engine.decide("Combien de temps une délibération doit-elle rester en ligne ?");
        Decision dressed = engine.decide(message);

        assertThat(bare.kind()).isEqualTo(DecisionKind.ANSWER);
        assertThat(dressed.kind()).isEqualTo(bare.kind());
        assertThat(dressed.sources()).isEqualTo(bare.sources());
    }

    @Test
    void an_incident_goes_to_a_human_with_service_and_priority_even_when_an_article_is_related() {
        Decision decision = engine.decide("Mon certificat RGS a expiré, impossible de télétransmettre le budget !!");

        assertThat(decision.kind()).isEqualTo(DecisionKind.TICKET);
        assertThat(decision.services()).contains(ServiceArea.ACTES);
        assertThat(decision.priority()).isEqualTo(Priority.URGENT);
        assertThat(decision.reply()).contains("agent");
    }

    @Test
    void an_incident_without_urgency_is_high_priority() {
        Decision decision = engine.decide("je n'arrive pas à me connecter au partage de fichiers");

        assertThat(decision.kind()).isEqualTo(DecisionKind.TICKET);
        assertThat(decision.services()).contains(ServiceArea.PARTAGE);
        assertThat(decision.priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void a_fact_the_knowledge_base_says_it_does_not_know_is_handed_over_without_inventing() {
        Decision decision = engine.decide("Combien coûte l'abonnement à Mairie connectée pour une commune ?");

        assertThat(decision.kind()).isEqualTo(DecisionKind.TICKET);
        assertThat(decision.reply()).contains("agent").doesNotContainPattern("\\d+ ?€ ?(HT|TTC)? ?(par|/) ?an");
        assertThat(decision.priority()).isEqualTo(Priority.NORMAL);
    }

    @Test
    void a_domain_question_no_article_covers_is_handed_over_not_guessed() {
        Decision decision = engine.decide("Quel est le numéro de SIRET de la trésorerie de Doullens pour nos mandats ?");

        assertThat(decision.kind()).isNotEqualTo(DecisionKind.ANSWER);
    }

    @Test
    void a_membership_request_is_a_subscription_with_eligibility_from_the_stated_population() {
        Decision decision = engine.decide("Bonjour, commune de 412 habitants, nous souhaitons adhérer à Mairie connectée pour Actes et les marchés.");

        assertThat(decision.kind()).isEqualTo(DecisionKind.SUBSCRIPTION);
        assertThat(decision.subscriptionKind()).isEqualTo(SubscriptionKind.MEMBERSHIP);
        assertThat(decision.services()).contains(ServiceArea.ACTES, ServiceArea.MARCHES);
        assertThat(decision.subsidyEligible()).isTrue();
        assertThat(decision.reply()).contains("412 habitants").contains("moins de 2 000 habitants");
    }

    @Test
    void the_commune_given_by_the_caller_decides_eligibility() {
        Decision decision = engine.decide(new Question("Nous voudrions adhérer à l'offre Mairie connectée.", "Abbeville", 22395));

        assertThat(decision.kind()).isEqualTo(DecisionKind.SUBSCRIPTION);
        assertThat(decision.subsidyEligible()).isFalse();
        assertThat(decision.reply()).contains("Abbeville").contains("dépasse le seuil");
    }

    @Test
    void account_and_training_requests_are_subscriptions_of_their_kind() {
        assertThat(engine.decide("Pouvez-vous créer un compte Actes pour notre nouvel adjoint ?").subscriptionKind())
                .isEqualTo(SubscriptionKind.ACCOUNT);
        Decision training = engine.decide("Merci d'inscrire deux agents à la prochaine formation marchés publics.");
        assertThat(training.subscriptionKind()).isEqualTo(SubscriptionKind.TRAINING);
        assertThat(training.services()).contains(ServiceArea.FORMATION);
        assertThat(training.subsidyEligible()).isNull();
    }

    @Test
    void asking_for_information_about_the_offer_is_not_a_subscription() {
        assertThat(engine.decide("Nous voudrions savoir ce que comprend l'offre Mairie connectée").kind())
                .isEqualTo(DecisionKind.ANSWER);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Le ramassage des encombrants passe quand dans notre rue ?",
            "Notre box internet à la maison ne marche plus",
            "Quel logiciel de paie nous conseillez-vous ?",
    })
    void other_matters_are_out_of_scope(String message) {
        Decision decision = engine.decide(message);

        assertThat(decision.kind()).isEqualTo(DecisionKind.OUT_OF_SCOPE);
        assertThat(decision.reply()).contains("ne semble pas concerner");
    }

    @Test
    void a_message_of_only_politeness_asks_what_the_person_needs() {
        Decision decision = engine.decide("Bonjour,\n\nMerci beaucoup !\n\nCordialement");

        assertThat(decision.kind()).isEqualTo(DecisionKind.OUT_OF_SCOPE);
        assertThat(decision.reply()).contains("Posez-moi votre question");
    }

    @Test
    void the_same_question_gets_the_same_decision_every_time() {
        String question = "Quel est le seuil de dispense pour des travaux ?";
        assertThat(engine.decide(question)).isEqualTo(engine.decide(question));
    }
}
