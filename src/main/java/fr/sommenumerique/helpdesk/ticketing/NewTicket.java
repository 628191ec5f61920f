package fr.sommenumerique.helpdesk.ticketing;

import java.util.Objects;

import fr.sommenumerique.helpdesk.assistant.Priority;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;

/**
 * What {@link Tickets#open} needs. Build with {@link #of} and the {@code with…} methods.
 *
 * @param firstMessage   the requester's first (INBOUND) message, or null
 * @param linkedTicketId an earlier (e.g. closed) ticket this one follows up, or null
 * @param openedBy       actor recorded in the audit log (null: « contact:&lt;requesterId&gt; »)
 */
public record NewTicket(String subject, Priority priority, ServiceArea service, Channel channel, long requesterId,
                        String communeInsee, Long linkedTicketId, NewMessage firstMessage, String openedBy) {

    public NewTicket {
        Objects.requireNonNull(channel, "channel");
        priority = priority == null ? Priority.NORMAL : priority;
    }

    public static NewTicket of(String subject, Channel channel, long requesterId) {
        return new NewTicket(subject, Priority.NORMAL, null, channel, requesterId, null, null, null, null);
    }

    public NewTicket withPriority(Priority priority) {
        return new NewTicket(subject, priority, service, channel, requesterId, communeInsee, linkedTicketId, firstMessage, openedBy);
    }

    public NewTicket withService(ServiceArea service) {
        return new NewTicket(subject, priority, service, channel, requesterId, communeInsee, linkedTicketId, firstMessage, openedBy);
    }

    public NewTicket withCommune(String communeInsee) {
        return new NewTicket(subject, priority, service, channel, requesterId, communeInsee, linkedTicketId, firstMessage, openedBy);
    }

    public NewTicket withLinkedTicket(Long linkedTicketId) {
        return new NewTicket(subject, priority, service, channel, requesterId, communeInsee, linkedTicketId, firstMessage, openedBy);
    }

    public NewTicket withFirstMessage(NewMessage firstMessage) {
        return new NewTicket(subject, priority, service, channel, requesterId, communeInsee, linkedTicketId, firstMessage, openedBy);
    }

    public NewTicket withOpenedBy(String openedBy) {
        return new NewTicket(subject, priority, service, channel, requesterId, communeInsee, linkedTicketId, firstMessage, openedBy);
    }
}
