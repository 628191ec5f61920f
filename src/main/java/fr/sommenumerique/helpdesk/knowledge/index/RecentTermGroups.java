package fr.sommenumerique.helpdesk.knowledge.index;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The words (with their synonyms) last read from a few texts. Both indexes read a text the same way (same analysis,
 * same synonyms), and deciding on a message searches each text in both: the second index takes the words the first
 * has just read instead of running the analysis again. Kept few, so that it holds one message's texts.
 */
final class RecentTermGroups {

    private static final int KEPT = 32;

    private final Map<String, List<QueryBuilder.TermGroup>> groups = new LinkedHashMap<>(KEPT * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<QueryBuilder.TermGroup>> eldest) {
            return size() > KEPT;
        }
    };

    /** The groups kept for this text, else the ones {@code read} gives, then kept. */
    List<QueryBuilder.TermGroup> get(String text, Supplier<List<QueryBuilder.TermGroup>> read) {
        synchronized (groups) {
            List<QueryBuilder.TermGroup> kept = groups.get(text);
            if (kept != null) {
                return kept;
            }
        }
        // read outside the lock: threads deciding on other messages do not wait for this one
        List<QueryBuilder.TermGroup> readNow = read.get();
        synchronized (groups) {
            groups.put(text, readNow);
        }
        return readNow;
    }
}
