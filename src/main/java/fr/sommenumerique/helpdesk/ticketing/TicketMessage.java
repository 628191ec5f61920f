package fr.sommenumerique.helpdesk.ticketing;

import java.time.Instant;
import java.util.List;

/**
 * A message of a ticket.
 *
 * @param authorContactId    the requester for INBOUND messages, else null
 * @param author             who wrote it: the contact's label for INBOUND, else a staff username or « assistant »
 * @param emailMessageId     without {@code <>}
 * @param mergedFromTicketId the ticket it belonged to before a merge, else null
 */
public record TicketMessage(long id, long ticketId, MessageDirection direction, Channel channel,
                            Long authorContactId, String author, String text, String html, String emailMessageId,
                            String inReplyTo, String externalRef, Instant createdAt, Instant editedAt,
                            boolean automatic, Long mergedFromTicketId, List<AttachmentInfo> attachments) {

    public TicketMessage {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
