package fr.sommenumerique.helpdesk.conversation.internal;

import fr.sommenumerique.helpdesk.assistant.Decision;
import fr.sommenumerique.helpdesk.assistant.DecisionEngine;
import fr.sommenumerique.helpdesk.assistant.DecisionKind;
import fr.sommenumerique.helpdesk.assistant.Priority;
import fr.sommenumerique.helpdesk.assistant.Question;
import fr.sommenumerique.helpdesk.conversation.HandlingResult;
import fr.sommenumerique.helpdesk.conversation.InboundMessage;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;
import fr.sommenumerique.helpdesk.ticketing.AssistantInteractions;
import fr.sommenumerique.helpdesk.ticketing.AuditLog;
import fr.sommenumerique.helpdesk.ticketing.Commune;
import fr.sommenumerique.helpdesk.ticketing.Contact;
import fr.sommenumerique.helpdesk.ticketing.NewInteraction;
import fr.sommenumerique.helpdesk.ticketing.NewSubscriptionRequest;
import fr.sommenumerique.helpdesk.ticketing.NewTicket;
import fr.sommenumerique.helpdesk.ticketing.SubscriptionRequest;
import fr.sommenumerique.helpdesk.ticketing.Subscriptions;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.TicketStatus;
import fr.sommenumerique.helpdesk.ticketing.Tickets;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A message that starts a conversation of its own: the assistant's decision carried out (an answer recorded as a
 * resolved ticket, a subscription request, a ticket for a human) with its reply, and the record of the decision
 * for the unanswered-questions report.
 */
@Component
public class NewConversations {

    private final DecisionEngine engine;
    private final Senders senders;
    private final Tickets tickets;
    private final Subscriptions subscriptions;
    private final AssistantInteractions interactions;
    private final OutboundMessages outbound;
    private final ReplyComposer replies;
    private final DecisionJsonAhead decisionJson = new DecisionJsonAhead();

    NewConversations(DecisionEngine engine, Senders senders, Tickets tickets, Subscriptions subscriptions,
                     AssistantInteractions interactions, OutboundMessages outbound, ReplyComposer replies) {
        this.engine = engine;
        this.senders = senders;
        this.tickets = tickets;
        this.subscriptions = subscriptions;
        this.interactions = interactions;
        this.outbound = outbound;
        this.replies = replies;
    }

    /** What the assistant makes of the message, knowing the sender's commune. */
    public Decision decide(InboundMessage message, Contact contact) {
        Commune commune = senders.communeOf(contact).orElse(null);
        return engine.decide(question(message, commune));
    }

    /**
     * Works out, ahead of its transaction, the decision {@link #decide} will most likely be asked for (the sender's
     * commune as the database has it now): the assistant keeps it for that call, and its JSON record is written now
     * too, off the transaction.
     */
    public void anticipate(InboundMessage message) {
        Commune commune = senders.likelyCommuneOf(message).orElse(null);
        decisionJson.writeAhead(engine.anticipate(question(message, commune)));
    }

    private static Question question(InboundMessage message, Commune commune) {
        return new Question(message.readText(), commune == null ? null : commune.name(),
                commune == null ? null : commune.population(), message.subject());
    }

    /** Carries out the decision as a new conversation, following up {@code linkedTicketId} if not null. */
    public HandlingResult start(InboundMessage message, Contact contact, Decision decision, Long linkedTicketId) {
        return start(message, contact, decision, linkedTicketId, null);
    }

    /**
     * Like {@link #start}, for a ticket for a human that may rather continue {@code candidate}: the reply asks the
     * person, and the result names the candidate so that the channel offers the choice.
     */
    public HandlingResult start(InboundMessage message, Contact contact, Decision decision, Long linkedTicketId,
                                Ticket candidate) {
        if (decision.kind() == DecisionKind.SUBSCRIPTION) {
            return subscription(message, contact, decision, recordInteraction(message, contact, decision, null));
        }
        Ticket ticket = tickets.open(newTicket(message, contact, decision, linkedTicketId));
        recordInteraction(message, contact, decision, ticket.id());
        return switch (decision.kind()) {
            case ANSWER -> {
                boolean replied = outbound.replyAutomatically(ticket, contact, message,
                        replies.answer(decision, ticket, message.channel()));
                if (replied && engine.needsReview(decision)) {
                    // Below the confidence set for it, the answer is sent but an agent checks it.
                    tickets.addNote(ticket.id(), Tickets.SYSTEM, DecisionRecords.reviewNote(decision));
                } else if (replied) {
                    tickets.changeStatus(ticket.id(), TicketStatus.RESOLVED, Tickets.ASSISTANT);
                }
                yield HandlingResult.onTicket(replied ? HandlingResult.Outcome.ANSWERED : HandlingResult.Outcome.TICKET_OPENED,
                        ticket, decision, replied);
            }
            case OUT_OF_SCOPE -> asking(HandlingResult.Outcome.OUT_OF_SCOPE, ticket, decision, candidate,
                    outbound.replyAutomatically(ticket, contact, message,
                            replies.outOfScope(decision, ticket, message.channel()) + ask(candidate)));
            default -> {
                DecisionRecords.partsNote(decision).ifPresent(note -> tickets.addNote(ticket.id(), Tickets.SYSTEM, note));
                yield asking(HandlingResult.Outcome.TICKET_OPENED, ticket, decision, candidate,
                    outbound.replyAutomatically(ticket, contact, message, replies.ticketAcknowledgement(decision, ticket,
                            message.channel(), !message.attachments().isEmpty()) + ask(candidate)));
            }
        };
    }

    /** The assistant's decision, for the unanswered-questions report and reviews, in one statement. */
    private long recordInteraction(InboundMessage message, Contact contact, Decision decision, Long ticketId) {
        return interactions.record(new NewInteraction(message.channel(), contact.id(), message.readText(),
                decision.kind().name(), nearestArticle(decision), firstService(decision), decision.confidence(), ticketId),
                decisionJson.json(decision));
    }

    /** A file that came alone, with no conversation to complete: a ticket for an agent, without the assistant. */
    public HandlingResult openForFile(InboundMessage message, Contact contact) {
        Ticket ticket = tickets.open(NewTicket.of(InboundRecords.subjectOf(message), message.channel(), contact.id())
                .withCommune(contact.communeInsee())
                .withFirstMessage(InboundRecords.of(message))
                .withOpenedBy(AuditLog.contactActor(contact.id())));
        return HandlingResult.onTicket(HandlingResult.Outcome.TICKET_OPENED, ticket, null,
                outbound.replyAutomatically(ticket, contact, message, replies.fileReceived(ticket, message.channel())));
    }

    private String ask(Ticket candidate) {
        return candidate == null ? "" : replies.askWhetherToJoin(candidate);
    }

    private static HandlingResult asking(HandlingResult.Outcome outcome, Ticket ticket, Decision decision,
                                         Ticket candidate, boolean replied) {
        return new HandlingResult(outcome, ticket.id(), ticket.reference(), null, decision, replied,
                replied ? candidate : null);
    }

    /** A ticket for staff, without the assistant and without an automatic answer; the note says why. */
    public HandlingResult openForHuman(InboundMessage message, Contact contact, String why) {
        return openForHuman(message, contact, why, Priority.NORMAL);
    }

    public HandlingResult openForHuman(InboundMessage message, Contact contact, String why, Priority priority) {
        Ticket ticket = tickets.open(NewTicket.of(InboundRecords.subjectOf(message), message.channel(), contact.id())
                .withPriority(priority)
                .withCommune(contact.communeInsee())
                .withFirstMessage(InboundRecords.of(message))
                .withOpenedBy(AuditLog.contactActor(contact.id())));
        tickets.addNote(ticket.id(), Tickets.SYSTEM, why);
        return HandlingResult.onTicket(HandlingResult.Outcome.TICKET_OPENED, ticket, null, false);
    }

    private static NewTicket newTicket(InboundMessage message, Contact contact, Decision decision, Long linkedTicketId) {
        Priority priority = switch (decision.kind()) {
            case TICKET -> decision.priority() == null ? Priority.NORMAL : decision.priority();
            case OUT_OF_SCOPE -> Priority.LOW;
            default -> Priority.NORMAL;
        };
        return NewTicket.of(InboundRecords.subjectOf(message), message.channel(), contact.id())
                .withPriority(priority)
                .withService(firstService(decision))
                .withCommune(contact.communeInsee())
                .withLinkedTicket(linkedTicketId)
                .withFirstMessage(InboundRecords.of(message))
                .withOpenedBy(AuditLog.contactActor(contact.id()));
    }

    /**
     * Records the request. When the same message also asks what the assistant could not answer, that part is handed
     * to staff as a ticket linked to the request, so that it is in the queue agents work from, not only in a note.
     */
    private HandlingResult subscription(InboundMessage message, Contact contact, Decision decision, long interaction) {
        Set<ServiceArea> services = new LinkedHashSet<>(decision.services());
        NewSubscriptionRequest request = NewSubscriptionRequest.of(contact.id(),
                        decision.subscriptionKind(), message.channel(), message.readText())
                .withServices(services.isEmpty() ? EnumSet.of(ServiceArea.OFFRE) : services);
        Commune commune = senders.communeOf(contact).orElse(null);
        if (commune != null) {
            request = request.withCommune(commune.inseeCode(), commune.name());
        }
        Ticket forStaff = null;
        if (decision.parts().stream().anyMatch(p -> p.kind() == DecisionKind.TICKET)) {
            forStaff = tickets.open(newTicket(message, contact, decision, null));
            interactions.attachTicket(interaction, forStaff.id());
            request = request.withTicket(forStaff.id());
        }
        SubscriptionRequest recorded = subscriptions.record(request);
        DecisionRecords.partsNote(decision).ifPresent(note -> subscriptions.addStaffNote(recorded.id(), note, Tickets.SYSTEM));
        if (forStaff != null) {
            tickets.addNote(forStaff.id(), Tickets.SYSTEM, DecisionRecords.partsForStaffNote(decision, recorded.reference()));
        }
        boolean replied = false;
        if (outbound.mayAutoReply(contact, message.channel())) {
            outbound.sendToContact(contact, message.channel(), recorded.reference(), message.subject() == null
                            ? "Votre " + ReplyComposer.demandOf(recorded.kind()) : message.subject(),
                    replies.subscriptionConfirmation(decision, recorded, message.channel()), true, recorded.id(),
                    message.messageId());
            replied = true;
        }
        return new HandlingResult(HandlingResult.Outcome.SUBSCRIPTION_RECORDED, null, recorded.reference(),
                recorded.id(), decision, replied);
    }

    private static ServiceArea firstService(Decision decision) {
        return decision.services().isEmpty() ? null : decision.services().get(0);
    }

    /** The article the reply rests on, else the closest one found: what the unanswered-questions report groups by. */
    private static String nearestArticle(Decision decision) {
        if (!decision.articleIds().isEmpty()) {
            return decision.articleIds().get(0);
        }
        return decision.articles().isEmpty() ? null : decision.articles().get(0).id();
    }
}
