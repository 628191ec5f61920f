package fr.sommenumerique.helpdesk.assistant;

import java.util.List;

/**
 * What the assistant did with one part of a message (one question or request): staff see which parts were answered
 * and which are theirs.
 *
 * @param text       the part as it was read (normalized)
 * @param intent     the intent found for it (code of {@link fr.sommenumerique.helpdesk.knowledge.Intent})
 * @param kind       ANSWER (answered here), SUBSCRIPTION (request recorded), TICKET (for an agent), OUT_OF_SCOPE
 * @param reply      the section of the reply for this part
 * @param articleIds the articles or out-of-scope topics the section is built from
 * @param passages   the article sections used, in plain text
 * @param confidence how sure the assistant is of this part (0..1)
 * @param reason     why, in French, for staff
 */
public record DecisionPart(String text, String intent, DecisionKind kind, String reply, List<String> articleIds,
                           List<String> passages, double confidence, String reason) {

    public DecisionPart {
        articleIds = List.copyOf(articleIds);
        passages = List.copyOf(passages);
    }
}
