package fr.sommenumerique.helpdesk.ticketing;

import java.time.Instant;

import fr.sommenumerique.helpdesk.assistant.Priority;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;

/**
 * A support ticket.
 *
 * @param reference        MC-YYYY-NNNNN
 * @param service          null when not yet classified
 * @param requesterId      the {@link Contact} who asked
 * @param communeInsee     null when unknown
 * @param assignee         staff username, null when unassigned
 * @param firstResponseAt  first hand-written (non-automatic) reply, see {@link Tickets#addOutbound}
 * @param mergedIntoId     set when this ticket was merged into another (it is then CLOSED)
 * @param linkedTicketId   an earlier ticket this one follows up
 */
public record Ticket(long id, String reference, String subject, TicketStatus status, Priority priority,
                     ServiceArea service, Channel channel, long requesterId, String communeInsee, String assignee,
                     Instant createdAt, Instant updatedAt, Instant firstResponseAt, Instant resolvedAt,
                     Instant closedAt, Instant firstResponseDue, Instant resolutionDue, Long mergedIntoId,
                     Long linkedTicketId, Instant lastInboundAt) {

    public boolean isActive() {
        return status.isActive();
    }

    public boolean isMerged() {
        return mergedIntoId != null;
    }

    public boolean firstResponseOverdue(Instant now) {
        return isActive() && firstResponseAt == null && now.isAfter(firstResponseDue);
    }

    public boolean resolutionOverdue(Instant now) {
        return isActive() && now.isAfter(resolutionDue);
    }

    public boolean overdue(Instant now) {
        return firstResponseOverdue(now) || resolutionOverdue(now);
    }
}
