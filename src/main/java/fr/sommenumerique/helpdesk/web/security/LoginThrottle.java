package fr.sommenumerique.helpdesk.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per username and per client address and says how long further attempts must wait. In
 * memory: a restart forgets the counters, which is acceptable for a single-instance helpdesk.
 */
public class LoginThrottle {

    private static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int MAX_ENTRIES = 10_000;

    private record Failures(int count, Instant last, Instant lockedUntil) {
    }

    private final LoginProperties properties;
    private final Clock clock;
    private final Map<String, Failures> byUser = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    public LoginThrottle(LoginProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** How long the caller must still wait, if locked. */
    public Optional<Duration> lockRemaining(String username, String address) {
        Instant now = clock.instant();
        Instant until = latest(lockOf(byUser, userKey(username)), lockOf(byAddress, address));
        return until != null && now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        cleanUp(now);
        record(byUser, userKey(username), properties.maxFailures(), now);
        if (address != null) {
            record(byAddress, address, properties.maxFailuresPerAddress(), now);
        }
    }

    /** A successful login clears the username's count (not the address's: one good account must not unlock guessing). */
    public void succeeded(String username) {
        byUser.remove(userKey(username));
    }

    private void record(Map<String, Failures> map, String key, int threshold, Instant now) {
        map.compute(key, (k, previous) -> {
            int count = previous == null || previous.last().plus(FORGET_AFTER).isBefore(now) ? 1 : previous.count() + 1;
            Instant lockedUntil = null;
            if (count >= threshold) {
                Duration lock = properties.firstLock().multipliedBy(1L << Math.min(20, count - threshold));
                lockedUntil = now.plus(lock.compareTo(properties.maxLock()) > 0 ? properties.maxLock() : lock);
            }
            return new Failures(count, now, lockedUntil);
        });
    }

    private void cleanUp(Instant now) {
        if (byUser.size() + byAddress.size() > MAX_ENTRIES) {
            Instant limit = now.minus(FORGET_AFTER);
            byUser.values().removeIf(f -> f.last().isBefore(limit));
            byAddress.values().removeIf(f -> f.last().isBefore(limit));
        }
    }

    private static Instant lockOf(Map<String, Failures> map, String key) {
        Failures f = key == null ? null : map.get(key);
        return f == null ? null : f.lockedUntil();
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String userKey(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
