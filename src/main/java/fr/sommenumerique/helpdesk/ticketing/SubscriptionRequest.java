package fr.sommenumerique.helpdesk.ticketing;

import fr.sommenumerique.helpdesk.assistant.SubscriptionKind;
import java.time.Instant;
import java.util.Set;

import fr.sommenumerique.helpdesk.knowledge.ServiceArea;

/**
 * A request to join the offer, add a service, open an account or attend a training.
 *
 * @param reference            DA-YYYY-NNNNN
 * @param communeInsee         null when the commune is not identified
 * @param communeNameAsWritten the commune as the requester wrote it (may be null)
 * @param services             never empty (OFFRE when unspecified)
 * @param subsidyEligible      commune population &lt; 2 000; null while the commune is unknown
 * @param decisionMessage      the message for the commune given with accept/reject
 */
public record SubscriptionRequest(long id, String reference, String communeInsee, String communeNameAsWritten,
                                  long contactId, Set<ServiceArea> services, SubscriptionKind kind,
                                  SubscriptionStatus status, Boolean subsidyEligible, Channel channel,
                                  String sourceText, String staffNotes, String decisionMessage, Long ticketId,
                                  Instant createdAt, Instant updatedAt, Instant decidedAt, String decidedBy) {

    public SubscriptionRequest {
        services = Set.copyOf(services);
    }
}
