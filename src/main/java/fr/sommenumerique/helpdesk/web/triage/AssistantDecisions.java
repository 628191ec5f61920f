package fr.sommenumerique.helpdesk.web.triage;

import fr.sommenumerique.helpdesk.assistant.Decision;
import fr.sommenumerique.helpdesk.ticketing.AssistantReviews;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;

/**
 * The assistant's decision on a ticket's first message, for the decision panel of the ticket page
 * ({@code ${@assistantDecisions.forTicket(id)}}): kind, intent probabilities, confidence, reason, articles and
 * passages used, and what was done with each part of the message.
 */
@Component("assistantDecisions")
public class AssistantDecisions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AssistantReviews reviews;

    public AssistantDecisions(AssistantReviews reviews) {
        this.reviews = reviews;
    }

    /** The decision, or null when the assistant did not handle the ticket's first message. */
    public Decision forTicket(long ticketId) {
        return reviews.decisionOfTicket(ticketId).flatMap(AssistantDecisions::parse).orElse(null);
    }

    static Optional<Decision> parse(String json) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(json, Decision.class));
        } catch (RuntimeException e) {
            return Optional.empty(); // an older or damaged record: no panel rather than a broken page
        }
    }

    public static String toJson(Decision decision) {
        return JSON.writeValueAsString(decision);
    }
}
