package fr.sommenumerique.helpdesk.knowledge;

import java.util.List;

/**
 * One article found for a query.
 *
 * @param score        Lucene's relevance score (not comparable across queries)
 * @param coverage     share (0..1) of the query's informative terms that this article matches, weighted by
 *                     rarity: the comparable measure of how well the article covers the question
 * @param matchedTerms the analysed query terms the article matches
 * @param passage      the best passage of the article, HTML-escaped, matched words in {@code <mark>}
 */
public record SearchHit(Article article, float score, double coverage, List<String> matchedTerms, String passage) {

    public SearchHit {
        matchedTerms = List.copyOf(matchedTerms);
    }
}
