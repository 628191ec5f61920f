package fr.sommenumerique.helpdesk.ticketing;

import java.time.Instant;

/**
 * An inbound message already handled.
 *
 * @param dedupeKey e.g. the Message-ID for e-mail, « chatId:messageId » or the update id for Telegram
 * @param outcome   free short code chosen by the caller (e.g. ANSWERED, TICKET_OPENED, IGNORED_AUTOREPLY)
 */
public record InboundRecord(long id, Channel channel, String dedupeKey, String messageId, String contentHash,
                            Long ticketId, String outcome, Instant processedAt) {
}
