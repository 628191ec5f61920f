package fr.sommenumerique.helpdesk.assistant.intent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The scores of a classifier's last few texts. Deciding on a long message classifies some of its texts several times
 * (the whole message, each sentence while splitting it, then each part, and parts joined again), each time cleaning
 * and tokenizing the text anew: the model never changes, so the same text gets the same scores. Kept few, so that it
 * holds one message's texts, not every message ever asked.
 */
final class RecentClassifications {

    private static final int KEPT = 64;

    private final Map<String, IntentScores> scores = new LinkedHashMap<>(KEPT * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, IntentScores> eldest) {
            return size() > KEPT;
        }
    };

    /** The scores kept for this text, else the ones {@code classify} gives, then kept. */
    IntentScores get(String text, Supplier<IntentScores> classify) {
        synchronized (scores) {
            IntentScores kept = scores.get(text);
            if (kept != null) {
                return kept;
            }
        }
        // classified outside the lock: threads deciding on other messages do not wait for this one
        IntentScores result = classify.get();
        synchronized (scores) {
            scores.put(text, result);
        }
        return result;
    }
}
