package fr.sommenumerique.helpdesk.conversation.internal;

import fr.sommenumerique.helpdesk.assistant.Decision;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON record of decisions worked out ahead of need, written on the thread that anticipated them: the thread that
 * records the decision in its transaction then finds it done. Kept by the decision's identity (the assistant hands
 * back the very decision it anticipated), taken once, and only the newest ones kept, like the decisions themselves.
 */
final class DecisionJsonAhead {

    private static final int MAX = 256;

    /** A decision compared by identity: no deep comparison of its parts and scores. */
    private record Same(Decision decision) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Same same && same.decision == decision;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(decision);
        }
    }

    private final Map<Same, String> written = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Same, String> eldest) {
            return size() > MAX;
        }
    });

    void writeAhead(Decision decision) {
        written.put(new Same(decision), DecisionRecords.toJson(decision));
    }

    /** The decision's JSON, written ahead or now. */
    String json(Decision decision) {
        String ahead = written.isEmpty() ? null : written.remove(new Same(decision));
        return ahead != null ? ahead : DecisionRecords.toJson(decision);
    }
}
