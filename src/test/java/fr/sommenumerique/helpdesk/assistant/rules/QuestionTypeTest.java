package fr.sommenumerique.helpdesk.assistant.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionTypeTest {

    @Test
    void when_the_support_can_be_reached_needs_our_opening_days_not_a_platform_s_hours() {
        String question = TextNormalizer.normalize("Est-ce que quelqu'un décroche chez vous le dimanche ? "
                + "On envoie nos actes samedi.");
        String actesPassage = TextNormalizer.normalize("Un acte envoyé un samedi, un dimanche ou un jour férié reçoit "
                + "son AR le jour ouvré suivant.");
        String hoursPassage = TextNormalizer.normalize("Somme Numérique est ouvert du lundi au vendredi.");

        assertThat(QuestionType.of(question)).contains(QuestionType.OPENING);
        assertThat(QuestionType.OPENING.answeredBy(actesPassage)).isFalse();
        assertThat(QuestionType.OPENING.answeredBy(hoursPassage)).isTrue();
        assertThat(QuestionType.of(TextNormalizer.normalize("on peut vous avoir le mercredi aprem ?")))
                .contains(QuestionType.OPENING);
        assertThat(QuestionType.of(TextNormalizer.normalize("Si j'ai un blocage le samedi, est-ce que quelqu'un peut "
                + "m'aider chez vous ?"))).contains(QuestionType.OPENING);
        assertThat(QuestionType.of(TextNormalizer.normalize("je sors à 17h le vendredi, vous serez encore joignables après ?")))
                .contains(QuestionType.OPENING);
        assertThat(QuestionType.of(TextNormalizer.normalize("Bonjour, vous êtes ouverts quand ?")))
                .contains(QuestionType.OPENING);
        assertThat(QuestionType.of(TextNormalizer.normalize("quand êtes-vous joignables ?"))).contains(QuestionType.OPENING);
        assertThat(QuestionType.of(TextNormalizer.normalize("Quand la préfecture délivre-t-elle l'AR le samedi ?")))
                .isNotEqualTo(java.util.Optional.of(QuestionType.OPENING));
    }

    @Test
    void at_what_time_needs_an_hour_not_a_year() {
        String question = TextNormalizer.normalize("La réunion a eu lieu en visio ? et à quelle heure");

        assertThat(QuestionType.of(question)).contains(QuestionType.HOUR);
        assertThat(QuestionType.HOUR.answeredBy(TextNormalizer.normalize("La séance du 28 juin 2022 s'est tenue en "
                + "visioconférence."))).isFalse();
        assertThat(QuestionType.HOUR.answeredBy(TextNormalizer.normalize("La séance a commencé à 17h30."))).isTrue();
        assertThat(QuestionType.of(TextNormalizer.normalize("vendredi fermé a kel heure"))).contains(QuestionType.HOUR);
    }

    @Test
    void a_question_about_a_decision_on_prices_does_not_ask_for_a_price() {
        assertThat(QuestionType.of(TextNormalizer.normalize("Quels sont vos tarifs ?"))).contains(QuestionType.PRICE);
        assertThat(QuestionType.of(TextNormalizer.normalize("cest combien pour une commune de 350 hab ?")))
                .contains(QuestionType.PRICE);
        assertThat(QuestionType.of(TextNormalizer.normalize("c est combien l'offre ?"))).contains(QuestionType.PRICE);
        assertThat(QuestionType.of(TextNormalizer.normalize("Quel est le montant de l'abonnement ?")))
                .contains(QuestionType.PRICE);
        assertThat(QuestionType.of(TextNormalizer.normalize("Combien doit-on pour cette année ?")))
                .contains(QuestionType.PRICE);
        // « quand » opening a clause asks no date.
        assertThat(QuestionType.of(TextNormalizer.normalize("Quand la subvention sera finie, combien on paiera chaque "
                + "année ?"))).contains(QuestionType.PRICE);
        // Nor does « quand » after the question word: the price is asked, the moment only says which one.
        assertThat(QuestionType.of(TextNormalizer.normalize("Combien devrons-nous payer quand le financement "
                + "européen s'arrêtera ?"))).contains(QuestionType.PRICE);
        assertThat(QuestionType.of(TextNormalizer.normalize("Quand la charte a-t-elle été votée ?")))
                .contains(QuestionType.WHEN);
        // « cb » for « combien », in SMS style; « c cb d argent en tout » asks an envelope, not what the commune pays.
        assertThat(QuestionType.of(TextNormalizer.normalize("c cb l abonnement par an apres les 2 ans ?")))
                .contains(QuestionType.PRICE);
        assertThat(QuestionType.of(TextNormalizer.normalize("react eu pr les hauts de france c cb d argent en tt")))
                .isNotEqualTo(java.util.Optional.of(QuestionType.PRICE));
        // Whether, and what, one pays: « doit-il payer … ? », a financial participation.
        assertThat(QuestionType.of(TextNormalizer.normalize("Le SIVU doit-il payer la même participation que la "
                + "commune ?"))).contains(QuestionType.PRICE);
        assertThat(QuestionType.of(TextNormalizer.normalize("Quelle participation financière pour un SIVU ?")))
                .contains(QuestionType.PRICE);
        assertThat(QuestionType.of(TextNormalizer.normalize("combien doit-on attendre l'AR ?")))
                .isNotEqualTo(java.util.Optional.of(QuestionType.PRICE));
        assertThat(QuestionType.of(TextNormalizer.normalize(
                "Les prix de votre offre ont été votés en même temps que la charte ?"))).isEmpty();
        assertThat(QuestionType.of(TextNormalizer.normalize(
                "Le contenu et les tarifs ont été arrêtés avant ou après la charte ?"))).isEmpty();
        assertThat(QuestionType.of(TextNormalizer.normalize("Notre délibération sur les tarifs de la cantine est "
                + "contestée, le délai de recours court encore ?"))).contains(QuestionType.DURATION);
    }

    @Test
    void what_the_commune_will_pay_once_the_subsidy_is_over_is_a_price() {
        assertThat(QuestionType.of(TextNormalizer.normalize("Après les 2 ans de subvention, combien on paiera par an ?")))
                .contains(QuestionType.PRICE);
        assertThat(QuestionType.of(TextNormalizer.normalize(
                "Une fois la subvention déduite, quel montant restera à la charge de la commune ?")))
                .contains(QuestionType.PRICE);
        assertThat(QuestionType.of(TextNormalizer.normalize("on peut quand même prendre l'offre ? c'est combien ?")))
                .contains(QuestionType.PRICE);
        assertThat(QuestionType.of(TextNormalizer.normalize("Après la subvention, on paiera combien ?")))
                .contains(QuestionType.PRICE);
        assertThat(QuestionType.of(TextNormalizer.normalize("l'europe paie combien en % ?")))
                .isNotEqualTo(java.util.Optional.of(QuestionType.PRICE));
        assertThat(QuestionType.of(TextNormalizer.normalize("Qui paie le certificat, la commune ?")))
                .isNotEqualTo(java.util.Optional.of(QuestionType.PRICE));
    }

    @Test
    void a_share_of_a_cost_needs_a_percentage_not_a_price() {
        String question = TextNormalizer.normalize("Le maire souhaiterait savoir d'où provient le financement qui réduit "
                + "le coût de votre offre, et quelle part est ainsi prise en charge.");
        assertThat(QuestionType.of(question)).contains(QuestionType.SHARE);
        assertThat(QuestionType.SHARE.answeredBy(TextNormalizer.normalize("L'Europe finance 80 % du coût."))).isTrue();
        // « l'Europe prend combien en charge ? » asks the share; « on paie combien nous ? » what the commune pays.
        assertThat(QuestionType.of(TextNormalizer.normalize("l'europe prend combien en charge sur mairie connectee ??")))
                .contains(QuestionType.SHARE);
        assertThat(QuestionType.of(TextNormalizer.normalize("et une fois la subvention finie on paie combien nous ?")))
                .contains(QuestionType.PRICE);
        assertThat(QuestionType.SHARE.answeredBy(TextNormalizer.normalize("Les tarifs ne sont pas connus ici."))).isFalse();
    }
    @Test
    void a_sum_of_money_or_what_the_commune_pays_is_a_price_a_percentage_does_not_give() {
        for (String question : new String[] {
                "Les 80 % de subvention, ça représente combien en euros pour une commune comme la nôtre ?",
                "Quel est le montant exact de la subvention européenne attribuée à Somme Numérique ?",
                "Vous facturez la formation combien par personne ?",
                "Après la subvention européenne, combien reste-t-il à la charge de la commune par an ?",
                "Quelle sera la participation financière de la commune une fois la subvention européenne terminée ?"}) {
            assertThat(QuestionType.of(TextNormalizer.normalize(question))).as(question).contains(QuestionType.PRICE);
        }
        assertThat(QuestionType.PRICE.answeredBy(TextNormalizer.normalize("financé à 80 % par l'Europe"))).isFalse();
    }
}
