package fr.sommenumerique.helpdesk.ticketing;

import fr.sommenumerique.helpdesk.assistant.SubscriptionKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.sommenumerique.helpdesk.knowledge.ServiceArea;

/**
 * What the Telegram channel needs when a chat turns out to belong to a known e-mail contact: moving tickets and
 * requests to that contact, and finding the assistant's interaction of a ticket.
 */
class ContactHistoryTransferTest extends TicketingTestBase {

    @Autowired
    Tickets tickets;
    @Autowired
    Contacts contacts;
    @Autowired
    Subscriptions subscriptions;
    @Autowired
    AssistantInteractions interactions;
    @Autowired
    AuditLog audit;

    @Test
    void aTicketChangesRequesterWithANoteAndAnAuditEntry() {
        Contact telegramOnly = contacts.findOrCreateByTelegramChat(42L, "Martine");
        Contact byMail = contacts.findOrCreateByEmail("secretariat@mairie-configuree.fr", "Secrétariat");
        Ticket ticket = tickets.open(NewTicket.of("Certificat expiré", Channel.TELEGRAM, telegramOnly.id()));

        Ticket moved = tickets.changeRequester(ticket.id(), byMail.id(), "contact:" + byMail.id());

        assertThat(moved.requesterId()).isEqualTo(byMail.id());
        assertThat(tickets.ticketsOf(telegramOnly.id())).isEmpty();
        assertThat(tickets.openTicketsOf(byMail.id())).extracting(Ticket::id).containsExactly(ticket.id());
        assertThat(tickets.messages(ticket.id())).singleElement().satisfies(note -> {
            assertThat(note.direction()).isEqualTo(MessageDirection.NOTE);
            assertThat(note.text()).contains("Martine", "Secrétariat");
        });
        assertThat(audit.of(AuditLog.TICKET, ticket.id())).anyMatch(e -> e.action().equals("requester.changed"));
        // same requester again: nothing changes
        tickets.changeRequester(ticket.id(), byMail.id(), "system");
        assertThat(tickets.messages(ticket.id())).hasSize(1);
    }

    @Test
    void aSubscriptionRequestChangesContact() {
        Contact telegramOnly = contacts.findOrCreateByTelegramChat(43L, "Jean");
        Contact byMail = contacts.findOrCreateByEmail("maire@mairie-configuree.fr", "Le maire");
        SubscriptionRequest request = subscriptions.record(NewSubscriptionRequest.of(telegramOnly.id(),
                SubscriptionKind.MEMBERSHIP, Channel.TELEGRAM, "Adhésion"));

        SubscriptionRequest moved = subscriptions.changeContact(request.id(), byMail.id(), "system");

        assertThat(moved.contactId()).isEqualTo(byMail.id());
        assertThat(subscriptions.ofContact(telegramOnly.id())).isEmpty();
        assertThat(audit.of(AuditLog.SUBSCRIPTION, request.id())).anyMatch(e -> e.action().equals("contact.changed"));
    }

    @Test
    void theInteractionOfATicketIsFoundWithItsLatestFeedback() {
        Contact contact = contacts.findOrCreateByTelegramChat(44L, "Martine");
        Ticket ticket = tickets.open(NewTicket.of("Certificat RGS", Channel.TELEGRAM, contact.id()));
        long interaction = interactions.record(new NewInteraction(Channel.TELEGRAM, contact.id(), "Quel certificat ?",
                AssistantInteractions.ANSWER, "actes-certificat-rgs", ServiceArea.ACTES, 0.8, null));
        interactions.attachTicket(interaction, ticket.id());
        clock.advance(Duration.ofMinutes(1));
        interactions.recordFeedback(interaction, false);

        AssistantInteraction found = interactions.byTicket(ticket.id()).orElseThrow();

        assertThat(found.id()).isEqualTo(interaction);
        assertThat(found.decisionKind()).isEqualTo(AssistantInteractions.ANSWER);
        assertThat(found.helpful()).isFalse();
        assertThat(interactions.byTicket(ticket.id() + 1000)).isEmpty();
    }
}
