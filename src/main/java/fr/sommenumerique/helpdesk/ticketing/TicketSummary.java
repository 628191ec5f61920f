package fr.sommenumerique.helpdesk.ticketing;

import java.time.Instant;

import fr.sommenumerique.helpdesk.assistant.Priority;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;

/** A row of the staff queue. {@code overdue} is evaluated at query time. */
public record TicketSummary(long id, String reference, String subject, TicketStatus status, Priority priority,
                            ServiceArea service, Channel channel, String communeInsee, String communeName,
                            long requesterId, String requesterLabel, String requesterEmail, String assignee,
                            Instant createdAt, Instant updatedAt, Instant firstResponseDue, Instant resolutionDue,
                            Instant firstResponseAt, Instant lastInboundAt, boolean overdue, int messageCount) {
}
