package fr.sommenumerique.helpdesk.ticketing;

import java.util.Objects;

import fr.sommenumerique.helpdesk.knowledge.ServiceArea;

/**
 * One question handled by the assistant.
 *
 * @param decisionKind ANSWER, SUBSCRIPTION, TICKET or OUT_OF_SCOPE (constants in {@link AssistantInteractions}; the
 *                     assistant's decision enum name fits)
 * @param topArticleId best knowledge-base article, or null
 * @param service      service area of the question, or null
 * @param confidence   the assistant's score for its decision, or null
 */
public record NewInteraction(Channel channel, Long contactId, String question, String decisionKind,
                             String topArticleId, ServiceArea service, Double confidence, Long ticketId) {

    public NewInteraction {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(decisionKind, "decisionKind");
        question = question == null ? "" : question;
    }
}
