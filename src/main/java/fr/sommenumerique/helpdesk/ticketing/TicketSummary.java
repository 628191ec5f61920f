package fr.sommenumerique.helpdesk.ticketing;

import java.time.Instant;

import fr.sommenumerique.helpdesk.assistant.Priority;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;

/**
 * A row of the staff queue. {@code overdue} is evaluated at query time.
 *
 * @param lastDirection the last message the requester or staff wrote (notes and automatic answers left out):
 *                      INBOUND means we owe an answer; null when there is none
 * @param lastText      the start of that message's text (at most 400 characters), null when none
 */
public record TicketSummary(long id, String reference, String subject, TicketStatus status, Priority priority,
                            ServiceArea service, Channel channel, String communeInsee, String communeName,
                            long requesterId, String requesterLabel, String requesterEmail, String assignee,
                            Instant createdAt, Instant updatedAt, Instant firstResponseDue, Instant resolutionDue,
                            Instant firstResponseAt, Instant lastInboundAt, boolean overdue, int messageCount,
                            String requesterRole, MessageDirection lastDirection, String lastText) {

    /** Whether the next move is ours: the requester wrote last (the assistant's answers do not count). */
    public boolean waitingOnUs() {
        return status.isActive() && (lastDirection == null || lastDirection == MessageDirection.INBOUND);
    }
}
