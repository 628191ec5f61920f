package fr.sommenumerique.helpdesk.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of one search.
 *
 * @param queryTerms   the informative terms of the query after analysis (stop words and fillers removed)
 * @param unknownTerms query terms that no article contains, even approximately
 * @param hits         best articles first
 */
public record SearchResult(List<String> queryTerms, List<String> unknownTerms, List<SearchHit> hits) {

    public SearchResult {
        queryTerms = List.copyOf(queryTerms);
        unknownTerms = List.copyOf(unknownTerms);
        hits = List.copyOf(hits);
    }

    public Optional<SearchHit> best() {
        return hits.isEmpty() ? Optional.empty() : Optional.of(hits.get(0));
    }
}
