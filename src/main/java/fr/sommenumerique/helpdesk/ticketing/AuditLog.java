package fr.sommenumerique.helpdesk.ticketing;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.sommenumerique.helpdesk.ticketing.internal.Db;
import fr.sommenumerique.helpdesk.ticketing.internal.TextKeys;
import fr.sommenumerique.helpdesk.ticketing.internal.TicketingClock;

/** Who changed what and when, for tickets, requests, contacts, the outbox and the quarantine. */
@Service
@Transactional
public class AuditLog {

    public static final String TICKET = "ticket";
    public static final String SUBSCRIPTION = "subscription";
    public static final String CONTACT = "contact";
    public static final String OUTBOX = "outbox";
    public static final String QUARANTINE = "quarantine";

    private final JdbcClient jdbc;
    private final TicketingClock clock;

    public AuditLog(JdbcClient jdbc, TicketingClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private static final String CONTACT_ACTOR_PREFIX = "contact:";

    /** The actor recorded for something a contact did (e.g. an inbound message reopening a ticket). */
    public static String contactActor(long contactId) {
        return CONTACT_ACTOR_PREFIX + contactId;
    }

    /** The contact id in an actor written by {@link #contactActor(long)}; empty for any other actor. */
    public static OptionalLong contactIdOf(String actor) {
        if (actor == null || !actor.startsWith(CONTACT_ACTOR_PREFIX)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(actor.substring(CONTACT_ACTOR_PREFIX.length())));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public void record(String actor, String entityType, Object entityId, String action, String details) {
        jdbc.sql("""
                        INSERT INTO audit_log (occurred_at, actor, entity_type, entity_id, action, details)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(Db.ts(clock.now()),
                        TextKeys.truncate(actorOrSystem(actor), 200),
                        Objects.requireNonNull(entityType, "entityType"),
                        String.valueOf(Objects.requireNonNull(entityId, "entityId")),
                        Objects.requireNonNull(action, "action"),
                        TextKeys.truncate(details, 4000))
                .update();
    }

    /** Entries about one entity, oldest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> of(String entityType, Object entityId) {
        return jdbc.sql("SELECT * FROM audit_log WHERE entity_type = ? AND entity_id = ? ORDER BY occurred_at, id")
                .params(entityType, String.valueOf(entityId))
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), Db.instant(rs, "occurred_at"), rs.getString("actor"),
                        rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("action"), rs.getString("details")))
                .list();
    }

    /** The latest entries over all entities, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> recent(int limit) {
        return jdbc.sql("SELECT * FROM audit_log ORDER BY occurred_at DESC, id DESC LIMIT ?")
                .params(Math.max(0, limit))
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), Db.instant(rs, "occurred_at"), rs.getString("actor"),
                        rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("action"), rs.getString("details")))
                .list();
    }

    static String actorOrSystem(String actor) {
        return actor == null || actor.isBlank() ? "system" : actor.strip();
    }
}
