package fr.sommenumerique.helpdesk.knowledge.index;

import org.apache.lucene.search.Query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the last few groups of words made of a query: the clause (its terms and the articles matching it) and its part
 * of the query. A message's texts (the message, its parts, their sentences and clauses) share most of their words,
 * and each text searched made their alternatives, near spellings and queries again: they depend only on the group and
 * the index, which never changes. Kept as many as the words of a few messages, not every word ever read.
 */
final class RecentGroupClauses {

    private static final int KEPT = 1024;

    /** What a group of words makes of a query; {@code query} is empty when no field holds any of its terms. */
    record GroupClause(ParsedQuery.Clause clause, Optional<Query> query) {
    }

    /**
     * The group's words in their order (the order of the clause's alternatives and label; the group's own equality
     * ignores it) and its ways of saying them.
     */
    private record Key(List<String> terms, List<List<String>> paths) {
    }

    private final Map<Key, GroupClause> clauses = new LinkedHashMap<>(KEPT * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, GroupClause> eldest) {
            return size() > KEPT;
        }
    };

    /** The clause kept for this group, else the one {@code make} gives, then kept. */
    GroupClause get(QueryBuilder.TermGroup group, Supplier<GroupClause> make) {
        Key key = new Key(List.copyOf(group.terms()), group.paths());
        synchronized (clauses) {
            GroupClause kept = clauses.get(key);
            if (kept != null) {
                return kept;
            }
        }
        // made outside the lock: threads deciding on other messages do not wait for this one
        GroupClause made = make.get();
        synchronized (clauses) {
            clauses.put(key, made);
        }
        return made;
    }
}
