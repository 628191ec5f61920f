package fr.sommenumerique.helpdesk.conversation;

import fr.sommenumerique.helpdesk.assistant.Decision;
import fr.sommenumerique.helpdesk.assistant.DecisionEngine;
import fr.sommenumerique.helpdesk.assistant.DecisionKind;
import fr.sommenumerique.helpdesk.assistant.Priority;
import fr.sommenumerique.helpdesk.assistant.Question;
import fr.sommenumerique.helpdesk.conversation.internal.Acknowledgements;
import fr.sommenumerique.helpdesk.conversation.internal.OutboundMessages;
import fr.sommenumerique.helpdesk.conversation.internal.ReplyComposer;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;
import fr.sommenumerique.helpdesk.ticketing.AssistantInteractions;
import fr.sommenumerique.helpdesk.ticketing.AuditLog;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.Commune;
import fr.sommenumerique.helpdesk.ticketing.CommuneLinker;
import fr.sommenumerique.helpdesk.ticketing.CommuneMatch;
import fr.sommenumerique.helpdesk.ticketing.Communes;
import fr.sommenumerique.helpdesk.ticketing.Contact;
import fr.sommenumerique.helpdesk.ticketing.Contacts;
import fr.sommenumerique.helpdesk.ticketing.NewAttachment;
import fr.sommenumerique.helpdesk.ticketing.NewInteraction;
import fr.sommenumerique.helpdesk.ticketing.NewMessage;
import fr.sommenumerique.helpdesk.ticketing.NewSubscriptionRequest;
import fr.sommenumerique.helpdesk.ticketing.NewTicket;
import fr.sommenumerique.helpdesk.ticketing.Outbox;
import fr.sommenumerique.helpdesk.ticketing.ProcessedInbound;
import fr.sommenumerique.helpdesk.ticketing.SubscriptionRequest;
import fr.sommenumerique.helpdesk.ticketing.Subscriptions;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.TicketStatus;
import fr.sommenumerique.helpdesk.ticketing.Tickets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one inbound message, from any channel, into its effects: the ticket or subscription request it opens or
 * joins, and the reply queued for the channel it came from. Everything happens in one transaction together with
 * the record that the message was processed, so a message is handled exactly once: delivered again, it fails with
 * {@link fr.sommenumerique.helpdesk.ticketing.AlreadyProcessedException} and changes nothing.
 */
@Service
public class Conversations {

    private static final int SUBJECT_FROM_TEXT = 80;

    private final DecisionEngine engine;
    private final ProcessedInbound processed;
    private final Contacts contacts;
    private final Communes communes;
    private final CommuneLinker communeLinker;
    private final Tickets tickets;
    private final Subscriptions subscriptions;
    private final AssistantInteractions interactions;
    private final OutboundMessages outbound;
    private final ReplyComposer replies;
    private final ConversationSettings settings;
    private final ConversationMetrics metrics;
    private final Outbox outbox;
    private final Clock clock;

    public Conversations(DecisionEngine engine, ProcessedInbound processed, Contacts contacts, Communes communes,
                         CommuneLinker communeLinker, Tickets tickets, Subscriptions subscriptions,
                         AssistantInteractions interactions, OutboundMessages outbound, ReplyComposer replies,
                         ConversationSettings settings, ConversationMetrics metrics, Outbox outbox,
                         Optional<Clock> clock) {
        this.engine = engine;
        this.processed = processed;
        this.contacts = contacts;
        this.communes = communes;
        this.communeLinker = communeLinker;
        this.tickets = tickets;
        this.subscriptions = subscriptions;
        this.interactions = interactions;
        this.outbound = outbound;
        this.replies = replies;
        this.settings = settings;
        this.metrics = metrics;
        this.outbox = outbox;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Transactional
    public HandlingResult handle(InboundMessage message) {
        processed.markProcessed(message.channel(), message.dedupeKey(), message.messageId(), message.contentHash(),
                null, "en cours");
        HandlingResult result = switch (message.automation()) {
            case NONE -> fromPerson(message);
            case BOUNCE -> bounce(message);
            case AUTO_REPLY, OUT_OF_OFFICE -> automaticReply(message);
            case LIKELY_AUTO_REPLY -> likelyAutomaticReply(message);
            case MAILING_LIST, OWN_MAIL -> new HandlingResult(HandlingResult.Outcome.IGNORED, null, null, null, null, false);
        };
        processed.updateOutcome(message.channel(), message.dedupeKey(), result.ticketId(),
                result.outcome().name() + (message.automationReason() == null ? "" : " : " + message.automationReason()));
        metrics.handled(message.channel(), result);
        return result;
    }

    private HandlingResult fromPerson(InboundMessage message) {
        Contact contact = contactOf(message);
        // The thread is looked up with what was known of the sender before this message: a commune named in this
        // very message must not let a stranger into that commune's tickets.
        Optional<Ticket> thread = existingTicket(message, contact);
        Optional<SubscriptionRequest> request = thread.isPresent() ? Optional.empty() : existingSubscription(message, contact);
        contact = linkCommune(contact, message);
        if (thread.isPresent()) {
            return continueTicket(thread.get(), contact, message);
        }
        if (request.isPresent()) {
            return continueSubscription(request.get(), contact, message);
        }
        return newConversation(message, contact, null);
    }

    /**
     * A reply about a subscription request never starts a new conversation with the assistant: it is kept as a
     * note on the request for the staff who examine it. Once the request is decided nobody looks at it any more,
     * so a message saying more than « merci » also opens a ticket for a human, without automatic answer.
     */
    private HandlingResult continueSubscription(SubscriptionRequest request, Contact contact, InboundMessage message) {
        subscriptions.addStaffNote(request.id(), "Message de " + contact.label() + " (" + message.channel().label()
                + ") : « " + summary(message) + " »", AuditLog.contactActor(contact.id()));
        if (!request.status().isDecided() || Acknowledgements.isBare(message.text())) {
            return new HandlingResult(HandlingResult.Outcome.ADDED_TO_SUBSCRIPTION, null, request.reference(),
                    request.id(), null, false);
        }
        return openForHuman(message, contact, "Message au sujet de la demande " + request.reference() + " ("
                + request.status().label().toLowerCase(java.util.Locale.ROOT) + ") : aucune réponse automatique envoyée.");
    }

    /**
     * The subscription request this message answers: our confirmation's Message-ID in In-Reply-To / References,
     * or its reference in the subject from the request's contact or a contact already known in its commune.
     */
    private Optional<SubscriptionRequest> existingSubscription(InboundMessage message, Contact contact) {
        if (message.channel() != Channel.EMAIL) {
            return Optional.empty();
        }
        Optional<SubscriptionRequest> byHeaders = outbox.subscriptionOfMessageIds(message.threadIds())
                .flatMap(subscriptions::byId);
        if (byHeaders.isPresent() || message.ticketReference() == null
                || !message.ticketReference().startsWith(Subscriptions.REFERENCE_PREFIX + "-")) {
            return byHeaders;
        }
        return subscriptions.byReference(message.ticketReference())
                .filter(r -> r.contactId() == contact.id()
                        || (contact.communeInsee() != null && contact.communeInsee().equals(r.communeInsee())));
    }

    private HandlingResult continueTicket(Ticket ticket, Contact contact, InboundMessage message) {
        if (ticket.isActive()) {
            tickets.addInbound(ticket.id(), contact.id(), inboundRecord(message));
            boolean replied = false;
            if (message.channel() == Channel.TELEGRAM && outbound.mayAutoReply(contact, Channel.TELEGRAM)) {
                outbound.sendOnTicket(ticket, contact, Tickets.ASSISTANT, replies.addedToOpenTicket(ticket), true, null);
                replied = true;
            }
            return result(HandlingResult.Outcome.ADDED_TO_TICKET, ticket, null, replied);
        }
        if (Acknowledgements.isBare(message.text())) {
            tickets.addNote(ticket.id(), Tickets.SYSTEM, "Message de " + contact.label()
                    + " reçu sur la demande terminée, sans la rouvrir : « " + message.text().strip() + " »");
            return result(HandlingResult.Outcome.ACKNOWLEDGEMENT, ticket, null, false);
        }
        Instant finishedAt = ticket.closedAt() != null ? ticket.closedAt() : ticket.resolvedAt();
        if (finishedAt != null && finishedAt.plus(settings.reopenWindow()).isBefore(clock.instant())) {
            return newConversation(message, contact, ticket.id());
        }
        if (ticket.status() == TicketStatus.CLOSED) {
            tickets.reopen(ticket.id(), Tickets.SYSTEM);
        }
        tickets.addInbound(ticket.id(), contact.id(), inboundRecord(message));
        Ticket reopened = tickets.findById(ticket.id()).orElseThrow();
        boolean replied = autoReply(contact, message, reopened, replies.reopenAcknowledgement(reopened, message.channel()));
        return result(HandlingResult.Outcome.TICKET_REOPENED, reopened, null, replied);
    }

    private HandlingResult newConversation(InboundMessage message, Contact contact, Long linkedTicketId) {
        Commune commune = contact.communeInsee() == null ? null : communes.byInsee(contact.communeInsee()).orElse(null);
        Decision decision = engine.decide(new Question(message.text(), commune == null ? null : commune.name(),
                commune == null ? null : commune.population()));
        long interaction = interactions.record(new NewInteraction(message.channel(), contact.id(), message.text(),
                decision.kind().name(), nearestArticle(decision),
                decision.services().isEmpty() ? null : decision.services().get(0), decision.confidence(), null));
        if (decision.kind() == DecisionKind.SUBSCRIPTION) {
            return subscription(message, contact, commune, decision);
        }
        Ticket ticket = tickets.open(newTicket(message, contact, decision, linkedTicketId));
        interactions.attachTicket(interaction, ticket.id());
        return switch (decision.kind()) {
            case ANSWER -> {
                boolean replied = autoReply(contact, message, ticket, replies.answer(decision, ticket, message.channel()));
                if (replied) {
                    tickets.changeStatus(ticket.id(), TicketStatus.RESOLVED, Tickets.ASSISTANT);
                }
                yield result(replied ? HandlingResult.Outcome.ANSWERED : HandlingResult.Outcome.TICKET_OPENED,
                        ticket, decision, replied);
            }
            case OUT_OF_SCOPE -> result(HandlingResult.Outcome.OUT_OF_SCOPE, ticket, decision,
                    autoReply(contact, message, ticket, replies.outOfScope(decision, ticket, message.channel())));
            default -> result(HandlingResult.Outcome.TICKET_OPENED, ticket, decision,
                    autoReply(contact, message, ticket, replies.ticketAcknowledgement(decision, ticket, message.channel())));
        };
    }

    private NewTicket newTicket(InboundMessage message, Contact contact, Decision decision, Long linkedTicketId) {
        Priority priority = switch (decision.kind()) {
            case TICKET -> decision.priority() == null ? Priority.NORMAL : decision.priority();
            case OUT_OF_SCOPE -> Priority.LOW;
            default -> Priority.NORMAL;
        };
        ServiceArea service = decision.services().isEmpty() ? null : decision.services().get(0);
        return NewTicket.of(subjectOf(message), message.channel(), contact.id())
                .withPriority(priority)
                .withService(service)
                .withCommune(contact.communeInsee())
                .withLinkedTicket(linkedTicketId)
                .withFirstMessage(inboundRecord(message))
                .withOpenedBy(AuditLog.contactActor(contact.id()));
    }

    private HandlingResult subscription(InboundMessage message, Contact contact, Commune commune, Decision decision) {
        Set<ServiceArea> services = new LinkedHashSet<>(decision.services());
        NewSubscriptionRequest request = NewSubscriptionRequest.of(contact.id(),
                        decision.subscriptionKind(), message.channel(), message.text())
                .withServices(services.isEmpty() ? EnumSet.of(ServiceArea.OFFRE) : services);
        if (commune != null) {
            request = request.withCommune(commune.inseeCode(), commune.name());
        }
        SubscriptionRequest recorded = subscriptions.record(request);
        boolean replied = false;
        if (outbound.mayAutoReply(contact, message.channel())) {
            outbound.sendToContact(contact, message.channel(), recorded.reference(),
                    message.subject() == null ? "Votre demande " + recorded.kind().label().toLowerCase() : message.subject(),
                    replies.subscriptionConfirmation(decision, recorded, message.channel()), true, recorded.id(),
                    message.messageId());
            replied = true;
        }
        return new HandlingResult(HandlingResult.Outcome.SUBSCRIPTION_RECORDED, null, recorded.reference(),
                recorded.id(), decision, replied);
    }

    private HandlingResult bounce(InboundMessage message) {
        for (String address : message.failedRecipients()) {
            contacts.markEmailFailing(address, message.automationReason() == null
                    ? "Retour en erreur (message non distribué)" : message.automationReason());
        }
        Optional<Ticket> ticket = tickets.findByEmailMessageIds(message.threadIds());
        ticket.ifPresent(t -> tickets.addNote(t.id(), Tickets.SYSTEM, "Message non distribué à "
                + String.join(", ", message.failedRecipients()) + " : " + summary(message)));
        return new HandlingResult(HandlingResult.Outcome.BOUNCE, ticket.map(Ticket::id).orElse(null),
                ticket.map(Ticket::reference).orElse(null), null, null, false);
    }

    // An automatic reply never reopens nor answers anything: it is kept as a note on its ticket, if it has one.
    private HandlingResult automaticReply(InboundMessage message) {
        Optional<Ticket> ticket = tickets.findByEmailMessageIds(message.threadIds())
                .or(() -> Optional.ofNullable(message.ticketReference()).flatMap(tickets::findByReference));
        ticket.ifPresent(t -> tickets.addNote(t.id(), Tickets.SYSTEM, "Réponse automatique reçue de "
                + message.senderAddress() + " (" + (message.automation() == Automation.OUT_OF_OFFICE
                ? "absence" : "réponse automatique") + ") : " + summary(message)));
        return new HandlingResult(HandlingResult.Outcome.AUTOMATIC_REPLY, ticket.map(Ticket::id).orElse(null),
                ticket.map(Ticket::reference).orElse(null), null, null, false);
    }

    /**
     * Only the subject looks automatic: never answered, never reopening anything, but never lost either. On a
     * ticket it is kept as a note, like a real automatic reply; with no ticket it opens one for a human, since it
     * may well be a person's question with an unlucky subject.
     */
    private HandlingResult likelyAutomaticReply(InboundMessage message) {
        Optional<Ticket> thread = tickets.findByEmailMessageIds(message.threadIds())
                .or(() -> Optional.ofNullable(message.ticketReference()).flatMap(tickets::findByReference))
                .flatMap(t -> tickets.resolveMerged(t.id()));
        if (thread.isPresent()) {
            tickets.addNote(thread.get().id(), Tickets.SYSTEM, "Message probablement automatique (d'après son objet) reçu de "
                    + message.senderAddress() + ", sans réponse ni réouverture : " + summary(message));
            return result(HandlingResult.Outcome.AUTOMATIC_REPLY, thread.get(), null, false);
        }
        Optional<SubscriptionRequest> request = outbox.subscriptionOfMessageIds(message.threadIds())
                .flatMap(subscriptions::byId);
        if (request.isPresent()) {
            subscriptions.addStaffNote(request.get().id(), "Message probablement automatique (d'après son objet) de "
                    + message.senderAddress() + " : « " + summary(message) + " »", Tickets.SYSTEM);
            return new HandlingResult(HandlingResult.Outcome.ADDED_TO_SUBSCRIPTION, null, request.get().reference(),
                    request.get().id(), null, false);
        }
        Contact contact = linkCommune(contactOf(message), message);
        return openForHuman(message, contact, "Objet typique d'une réponse automatique, mais aucun en-tête ne le "
                + "confirme : aucune réponse automatique n'a été envoyée. À lire : il peut s'agir d'une vraie demande. ("
                + message.automationReason() + ")");
    }

    /** A ticket for staff, without the assistant and without an automatic answer; the note says why. */
    private HandlingResult openForHuman(InboundMessage message, Contact contact, String why) {
        Ticket ticket = tickets.open(NewTicket.of(subjectOf(message), message.channel(), contact.id())
                .withCommune(contact.communeInsee())
                .withFirstMessage(inboundRecord(message))
                .withOpenedBy(AuditLog.contactActor(contact.id())));
        tickets.addNote(ticket.id(), Tickets.SYSTEM, why);
        return result(HandlingResult.Outcome.TICKET_OPENED, ticket, null, false);
    }

    private Contact contactOf(InboundMessage message) {
        if (message.channel() == Channel.TELEGRAM) {
            return contacts.findOrCreateByTelegramChat(message.telegramChatId(), message.senderName());
        }
        return contacts.findOrCreateByEmail(message.senderAddress(), message.senderName());
    }

    private Contact linkCommune(Contact contact, InboundMessage message) {
        if (contact.communeInsee() != null) {
            return contact;
        }
        String text = message.text() + (message.signature() == null ? "" : "\n" + message.signature());
        Optional<CommuneMatch> match = communeLinker.link(contact, text);
        return match.map(m -> contacts.assignCommune(contact.id(), m.commune().inseeCode(), Tickets.SYSTEM))
                .orElse(contact);
    }

    /**
     * Our own Message-IDs and the References chain first; then a ticket reference in the subject, but only from the
     * ticket's requester or a contact already known (before this message) to belong to the ticket's commune: anyone
     * can type a reference and a commune name; on Telegram, the person's ticket still open.
     */
    private Optional<Ticket> existingTicket(InboundMessage message, Contact contact) {
        Optional<Ticket> byHeaders = tickets.findByEmailMessageIds(message.threadIds());
        if (byHeaders.isPresent()) {
            return byHeaders.flatMap(t -> tickets.resolveMerged(t.id()));
        }
        if (message.ticketReference() != null) {
            Optional<Ticket> byReference = tickets.findByReference(message.ticketReference())
                    .flatMap(t -> tickets.resolveMerged(t.id()))
                    .filter(t -> t.requesterId() == contact.id()
                            || (contact.communeInsee() != null && contact.communeInsee().equals(t.communeInsee())));
            if (byReference.isPresent()) {
                return byReference;
            }
        }
        if (message.channel() == Channel.TELEGRAM) {
            return tickets.lastOpenTicketOf(contact.id());
        }
        return Optional.empty();
    }

    private boolean autoReply(Contact contact, InboundMessage message, Ticket ticket, String text) {
        if (!outbound.mayAutoReply(contact, message.channel())) {
            tickets.addNote(ticket.id(), Tickets.SYSTEM, "Réponse automatique non envoyée : adresse en échec ou trop de "
                    + "réponses automatiques récentes à ce destinataire (protection contre les boucles).");
            return false;
        }
        outbound.sendOnTicket(ticket, contact, Tickets.ASSISTANT, text, true, message.messageId());
        return true;
    }

    private static NewMessage inboundRecord(InboundMessage message) {
        NewMessage record = NewMessage.of(message.channel(), message.fullText())
                .withHtml(message.sanitizedHtml())
                .withEmailIds(message.messageId(), message.inReplyTo())
                .withExternalRef(message.externalRef());
        List<NewAttachment> attachments = message.attachments().stream()
                .map(a -> new NewAttachment(a.filename(), a.contentType(), a.data(), a.contentId(), a.inline()))
                .toList();
        return attachments.isEmpty() ? record : record.withAttachments(attachments);
    }

    private static String subjectOf(InboundMessage message) {
        if (message.subject() != null && !message.subject().isBlank()) {
            return message.subject().strip();
        }
        String text = message.text().strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return "(sans objet)";
        }
        return text.length() <= SUBJECT_FROM_TEXT ? text : text.substring(0, SUBJECT_FROM_TEXT - 1) + "…";
    }

    private static String summary(InboundMessage message) {
        String text = (message.subject() == null ? "" : message.subject() + " — ") + message.text().strip();
        return text.length() <= 300 ? text : text.substring(0, 299) + "…";
    }

    private static HandlingResult result(HandlingResult.Outcome outcome, Ticket ticket, Decision decision,
                                         boolean replied) {
        return new HandlingResult(outcome, ticket.id(), ticket.reference(), null, decision, replied);
    }

    /** The article the reply rests on, else the closest one found: what the unanswered-questions report groups by. */
    private static String nearestArticle(Decision decision) {
        if (!decision.articleIds().isEmpty()) {
            return decision.articleIds().get(0);
        }
        return decision.articles().isEmpty() ? null : decision.articles().get(0).id();
    }
}
