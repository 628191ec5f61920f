package fr.sommenumerique.helpdesk.telegram;

import static fr.sommenumerique.helpdesk.telegram.TelegramConversationRulesTest.ANSWERED_QUESTION;
import static fr.sommenumerique.helpdesk.telegram.TelegramConversationRulesTest.MARCHES_INCIDENT;
import static fr.sommenumerique.helpdesk.telegram.TelegramConversationRulesTest.URGENT_ACTES_INCIDENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.sommenumerique.helpdesk.assistant.Priority;
import fr.sommenumerique.helpdesk.conversation.StaffReplies;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.ApiCall;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.FakeUser;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.TicketStatus;
import fr.sommenumerique.helpdesk.web.account.NewStaffMember;
import fr.sommenumerique.helpdesk.web.account.StaffAccounts;
import fr.sommenumerique.helpdesk.web.account.StaffRole;

/**
 * One chat as a commune secretary would have it (issue 9, « Done when »): 32 messages mixing greetings, answerable
 * questions, an incident and an urgent one, a precision, a photo, a short follow-up, a staff reply answered
 * directly, and a flood; the tickets (count, service, priority) and the replies are asserted along the way.
 */
class TelegramScriptedConversationTest extends TelegramChannelTestBase {

    @Autowired
    StaffReplies staffReplies;
    @Autowired
    StaffAccounts staffAccounts;

    @Test
    void aWholeConversationKeepsSeparateIssuesSeparateAndAnswersEveryQuestion() {
        String agent = "claire" + Math.abs(System.nanoTime() % 1_000_000);
        staffAccounts.createWithPassword(new NewStaffMember(agent, "Claire Martin", null, StaffRole.AGENT),
                "Un-mot-de-passe-solide-42", false, "admin");
        FakeUser user = newUser();
        int sent = 0;

        // 1. a greeting alone opens nothing
        api.enqueueText(user, "Bonjour");
        sent++;
        awaitReply(user, "Posez-moi votre question");
        assertThat(ticketsOf(user)).isEmpty();

        // 2-4. an answerable question, thanks, a precision on it
        api.enqueueText(user, ANSWERED_QUESTION);
        sent++;
        awaitReply(user, "RGS");
        Ticket answered = ticketsOf(user).get(0);
        api.enqueueText(user, "Merci !");
        sent++;
        api.enqueueText(user, "Précision : c'est pour la commune de Hornoy-le-Bourg");
        sent++;
        ApiCall precision = awaitReply(user, "Précision ajoutée à votre demande " + answered.reference());
        assertThat(precision.text("text")).doesNotContain("ne semble pas concerner");
        assertThat(tickets.findById(answered.id()).orElseThrow().communeInsee()).isEqualTo("80443");

        // 5-7. an incident, a photo without words, a short follow-up: one ticket
        api.enqueueText(user, MARCHES_INCIDENT);
        sent++;
        awaitReply(user, "Nous avons bien reçu votre message");
        Ticket marches = ticketsOf(user).stream().filter(t -> t.id() != answered.id()).findFirst().orElseThrow();
        api.enqueuePhoto(user, new byte[4_000], null);
        sent++;
        awaitReply(user, "Fichier ajouté à votre demande " + marches.reference());
        api.enqueueText(user, "ok je vais essayer demain");
        sent++;
        awaitReply(user, "Message ajouté à votre demande " + marches.reference());

        // 8. an urgent incident on another service: a ticket of its own, never hidden in the open one
        api.enqueueText(user, URGENT_ACTES_INCIDENT);
        sent++;
        await().atMost(Duration.ofSeconds(15)).until(() -> ticketsOf(user).size() == 3);
        Ticket urgent = ticketsOf(user).stream().filter(t -> t.id() != answered.id() && t.id() != marches.id())
                .findFirst().orElseThrow();
        assertThat(urgent.priority()).isEqualTo(Priority.URGENT);
        assertThat(urgent.service()).isEqualTo(ServiceArea.ACTES);

        // 9. an agent asks; the person answers that message directly
        staffReplies.reply(marches.id(), agent, "Quel navigateur utilisez-vous ?", TicketStatus.PENDING);
        ApiCall staff = awaitReply(user, "Quel navigateur utilisez-vous ?");
        assertThat(staff.text("text")).contains("— Claire, Somme Numérique", marches.reference());
        int staffMessage = awaitBotMessageId(user, "Quel navigateur");
        api.enqueueReplyTo(user, staffMessage, "Firefox, sous Windows 11");
        sent++;
        awaitCount(user, "Message ajouté à votre demande " + marches.reference(), 2);

        // 10. a greeting while tickets are open still opens nothing; /statut lists them by subject
        api.enqueueText(user, "Bonsoir");
        sent++;
        api.enqueueCommand(user, "/statut", null);
        sent++;
        ApiCall status = awaitReply(user, "Vos demandes");
        assertThat(status.text("text")).contains(escaped(marches.reference()), escaped(urgent.reference()))
                .doesNotContain(escaped(answered.reference()));

        // 11. a flood of answerable questions: set aside, then each handled in order once the burst is over
        for (int i = 1; i <= 20; i++) {
            // the same question each time: a numbered prefix (« Question 7 : … ») made the assistant hand some over
            api.enqueueText(user, ANSWERED_QUESTION);
            sent++;
        }
        awaitReply(user, "beaucoup de messages en peu de temps");
        await().atMost(Duration.ofSeconds(60)).until(() -> ticketsOf(user).size() == 3 + 20);
        assertThat(sent).isGreaterThanOrEqualTo(30);

        // the expected tickets: one answered record per question, the incident and the urgent incident, nothing else
        List<Ticket> all = ticketsOf(user);
        assertThat(all).filteredOn(t -> t.status() == TicketStatus.RESOLVED).hasSizeGreaterThanOrEqualTo(20);
        assertThat(all).filteredOn(Ticket::isActive).extracting(Ticket::id)
                .containsExactlyInAnyOrder(marches.id(), urgent.id());
        Ticket marchesNow = tickets.findById(marches.id()).orElseThrow();
        assertThat(marchesNow.service()).isEqualTo(ServiceArea.MARCHES);
        assertThat(tickets.messages(marches.id())).filteredOn(m -> !m.attachments().isEmpty()).hasSize(1);
        assertThat(tickets.messages(urgent.id())).noneMatch(m -> m.text().equals(ANSWERED_QUESTION));
        awaitCount(user, "RGS", 21); // the last answers may still be on their way
        awaitNothingPendingFor(user);
        assertThat(delivered(user)).filteredOn(c -> c.text("text").contains("RGS")).hasSize(21);
        assertThat(delivered(user)).noneMatch(c -> c.text("text").contains("ne semble pas concerner"));
    }

    private static void awaitCount(FakeUser user, String fragment, int count) {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> delivered(user).stream().filter(c -> c.text("text").contains(fragment)).count() >= count);
    }

    /** As MarkdownV2 shows it. */
    private static String escaped(String reference) {
        return reference.replace("-", "\\-");
    }
}
