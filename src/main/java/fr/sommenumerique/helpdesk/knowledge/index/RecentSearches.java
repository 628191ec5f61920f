package fr.sommenumerique.helpdesk.knowledge.index;

import fr.sommenumerique.helpdesk.knowledge.SearchResult;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The results of an index's last few searches, by text and number of hits. Deciding on a long message searches some
 * of its texts several times (the whole message, then each part, then the part again to choose between readings):
 * the index never changes, so the same search gives the same result. Kept few, so that it holds one message's
 * searches, not every message ever asked.
 */
final class RecentSearches {

    private static final int KEPT = 32;

    private record Key(String text, int maxHits) {
    }

    private final Map<Key, SearchResult> results = new LinkedHashMap<>(KEPT * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, SearchResult> eldest) {
            return size() > KEPT;
        }
    };

    /** The result kept for this search, else the one {@code search} gives, then kept. */
    SearchResult get(String text, int maxHits, Supplier<SearchResult> search) {
        Key key = new Key(text, maxHits);
        synchronized (results) {
            SearchResult kept = results.get(key);
            if (kept != null) {
                return kept;
            }
        }
        // searched outside the lock: threads deciding on other messages do not wait for this one
        SearchResult result = search.get();
        synchronized (results) {
            results.put(key, result);
        }
        return result;
    }
}
