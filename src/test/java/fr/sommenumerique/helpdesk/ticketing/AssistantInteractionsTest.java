package fr.sommenumerique.helpdesk.ticketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.sommenumerique.helpdesk.knowledge.ServiceArea;

class AssistantInteractionsTest extends TicketingTestBase {

    @Autowired
    AssistantInteractions interactions;

    private long ask(String question, String kind, String article, ServiceArea service) {
        clock.advance(Duration.ofMinutes(1));
        return interactions.record(new NewInteraction(Channel.EMAIL, null, question, kind, article, service, 0.42, null));
    }

    @Test
    void unansweredReportGroupsHandOversAndUnhelpfulAnswers() {
        Instant from = clock.instant();
        long ok = ask("Vos horaires ?", AssistantInteractions.ANSWER, "contact/horaires", ServiceArea.CONTACT);
        interactions.recordFeedback(ok, true);
        long bad = ask("Seuil de publicité voirie ?", AssistantInteractions.ANSWER, "marches/seuils", ServiceArea.MARCHES);
        interactions.recordFeedback(bad, false);
        long changedMind = ask("Seuil des procédures formalisées ?", AssistantInteractions.ANSWER, "marches/seuils", ServiceArea.MARCHES);
        interactions.recordFeedback(changedMind, false);
        interactions.recordFeedback(changedMind, true);     // the latest feedback counts
        ask("Mot de passe refusé sur la plateforme", AssistantInteractions.TICKET, "marches/seuils", ServiceArea.MARCHES);
        ask("Fichier non conforme sur Actes", "ticket", null, ServiceArea.ACTES);
        ask("Fichier non conforme sur Actes", AssistantInteractions.TICKET, null, ServiceArea.ACTES);
        ask("Certificat expiré", AssistantInteractions.TICKET, null, ServiceArea.ACTES);
        ask("Ramassage des encombrants ?", AssistantInteractions.OUT_OF_SCOPE, null, null);
        ask("Adhésion au service Actes", AssistantInteractions.SUBSCRIPTION, null, ServiceArea.ACTES);
        Instant to = clock.instant().plusSeconds(1);
        clock.advance(Duration.ofDays(2));
        ask("Après la période", AssistantInteractions.TICKET, null, ServiceArea.ACTES);

        UnansweredReport report = interactions.unansweredReport(from, to);
        assertThat(report.interactions()).isEqualTo(9);
        assertThat(report.unanswered()).isEqualTo(6);
        assertThat(report.groups()).extracting(UnansweredReport.Group::topArticleId, UnansweredReport.Group::service,
                UnansweredReport.Group::count, UnansweredReport.Group::tickets, UnansweredReport.Group::outOfScope,
                UnansweredReport.Group::unhelpfulAnswers).containsExactly(
                org.assertj.core.groups.Tuple.tuple(null, ServiceArea.ACTES, 3L, 3L, 0L, 0L),
                org.assertj.core.groups.Tuple.tuple("marches/seuils", ServiceArea.MARCHES, 2L, 1L, 0L, 1L),
                org.assertj.core.groups.Tuple.tuple(null, null, 1L, 0L, 1L, 0L));
        assertThat(report.groups().get(0).sampleQuestions()).containsExactly("Certificat expiré", "Fichier non conforme sur Actes");
        assertThat(report.groups().get(1).sampleQuestions())
                .containsExactly("Mot de passe refusé sur la plateforme", "Seuil de publicité voirie ?");
    }

    @Test
    void interactionsAndFeedback() {
        long id = ask("Question", AssistantInteractions.ANSWER, "a/b", ServiceArea.OFFRE);
        AssistantInteraction i = interactions.byId(id).orElseThrow();
        assertThat(i.helpful()).isNull();
        assertThat(i.confidence()).isEqualTo(0.42);
        assertThat(i.at()).isEqualTo(clock.instant());
        interactions.recordFeedback(id, false);
        assertThat(interactions.byId(id).orElseThrow().helpful()).isFalse();
        assertThatThrownBy(() -> interactions.recordFeedback(424242L, true)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> interactions.attachTicket(424242L, 1L)).isInstanceOf(NotFoundException.class);
    }
}
