package fr.sommenumerique.helpdesk.knowledge.index;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the last few keys made, for what always makes the same thing from the same key over an index that never
 * changes (a search's result, a text's words, a group of words' clause). Deciding on a long message reads its texts
 * several times over (the message, its parts, their sentences and clauses). Kept few, so that it holds a few messages'
 * worth, not everything ever read.
 */
final class RecentlyMade<K, V> {

    private final int kept;
    private final Map<K, V> made;

    RecentlyMade(int kept) {
        this.kept = kept;
        this.made = new LinkedHashMap<>(kept * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > RecentlyMade.this.kept;
            }
        };
    }

    /** What was kept for this key, else what {@code make} gives, then kept. */
    V get(K key, Supplier<V> make) {
        synchronized (made) {
            V kept = made.get(key);
            if (kept != null) {
                return kept;
            }
        }
        // made outside the lock: threads deciding on other messages do not wait for this one
        V value = make.get();
        synchronized (made) {
            made.put(key, value);
        }
        return value;
    }
}
