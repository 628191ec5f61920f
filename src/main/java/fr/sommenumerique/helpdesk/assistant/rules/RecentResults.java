package fr.sommenumerique.helpdesk.assistant.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The results of the last few computations that always give the same result for the same key (a pattern over a text,
 * a classifier's scores for a text): deciding on a long message asks them several times over the same texts (the
 * message, each sentence, each part, parts joined again). Kept few, so that it holds one message's texts, not every
 * message ever read.
 */
public final class RecentResults<K, V> {

    private final int kept;
    private final Map<K, V> results;

    public RecentResults(int kept) {
        this.kept = kept;
        this.results = new LinkedHashMap<>(kept * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > RecentResults.this.kept;
            }
        };
    }

    /** The result kept for this key, else the one {@code compute} gives, then kept. */
    public V get(K key, Supplier<V> compute) {
        synchronized (results) {
            V known = results.get(key);
            if (known != null) {
                return known;
            }
        }
        // computed outside the lock: threads deciding on other messages do not wait for this one
        V result = compute.get();
        synchronized (results) {
            results.put(key, result);
        }
        return result;
    }
}
