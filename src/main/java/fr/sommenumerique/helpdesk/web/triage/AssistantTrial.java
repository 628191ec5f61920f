package fr.sommenumerique.helpdesk.web.triage;

import fr.sommenumerique.helpdesk.assistant.ArticleRef;
import fr.sommenumerique.helpdesk.assistant.Decision;
import fr.sommenumerique.helpdesk.knowledge.SearchResult;
import fr.sommenumerique.helpdesk.ticketing.Commune;
import fr.sommenumerique.helpdesk.web.render.EmailHtml;

/**
 * What the assistant would do with a question, and what the knowledge base found for it.
 *
 * @param commune null when none was given
 */
public record AssistantTrial(String question, Commune commune, Decision decision, SearchResult search) {

    /** An article's passage for display: escaped text whose only markup is {@code <mark>}, cleaned again here. */
    public String passageHtml(ArticleRef article) {
        return EmailHtml.passage(article.passage());
    }
}
