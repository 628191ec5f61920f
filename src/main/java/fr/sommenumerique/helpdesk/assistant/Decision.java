package fr.sommenumerique.helpdesk.assistant;

import fr.sommenumerique.helpdesk.knowledge.ServiceArea;

import java.util.List;
import java.util.Map;

/**
 * The assistant's decision about one message. Pure data: carrying it out (sending, recording) is the caller's job.
 *
 * @param kind             what to do
 * @param reply            the French text to send back (the answer, or what happens next)
 * @param articleIds       ids of the articles the reply is built from (ANSWER, or the article saying a fact is unknown)
 * @param sources          titles of those articles, in the same order
 * @param articles         the best articles of the search the decision rests on, with scores (also for hand-overs,
 *                         to help the agent)
 * @param services         services the message is about
 * @param priority         suggested priority of the ticket (TICKET only, else null)
 * @param subscriptionKind what is asked for (SUBSCRIPTION only, else null)
 * @param subsidyEligible  for SUBSCRIPTION: whether the commune looks eligible for the subsidy, null if unknown
 * @param confidence       0..1, how well the best article covers the question
 * @param reason           a short explanation of the decision, for staff
 * @param intent           the message's main intent (code of {@link fr.sommenumerique.helpdesk.knowledge.Intent})
 * @param intents          the classifier's probability per intent for the whole message, most likely first
 * @param parts            what was done with each question or request of the message (one for a simple message)
 */
public record Decision(
        DecisionKind kind,
        String reply,
        List<String> articleIds,
        List<String> sources,
        List<ArticleRef> articles,
        List<ServiceArea> services,
        Priority priority,
        SubscriptionKind subscriptionKind,
        Boolean subsidyEligible,
        double confidence,
        String reason,
        String intent,
        Map<String, Double> intents,
        List<DecisionPart> parts) {

    public Decision {
        articleIds = List.copyOf(articleIds);
        sources = List.copyOf(sources);
        articles = List.copyOf(articles);
        services = List.copyOf(services);
        intents = intents == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(intents));
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /** The parts an agent must handle (not answered here, not out of scope). */
    public List<DecisionPart> partsForStaff() {
        return parts.stream().filter(p -> p.kind() == DecisionKind.TICKET).toList();
    }
}
