package fr.sommenumerique.helpdesk.conversation;

import fr.sommenumerique.helpdesk.assistant.DecisionKind;
import fr.sommenumerique.helpdesk.ticketing.AlreadyProcessedException;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.Contacts;
import fr.sommenumerique.helpdesk.ticketing.MessageDirection;
import fr.sommenumerique.helpdesk.ticketing.Outbox;
import fr.sommenumerique.helpdesk.ticketing.OutboxMessage;
import fr.sommenumerique.helpdesk.ticketing.SubscriptionRequest;
import fr.sommenumerique.helpdesk.ticketing.SubscriptionStatus;
import fr.sommenumerique.helpdesk.ticketing.Subscriptions;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.TicketMessage;
import fr.sommenumerique.helpdesk.ticketing.TicketStatus;
import fr.sommenumerique.helpdesk.ticketing.Tickets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What one inbound message does, for any channel, on the real database and the real assistant. */
@SpringBootTest(properties = "helpdesk.mail.enabled=false")
@ActiveProfiles("test")
class ConversationsTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Conversations conversations;
    @Autowired
    StaffReplies staffReplies;
    @Autowired
    SubscriptionDecisions subscriptionDecisions;
    @Autowired
    Tickets tickets;
    @Autowired
    Contacts contacts;
    @Autowired
    Outbox outbox;
    @Autowired
    Subscriptions subscriptions;

    @Test
    void the_same_message_delivered_twice_is_handled_once() {
        InboundMessage message = email(unique(), "Mon certificat a expiré, impossible de télétransmettre");
        HandlingResult first = conversations.handle(message);

        assertThatThrownBy(() -> conversations.handle(message)).isInstanceOf(AlreadyProcessedException.class);
        long contactId = contacts.byEmail(message.senderAddress()).orElseThrow().id();
        assertThat(tickets.ticketsOf(contactId)).singleElement().extracting(Ticket::id).isEqualTo(first.ticketId());
        assertThat(outbox.ofTicket(first.ticketId())).hasSize(1);
    }

    @Test
    void the_assistants_decision_is_recorded_with_the_ticket_it_opened_or_alone_for_a_request() {
        HandlingResult answered = conversations.handle(email(unique(), "Quels sont vos horaires d'ouverture ?"));
        HandlingResult incident = conversations.handle(email(unique(), "Mon certificat a expiré, impossible de télétransmettre"));

        for (HandlingResult result : List.of(answered, incident)) {
            assertThat(jdbc.sql("SELECT decision_kind FROM assistant_interactions WHERE ticket_id = ? AND decision_json LIKE ?")
                    .params(result.ticketId(), "{%").query(String.class).list())
                    .containsExactly(result.decision().kind().name());
        }
        assertThat(answered.decision().kind()).isEqualTo(DecisionKind.ANSWER);
        assertThat(incident.decision().kind()).isNotEqualTo(DecisionKind.ANSWER);

        String member = unique();
        HandlingResult request = conversations.handle(email(member, "Nous souhaitons adhérer à Mairie connectée"));
        assertThat(request.subscriptionId()).isNotNull();
        assertThat(jdbc.sql("SELECT decision_kind FROM assistant_interactions WHERE contact_id = ? AND decision_json LIKE ?")
                .params(contacts.byEmail(member).orElseThrow().id(), "{%").query(String.class).list())
                .containsExactly(DecisionKind.SUBSCRIPTION.name());
    }

    @Test
    void a_reply_to_a_closed_ticket_within_the_delay_reopens_it() {
        String from = unique();
        HandlingResult opened = conversations.handle(email(from, "Le lien de partage de fichiers ne fonctionne plus"));
        tickets.changeStatus(opened.ticketId(), TicketStatus.CLOSED, "agent");
        String ourMessageId = tickets.messages(opened.ticketId()).stream()
                .filter(m -> m.direction() == MessageDirection.OUTBOUND).findFirst().orElseThrow().emailMessageId();

        HandlingResult reply = conversations.handle(email(from, "Toujours en panne ce matin, pouvez-vous regarder ?")
                .withThreading("r-" + UUID.randomUUID() + "@mairie.fr", ourMessageId, List.of(ourMessageId), null));

        assertThat(reply.outcome()).isEqualTo(HandlingResult.Outcome.TICKET_REOPENED);
        assertThat(reply.ticketId()).isEqualTo(opened.ticketId());
        assertThat(tickets.findById(opened.ticketId()).orElseThrow().status()).isEqualTo(TicketStatus.OPEN);
    }

    @Test
    void a_telegram_message_joins_the_persons_open_ticket_and_is_acknowledged_in_the_chat() {
        long chatId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        HandlingResult opened = conversations.handle(InboundMessage.telegram("update:" + UUID.randomUUID(), chatId,
                "Julie", "je n'arrive plus à me connecter à la plateforme marchés"));
        HandlingResult next = conversations.handle(InboundMessage.telegram("update:" + UUID.randomUUID(), chatId,
                "Julie", "voici la capture de l'erreur"));

        assertThat(next.outcome()).isEqualTo(HandlingResult.Outcome.ADDED_TO_TICKET);
        assertThat(next.ticketId()).isEqualTo(opened.ticketId());
        List<OutboxMessage> sent = outbox.ofTicket(opened.ticketId());
        assertThat(sent).extracting(OutboxMessage::channel).containsOnly(Channel.TELEGRAM);
        assertThat(sent).extracting(OutboxMessage::recipient).containsOnly(String.valueOf(chatId));
        assertThat(sent.get(sent.size() - 1).textBody()).contains("ajoutée à votre demande " + opened.ticketReference());
    }

    @Test
    void a_bounce_marks_the_failed_address_and_notes_it_on_the_ticket() {
        String from = unique();
        HandlingResult opened = conversations.handle(email(from, "Le lien de partage ne fonctionne plus"));
        String ourMessageId = outbox.ofTicket(opened.ticketId()).get(0).messageId();

        HandlingResult bounce = conversations.handle(InboundMessage.email(unique(), "mailer-daemon@mx.fr", null,
                        "Undelivered Mail", "Delivery failed")
                .withThreading(null, ourMessageId, List.of(), null)
                .withAutomation(Automation.BOUNCE, "Rapport de non-remise", List.of(from)));

        assertThat(bounce.outcome()).isEqualTo(HandlingResult.Outcome.BOUNCE);
        assertThat(contacts.byEmail(from).orElseThrow().emailFailing()).isTrue();
        assertThat(tickets.messages(opened.ticketId())).anySatisfy(m -> {
            assertThat(m.direction()).isEqualTo(MessageDirection.NOTE);
            assertThat(m.text()).contains("non distribué").contains(from);
        });
    }

    @Test
    void a_staff_reply_is_recorded_and_queued_as_a_threaded_email_and_can_set_the_status() {
        String from = unique();
        InboundMessage question = email(from, "Le lien de partage de fichiers ne fonctionne plus")
                .withThreading("q-" + UUID.randomUUID() + "@mairie.fr", null, List.of(), null);
        HandlingResult opened = conversations.handle(question);

        TicketMessage reply = staffReplies.reply(opened.ticketId(), "agent.dupont", "Le lien est rétabli.", TicketStatus.PENDING);

        assertThat(reply.direction()).isEqualTo(MessageDirection.OUTBOUND);
        assertThat(reply.automatic()).isFalse();
        OutboxMessage queued = outbox.ofTicket(opened.ticketId()).stream()
                .filter(m -> !m.automatic()).findFirst().orElseThrow();
        assertThat(queued.recipient()).isEqualTo(from);
        assertThat(queued.subject()).startsWith("[" + opened.ticketReference() + "] RE : ");
        // by e-mail the greeting and the closing formula are added around what the agent typed
        assertThat(queued.textBody()).startsWith("Bonjour ").contains(",\n\nLe lien est rétabli.\n\nBien cordialement,")
                .contains("Somme Numérique");
        assertThat(queued.references()).contains(question.messageId());
        assertThat(queued.messageId()).isEqualTo(reply.emailMessageId());
        Ticket ticket = tickets.findById(opened.ticketId()).orElseThrow();
        assertThat(ticket.status()).isEqualTo(TicketStatus.PENDING);
        assertThat(ticket.firstResponseAt()).isNotNull();
    }

    @Test
    void accepting_a_subscription_request_tells_the_commune() {
        String from = unique();
        HandlingResult recorded = conversations.handle(email(from, "Nous souhaitons adhérer à Mairie connectée"));

        SubscriptionRequest accepted = subscriptionDecisions.accept(recorded.subscriptionId(),
                "Vous recevrez la convention par courrier.", "agent.dupont");

        assertThat(accepted.status()).isEqualTo(SubscriptionStatus.ACCEPTED);
        assertThat(subscriptions.byId(recorded.subscriptionId()).orElseThrow().decisionMessage())
                .isEqualTo("Vous recevrez la convention par courrier.");
        List<String> queued = jdbc.sql("SELECT text_body FROM outbox WHERE subscription_id = ? AND recipient = ? "
                        + "AND status = 'PENDING' ORDER BY id")
                .params(recorded.subscriptionId(), from).query(String.class).list();
        assertThat(queued).as("the confirmation, then the decision").hasSize(2);
        assertThat(queued.get(1)).contains("Vous recevrez la convention par courrier.");
    }

    @Nested
    @TestPropertySource(properties = "helpdesk.conversation.reopen-window=1ms")
    class AfterTheReopenDelay {

        @Test
        void a_reply_to_an_old_closed_ticket_opens_a_new_one_linked_to_it() throws InterruptedException {
            String from = unique();
            HandlingResult opened = conversations.handle(email(from, "Le lien de partage de fichiers ne fonctionne plus"));
            tickets.changeStatus(opened.ticketId(), TicketStatus.CLOSED, "agent");
            String ourMessageId = outbox.ofTicket(opened.ticketId()).get(0).messageId();
            Thread.sleep(20);

            HandlingResult reply = conversations.handle(email(from, "Le lien de partage refonctionne mal depuis hier")
                    .withThreading(null, ourMessageId, List.of(ourMessageId), null));

            assertThat(reply.ticketId()).isNotEqualTo(opened.ticketId());
            assertThat(tickets.findById(reply.ticketId()).orElseThrow().linkedTicketId()).isEqualTo(opened.ticketId());
            assertThat(tickets.findById(opened.ticketId()).orElseThrow().status()).isEqualTo(TicketStatus.CLOSED);
        }
    }

    @Test
    void a_request_with_a_question_nobody_here_can_answer_is_recorded_and_the_question_handed_to_staff() {
        String from = unique();
        HandlingResult result = conversations.handle(email(from, "Bonjour, pouvez-vous créer un compte Actes pour notre "
                + "nouvelle secrétaire ? Et combien coûte l'abonnement à Mairie connectée ?"));

        assertThat(result.outcome()).isEqualTo(HandlingResult.Outcome.SUBSCRIPTION_RECORDED);
        SubscriptionRequest request = subscriptions.byId(result.subscriptionId()).orElseThrow();
        assertThat(request.kind()).isEqualTo(fr.sommenumerique.helpdesk.assistant.SubscriptionKind.ACCOUNT);
        assertThat(request.ticketId()).as("the unanswered price question goes to staff as a ticket linked to the request")
                .isNotNull();
        Ticket ticket = tickets.findById(request.ticketId()).orElseThrow();
        assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
        assertThat(tickets.ticketsOf(contacts.byEmail(from).orElseThrow().id())).extracting(Ticket::id)
                .containsExactly(ticket.id());
        assertThat(tickets.messages(ticket.id())).anySatisfy(m -> {
            assertThat(m.direction()).isEqualTo(MessageDirection.NOTE);
            assertThat(m.text()).contains("À traiter par un agent").contains("combien coute l'abonnement")
                    .contains(request.reference()).doesNotContain("creer un compte");
        });
        assertThat(request.staffNotes()).contains("demande enregistrée").contains("À TRAITER PAR UN AGENT");
    }

    @Test
    void a_request_whose_every_part_is_handled_opens_no_ticket() {
        HandlingResult result = conversations.handle(email(unique(), "Bonjour, nous souhaitons adhérer à Mairie connectée "
                + "pour la télétransmission des actes."));

        assertThat(result.outcome()).isEqualTo(HandlingResult.Outcome.SUBSCRIPTION_RECORDED);
        assertThat(subscriptions.byId(result.subscriptionId()).orElseThrow().ticketId()).isNull();
    }

    private static InboundMessage email(String from, String text) {
        return InboundMessage.email("test:" + UUID.randomUUID(), from, "Secrétariat", "Question", text);
    }

    private static String unique() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        return "agent-" + id + "@mairie-" + id + ".fr";
    }
}
