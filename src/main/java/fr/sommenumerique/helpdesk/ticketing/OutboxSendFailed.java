package fr.sommenumerique.helpdesk.ticketing;

/**
 * Published by {@link Outbox} for each failed send attempt (for metrics).
 *
 * @param abandoned true when the message is given up on (FAILED): attempts used up or a permanent error
 */
public record OutboxSendFailed(long messageId, Channel channel, boolean abandoned) {
}
