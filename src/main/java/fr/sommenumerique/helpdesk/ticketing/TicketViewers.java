package fr.sommenumerique.helpdesk.ticketing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import fr.sommenumerique.helpdesk.ticketing.internal.Db;
import fr.sommenumerique.helpdesk.ticketing.internal.TicketingClock;

/**
 * Who has a ticket open, and who is writing on it: each open page reports itself every few seconds, and a report
 * older than {@link #FRESH} no longer counts. Kept in the database so that every node of a cluster sees the same.
 */
@Service
@Transactional
public class TicketViewers {

    public static final Duration FRESH = Duration.ofSeconds(45);

    /** @param typing a reply or note is being written */
    public record Viewer(String username, boolean typing, Instant seenAt) {
    }

    private final JdbcClient jdbc;
    private final TicketingClock clock;

    /** The insert runs in a savepoint: on PostgreSQL a duplicate key would otherwise abort the whole transaction. */
    private final TransactionTemplate savepoint;

    public TicketViewers(JdbcClient jdbc, TicketingClock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    public void seen(long ticketId, String username, boolean typing) {
        Instant now = clock.now();
        int updated = jdbc.sql("UPDATE ticket_viewers SET typing = ?, seen_at = ? WHERE ticket_id = ? AND username = ?")
                .params(typing, Db.ts(now), ticketId, username).update();
        if (updated == 0) {
            try {
                savepoint.executeWithoutResult(status -> jdbc
                        .sql("INSERT INTO ticket_viewers (ticket_id, username, typing, seen_at) VALUES (?, ?, ?, ?)")
                        .params(ticketId, username, typing, Db.ts(now)).update());
            } catch (DuplicateKeyException sameMomentElsewhere) {
                // another tab of the same person reported at the same time: one row is enough
            }
        }
    }

    /** The page was left. */
    public void left(long ticketId, String username) {
        jdbc.sql("DELETE FROM ticket_viewers WHERE ticket_id = ? AND username = ?").params(ticketId, username).update();
    }

    /** Others who reported on this ticket recently, by name. */
    @Transactional(readOnly = true)
    public List<Viewer> others(long ticketId, String username) {
        return jdbc.sql("""
                        SELECT username, typing, seen_at FROM ticket_viewers
                        WHERE ticket_id = ? AND username <> ? AND seen_at > ? ORDER BY username""")
                .params(ticketId, username, Db.ts(clock.now().minus(FRESH)))
                .query((rs, n) -> new Viewer(rs.getString("username"), rs.getBoolean("typing"), Db.instant(rs, "seen_at")))
                .list();
    }
}
