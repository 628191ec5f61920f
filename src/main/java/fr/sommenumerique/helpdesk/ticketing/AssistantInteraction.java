package fr.sommenumerique.helpdesk.ticketing;

import java.time.Instant;

import fr.sommenumerique.helpdesk.knowledge.ServiceArea;

/** A recorded interaction; {@code helpful} is the latest feedback, null when none was given. */
public record AssistantInteraction(long id, Instant at, Channel channel, Long contactId, String question,
                                   String decisionKind, String topArticleId, ServiceArea service, Double confidence,
                                   Long ticketId, Boolean helpful) {
}
