package fr.sommenumerique.helpdesk.ticketing;

/**
 * Published when staff hand a quarantined message back for another try; the channel it came from listens and
 * processes the raw message again once the request is committed.
 */
public record QuarantineRetryRequested(long itemId, Channel channel) {
}
