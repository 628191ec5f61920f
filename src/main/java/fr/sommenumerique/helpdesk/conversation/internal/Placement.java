package fr.sommenumerique.helpdesk.conversation.internal;

import fr.sommenumerique.helpdesk.ticketing.SubscriptionRequest;
import fr.sommenumerique.helpdesk.ticketing.Ticket;

/**
 * Which conversation a message from a person belongs to, as its channel's {@link ConversationPolicy} decides.
 */
public sealed interface Placement {

    /** An existing ticket: the message continues it (reopening it, or following it up, if it was finished). */
    record JoinTicket(Ticket ticket, String why) implements Placement {
    }

    /** A subscription request the message answers: kept as a note on it. */
    record JoinSubscription(SubscriptionRequest request) implements Placement {
    }

    /** Nothing the channel alone can tell: the assistant reads the message first. */
    record AskAssistant() implements Placement {
    }

    /** A conversation of its own, with its own service and priority (after the assistant). */
    record NewTicket() implements Placement {
    }

    /**
     * A conversation of its own, but the person is asked whether it rather continues {@code candidate}: the topic
     * alone cannot tell.
     */
    record NewTicketAsking(Ticket candidate) implements Placement {
    }

    /** A greeting or a thank-you alone: a short reply, nothing opened. {@code recent}: the ticket it may thank for. */
    record Courtesy(boolean greeting, Ticket recent) implements Placement {
    }

    /**
     * A precision (« c'est pour la commune de X ») or a file without words: it completes the most recent
     * conversation, {@code ticket} (null when there is none), and is never read as a question of its own.
     */
    record Precision(Ticket ticket) implements Placement {
    }

    Placement ASK_ASSISTANT = new AskAssistant();
    Placement NEW_TICKET = new NewTicket();
}
