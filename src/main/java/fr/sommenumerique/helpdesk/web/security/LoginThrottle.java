package fr.sommenumerique.helpdesk.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts failed logins and says how long further attempts must wait. Two counts, both in the database (table
 * {@code login_failures}) so that every instance behind a load balancer shares them and a restart forgets nothing:
 * <ul>
 *   <li>per (username, client address): {@code maxFailures} failures lock that pair, for {@code firstLock}
 *       doubling up to {@code maxLock} — a password guesser is slowed down;</li>
 *   <li>per client address: {@code maxFailuresPerAddress} failures over any usernames lock the address.</li>
 * </ul>
 * Never per username alone: a stranger failing on purpose from his own address must not lock a staff member out,
 * so a correct password from an address with no failures always gets through. Failures are forgotten after an
 * hour without any.
 */
public class LoginThrottle {

    static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final String USER_ADDRESS = "USER_ADDRESS";
    private static final String ADDRESS = "ADDRESS";
    private static final String UNKNOWN_ADDRESS = "inconnue";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final LoginProperties properties;
    private final Clock clock;

    public LoginThrottle(JdbcClient jdbc, PlatformTransactionManager transactions, LoginProperties properties,
                         Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * How long the caller must still wait, if locked.
     *
     * @param username null when none was given (an API token): only the address counts
     */
    public Optional<Duration> lockRemaining(String username, String address) {
        Instant now = clock.instant();
        Instant until = latest(lockOf(ADDRESS, addressKey(address)),
                username == null ? null : lockOf(USER_ADDRESS, pairKey(username, address)));
        return until != null && now.isBefore(until) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /** @param username null when none was given (an unknown API token): counted for the address only */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM login_failures WHERE last_failure < ?").params(ts(now.minus(FORGET_AFTER))).update();
            if (username != null) {
                record(USER_ADDRESS, pairKey(username, address), properties.maxFailures(), now);
            }
            record(ADDRESS, addressKey(address), properties.maxFailuresPerAddress(), now);
        });
    }

    /**
     * A successful login clears the count of this username from this address (not the address's own count: one
     * good account must not unlock guessing others).
     */
    public void succeeded(String username, String address) {
        jdbc.sql("DELETE FROM login_failures WHERE scope = ? AND failure_key = ?")
                .params(USER_ADDRESS, pairKey(username, address)).update();
    }

    private void record(String scope, String key, int threshold, Instant now) {
        int count = jdbc.sql("SELECT failures FROM login_failures WHERE scope = ? AND failure_key = ? FOR UPDATE")
                .params(scope, key).query(Integer.class).optional().orElse(0) + 1;
        Instant lockedUntil = null;
        if (count >= threshold) {
            Duration lock = properties.firstLock().multipliedBy(1L << Math.min(20, count - threshold));
            lockedUntil = now.plus(lock.compareTo(properties.maxLock()) > 0 ? properties.maxLock() : lock);
        }
        int updated = jdbc.sql("""
                        UPDATE login_failures SET failures = ?, last_failure = ?, locked_until = ?
                        WHERE scope = ? AND failure_key = ?""")
                .params(count, ts(now), ts(lockedUntil), scope, key).update();
        if (updated == 0) {
            try {
                jdbc.sql("""
                                INSERT INTO login_failures (scope, failure_key, failures, last_failure, locked_until)
                                VALUES (?, ?, ?, ?, ?)""")
                        .params(scope, key, count, ts(now), ts(lockedUntil)).update();
            } catch (DuplicateKeyException concurrent) {
                record(scope, key, threshold, now); // another instance inserted it first: count on top of it
            }
        }
    }

    private Instant lockOf(String scope, String key) {
        return jdbc.sql("SELECT locked_until FROM login_failures WHERE scope = ? AND failure_key = ?")
                .params(scope, key).query((rs, i) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
                .optional().flatMap(lock -> lock).map(OffsetDateTime::toInstant).orElse(null);
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String pairKey(String username, String address) {
        String user = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return truncate(user, 300) + " " + addressKey(address);
    }

    private static String addressKey(String address) {
        return address == null || address.isBlank() ? UNKNOWN_ADDRESS : truncate(address.strip(), 99);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
