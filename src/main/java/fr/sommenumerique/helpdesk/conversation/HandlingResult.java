package fr.sommenumerique.helpdesk.conversation;

import fr.sommenumerique.helpdesk.assistant.Decision;
import fr.sommenumerique.helpdesk.ticketing.Ticket;

/**
 * What handling one inbound message did.
 *
 * @param ticketId       the ticket it opened or joined, if any
 * @param subscriptionId the subscription request it recorded, if any
 * @param decision       the assistant's decision, when it was asked
 * @param replied        whether a reply was queued
 * @param proposedTicket chat: an open ticket the person is asked whether this message rather continues (the reply
 *                       asks; the channel adds the choices), else null
 */
public record HandlingResult(Outcome outcome, Long ticketId, String ticketReference, Long subscriptionId,
                             Decision decision, boolean replied, Ticket proposedTicket) {

    public HandlingResult(Outcome outcome, Long ticketId, String ticketReference, Long subscriptionId,
                          Decision decision, boolean replied) {
        this(outcome, ticketId, ticketReference, subscriptionId, decision, replied, null);
    }

    /** The message opened, joined or reopened this ticket. */
    public static HandlingResult onTicket(Outcome outcome, Ticket ticket, Decision decision, boolean replied) {
        return new HandlingResult(outcome, ticket.id(), ticket.reference(), null, decision, replied);
    }

    public enum Outcome {
        /** The assistant answered; the conversation is recorded as a resolved ticket. */
        ANSWERED,
        /** A new ticket for a human. */
        TICKET_OPENED,
        /** The message joined an open ticket. */
        ADDED_TO_TICKET,
        /** A resolved or closed ticket was reopened by the message. */
        TICKET_REOPENED,
        /** A greeting or a thank-you alone: a short reply, nothing opened. */
        COURTESY,
        /** A subscription request was recorded. */
        SUBSCRIPTION_RECORDED,
        /** A reply about a subscription request, kept as a note on it; no automatic answer. */
        ADDED_TO_SUBSCRIPTION,
        /** Not a Mairie connectée matter; recorded for a human to see. */
        OUT_OF_SCOPE,
        /** A bare « merci » on a finished ticket: kept, nothing reopened. */
        ACKNOWLEDGEMENT,
        /** An automatic reply or out-of-office: kept on its ticket if any, never answered. */
        AUTOMATIC_REPLY,
        /** A delivery failure: the address is marked as failing. */
        BOUNCE,
        /** A read receipt, a delivery report or an answer to an invitation: a note where it belongs, never answered. */
        REPORT,
        /** Mailing-list or own mail: not for the helpdesk. */
        IGNORED
    }
}
