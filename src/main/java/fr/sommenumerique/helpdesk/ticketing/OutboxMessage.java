package fr.sommenumerique.helpdesk.ticketing;

import java.time.Instant;

/**
 * A queued outgoing message and its delivery state.
 *
 * @param messageId   without {@code <>}
 * @param attempts    failed attempts so far
 * @param externalId  id given by the channel once sent (SMTP Message-ID, Telegram message id)
 * @param attemptStartedAt when the attempt under way began; set while it is not known whether it succeeded
 */
public record OutboxMessage(long id, Channel channel, String recipient, String subject, String textBody,
                            String htmlBody, String messageId, String inReplyTo, String references,
                            boolean automatic, Long ticketId, Long subscriptionId, OutboxStatus status, int attempts,
                            Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt,
                            String externalId, Instant attemptStartedAt) {

    /** Value of the Auto-Submitted header (RFC 3834): « auto-replied » for automatic messages, else null. */
    public String autoSubmitted() {
        return automatic ? "auto-replied" : null;
    }
}
