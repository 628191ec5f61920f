package fr.sommenumerique.helpdesk.telegram.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-chat token bucket: {@code capacity} messages at once, refilled continuously at {@code capacity} per
 * {@code window}. In memory on purpose: it protects the assistant and the staff queue from a burst, and a restart
 * simply forgets past bursts. The first message refused in a burst is flagged so the person is told once.
 */
final class FloodGuard {

    enum Verdict {
        /** Process normally. */
        ALLOWED,
        /** Over the limit, first time in this burst: tell the person. */
        LIMITED_FIRST,
        /** Over the limit again: set aside silently. */
        LIMITED
    }

    private static final int CLEANUP_ABOVE = 10_000;

    private static final class Bucket {
        double tokens;
        Instant refilledAt;
        boolean warned;

        Bucket(double tokens, Instant at) {
            this.tokens = tokens;
            this.refilledAt = at;
        }
    }

    private final int capacity;
    private final Duration window;
    private final Clock clock;
    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

    FloodGuard(int capacity, Duration window, Clock clock) {
        this.capacity = capacity;
        this.window = window;
        this.clock = clock;
    }

    Verdict admit(long chatId) {
        Instant now = clock.instant();
        if (buckets.size() > CLEANUP_ABOVE) {
            buckets.values().removeIf(b -> Duration.between(b.refilledAt, now).compareTo(window) > 0);
        }
        Bucket bucket = buckets.computeIfAbsent(chatId, id -> new Bucket(capacity, now));
        synchronized (bucket) {
            double elapsed = Math.max(0, Duration.between(bucket.refilledAt, now).toNanos());
            bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * capacity / window.toNanos());
            bucket.refilledAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                bucket.warned = false;
                return Verdict.ALLOWED;
            }
            if (bucket.warned) {
                return Verdict.LIMITED;
            }
            bucket.warned = true;
            return Verdict.LIMITED_FIRST;
        }
    }

    int capacity() {
        return capacity;
    }

    Duration window() {
        return window;
    }
}
