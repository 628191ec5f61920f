package fr.sommenumerique.helpdesk.conversation;

import fr.sommenumerique.helpdesk.assistant.Decision;
import fr.sommenumerique.helpdesk.assistant.DecisionKind;
import fr.sommenumerique.helpdesk.conversation.internal.AutomaticMail;
import fr.sommenumerique.helpdesk.conversation.internal.ConversationLocator;
import fr.sommenumerique.helpdesk.conversation.internal.FollowUps;
import fr.sommenumerique.helpdesk.conversation.internal.NewConversations;
import fr.sommenumerique.helpdesk.conversation.internal.Placement;
import fr.sommenumerique.helpdesk.conversation.internal.Senders;
import fr.sommenumerique.helpdesk.ticketing.Contact;
import fr.sommenumerique.helpdesk.ticketing.ProcessedInbound;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * Turns one inbound message, from any channel, into its effects: the ticket or subscription request it opens or
 * joins, and the reply queued for the channel it came from. Everything happens in one transaction together with
 * the record that the message was processed, so a message is handled exactly once: delivered again, it fails with
 * {@link fr.sommenumerique.helpdesk.ticketing.AlreadyProcessedException} and changes nothing.
 *
 * <p>Which conversation a message belongs to is the {@link ConversationLocator}'s business (one policy per
 * channel); what a new conversation does is {@link NewConversations}'s, continuing one {@link FollowUps}', and
 * machine mail {@link AutomaticMail}'s. A message the channel hands over to staff (an invitation) never goes to the
 * assistant and is never answered automatically.
 */
@Service
public class Conversations {

    private final ProcessedInbound processed;
    private final Senders senders;
    private final ConversationLocator locator;
    private final NewConversations newConversations;
    private final FollowUps followUps;
    private final AutomaticMail automaticMail;
    private final ConversationMetrics metrics;

    public Conversations(ProcessedInbound processed, Senders senders, ConversationLocator locator,
                         NewConversations newConversations, FollowUps followUps, AutomaticMail automaticMail,
                         ConversationMetrics metrics) {
        this.processed = processed;
        this.senders = senders;
        this.locator = locator;
        this.newConversations = newConversations;
        this.followUps = followUps;
        this.automaticMail = automaticMail;
        this.metrics = metrics;
    }

    @Transactional
    public HandlingResult handle(InboundMessage message) {
        processed.markProcessed(message.channel(), message.dedupeKey(), message.messageId(), message.contentHash(),
                null, "en cours");
        HandlingResult result = switch (message.automation()) {
            case NONE -> fromPerson(message);
            case BOUNCE -> automaticMail.bounce(message);
            case AUTO_REPLY, OUT_OF_OFFICE -> automaticMail.automaticReply(message);
            case READ_RECEIPT, DELIVERY_REPORT, CALENDAR_REPLY -> automaticMail.report(message);
            case AUTO_NOTICE -> automaticMail.notice(message);
            case LIKELY_AUTO_REPLY -> automaticMail.likelyAutomaticReply(message);
            case MAILING_LIST, OWN_MAIL -> new HandlingResult(HandlingResult.Outcome.IGNORED, null, null, null, null, false);
        };
        processed.updateOutcome(message.channel(), message.dedupeKey(), result.ticketId(),
                result.outcome().name() + (message.automationReason() == null ? "" : " : " + message.automationReason()));
        metrics.handled(message.channel(), result);
        return result;
    }

    /**
     * Lets the assistant work out, outside any transaction and on the caller's thread, the decision that handling
     * this message will most likely ask for, so that {@link #handle} finds it ready: a channel that reads messages
     * in bursts calls it on another thread for the messages it is about to handle. Changes nothing; when the sender's
     * commune or the knowledge base have changed by then, the decision is simply taken again.
     */
    public void anticipate(InboundMessage message) {
        if (message.automation() == Automation.NONE && message.handover() == null) {
            newConversations.anticipate(message);
        }
    }

    private HandlingResult fromPerson(InboundMessage message) {
        Contact known = senders.contactOf(message);
        Placement placement = locator.beforeAssistant(message, known);
        Contact contact = senders.linkCommune(known, message);
        if (placement instanceof Placement.JoinTicket join) {
            return message.handover() == null ? followUps.continueTicket(join.ticket(), contact, message)
                    : followUps.handOver(join.ticket(), contact, message);
        }
        if (placement instanceof Placement.JoinSubscription join) {
            return followUps.continueSubscription(join.request(), contact, message);
        }
        if (message.handover() != null) {
            return newConversations.openForHuman(message, contact, message.handover());
        }
        if (placement instanceof Placement.Courtesy courtesy) {
            return followUps.courtesy(courtesy, contact, message);
        }
        if (placement instanceof Placement.Precision precision) {
            Optional<HandlingResult> completed = followUps.precision(precision.ticket(), contact, message);
            if (completed.isPresent()) {
                return completed.get();
            }
        }
        return assistantFirst(message, contact);
    }

    /**
     * An answer or a subscription request is a conversation of its own, whatever else is open; any other message
     * goes where the channel's policy says.
     */
    private HandlingResult assistantFirst(InboundMessage message, Contact contact) {
        Decision decision = newConversations.decide(message, contact);
        if (decision.kind() == DecisionKind.ANSWER || decision.kind() == DecisionKind.SUBSCRIPTION) {
            return newConversations.start(message, contact, decision, null);
        }
        Placement placement = locator.afterAssistant(message, contact, decision);
        if (placement instanceof Placement.JoinTicket join) {
            return followUps.continueTicket(join.ticket(), contact, message);
        }
        Ticket candidate = placement instanceof Placement.NewTicketAsking asking ? asking.candidate() : null;
        return newConversations.start(message, contact, decision, null, candidate);
    }
}
