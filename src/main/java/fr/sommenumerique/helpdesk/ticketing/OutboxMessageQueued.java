package fr.sommenumerique.helpdesk.ticketing;

/**
 * A message was queued in the outbox. Published inside the producer's transaction: listen after commit
 * ({@code @TransactionalEventListener}) to send it at once rather than at the next poll.
 */
public record OutboxMessageQueued(long outboxId, Channel channel) {
}
