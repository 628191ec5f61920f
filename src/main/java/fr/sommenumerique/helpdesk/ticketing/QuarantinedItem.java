package fr.sommenumerique.helpdesk.ticketing;

import java.time.Instant;

/**
 * An inbound message that could not be handled, kept raw (bytes via {@link Quarantine#raw}).
 *
 * @param sourceRef where it came from, e.g. IMAP folder + UID, Telegram update id
 */
public record QuarantinedItem(long id, Channel channel, String reason, String sourceRef, long size,
                              Instant createdAt, QuarantineStatus status, Instant statusChangedAt,
                              String statusChangedBy) {
}
