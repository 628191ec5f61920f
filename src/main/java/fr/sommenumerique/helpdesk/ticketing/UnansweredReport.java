package fr.sommenumerique.helpdesk.ticketing;

import java.time.Instant;
import java.util.List;

import fr.sommenumerique.helpdesk.knowledge.ServiceArea;

/**
 * Questions the assistant did not settle over a period: hand-overs (TICKET, OUT_OF_SCOPE) and answers judged
 * unhelpful, grouped by top article and service, largest group first.
 *
 * @param interactions all interactions of the period
 * @param unanswered   interactions counted in the groups
 */
public record UnansweredReport(Instant from, Instant to, long interactions, long unanswered, List<Group> groups) {

    /**
     * @param topArticleId    null when the assistant found no article
     * @param service         null when unknown
     * @param sampleQuestions up to 5 distinct questions, most recent first
     */
    public record Group(String topArticleId, ServiceArea service, long count, long tickets, long outOfScope,
                        long unhelpfulAnswers, List<String> sampleQuestions) {
    }
}
