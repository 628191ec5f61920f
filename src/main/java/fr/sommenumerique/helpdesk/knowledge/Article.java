package fr.sommenumerique.helpdesk.knowledge;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * One FAQ article of the knowledge base.
 *
 * @param service  the service area; null for an out-of-scope topic
 * @param handover true when the article's point is that the fact is not known here and an agent must answer
 * @param unknowns questions this article says it cannot answer, each as a few words that must all appear in a
 *                 message for it to be about that point (e.g. « prix certificat »): such a message goes to an agent
 * @param request  the request a message closest to this article makes when it asks for something (« le maire souhaite
 *                 que l'adjointe ait un accès … comment on procède ? » is an account request, not only a question on
 *                 how accounts are opened); null when the article is not about a request
 * @param body     the Markdown body
 * @param text     the body as plain text, the form the assistant sends
 * @param outOfScope true for an out-of-scope topic card ({@code knowledge-base/hors-sujet/}): a municipal matter
 *                 that is not Somme Numérique's, whose body says where to turn instead
 */
public record Article(
        String id,
        String title,
        ServiceArea service,
        List<String> tags,
        List<String> questions,
        LocalDate reviewed,
        boolean handover,
        List<String> unknowns,
        Intent request,
        String body,
        String text,
        Path source,
        boolean outOfScope) {

    public Article {
        tags = List.copyOf(tags);
        questions = List.copyOf(questions);
        unknowns = List.copyOf(unknowns);
    }

    /** The service's code, or « hors-sujet » for an out-of-scope topic. */
    public String serviceCode() {
        return service == null ? "hors-sujet" : service.code();
    }
}
