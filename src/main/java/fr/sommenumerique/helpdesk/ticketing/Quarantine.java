package fr.sommenumerique.helpdesk.ticketing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import fr.sommenumerique.helpdesk.ticketing.internal.Db;
import fr.sommenumerique.helpdesk.ticketing.internal.TextKeys;
import fr.sommenumerique.helpdesk.ticketing.internal.TicketingClock;

/** Raw inbound messages that failed, kept so that nothing is lost; staff retry or discard them. Audited. */
@Service
@Transactional
public class Quarantine {

    private static final String COLUMNS =
            "id, channel, reason, source_ref, size_bytes, created_at, status, status_changed_at, status_changed_by";

    private final JdbcClient jdbc;
    private final TicketingClock clock;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    public Quarantine(JdbcClient jdbc, TicketingClock clock, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.events = events;
    }

    /** Stores a message in its own transaction, so it survives the caller's failed one. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public QuarantinedItem store(Channel channel, byte[] raw, String reason, String sourceRef) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(raw, "raw");
        String why = TextKeys.blankToNull(reason);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO quarantine (channel, reason, source_ref, raw_bytes, size_bytes, created_at, status)
                        VALUES (?, ?, ?, ?, ?, ?, 'QUARANTINED')""")
                .params(channel.name(), TextKeys.truncate(why == null ? "raison inconnue" : why, 4000),
                        TextKeys.truncate(sourceRef, 1000), raw, (long) raw.length, Db.ts(clock.now()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record("system", AuditLog.QUARANTINE, id, "quarantined",
                TextKeys.truncate(channel.label() + " : " + why + (sourceRef == null ? "" : " (" + sourceRef + ")"), 4000));
        return require(id);
    }

    /** Items with that status (null: all), newest first. */
    @Transactional(readOnly = true)
    public Page<QuarantinedItem> list(QuarantineStatus status, int page, int size) {
        int p = Math.max(0, page);
        int s = size <= 0 ? 25 : Math.min(size, 200);
        Map<String, Object> params = new LinkedHashMap<>();
        String where = "";
        if (status != null) {
            where = " WHERE status = :status";
            params.put("status", status.name());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM quarantine" + where).params(params).query(Long.class).single();
        params.put("limit", s);
        params.put("offset", (long) p * s);
        List<QuarantinedItem> items = jdbc.sql("SELECT " + COLUMNS + " FROM quarantine" + where
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params).query(Quarantine::map).list();
        return new Page<>(items, p, s, total);
    }

    @Transactional(readOnly = true)
    public long count(QuarantineStatus status) {
        return jdbc.sql("SELECT COUNT(*) FROM quarantine WHERE status = ?").params(status.name()).query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public Optional<QuarantinedItem> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM quarantine WHERE id = ?").params(id).query(Quarantine::map).optional();
    }

    /** The bytes exactly as received. */
    @Transactional(readOnly = true)
    public Optional<byte[]> raw(long id) {
        return jdbc.sql("SELECT raw_bytes FROM quarantine WHERE id = ?").params(id)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    /**
     * The item is handed back for another try (QUARANTINED → RETRIED): {@link QuarantineRetryRequested} is published,
     * and the channel processes it again after commit; if it fails again, {@link #failedAgain} puts it back.
     */
    public QuarantinedItem markRetried(long id, String actor) {
        QuarantinedItem item = lock(id);
        if (item.status() != QuarantineStatus.QUARANTINED) {
            throw new IllegalStateException("L'élément n° " + id + " n'est plus en quarantaine (" + item.status().label() + ")");
        }
        QuarantinedItem retried = change(item, QuarantineStatus.RETRIED, actor, "retried");
        events.publishEvent(new QuarantineRetryRequested(id, item.channel()));
        return retried;
    }

    /**
     * The channel handled the item itself (a message set aside by a flood limit, replayed once the burst is over):
     * QUARANTINED → RETRIED without asking the channel again. An item staff already handled is left as it is.
     */
    public void markReplayed(long id) {
        QuarantinedItem item = lock(id);
        if (item.status() == QuarantineStatus.QUARANTINED) {
            change(item, QuarantineStatus.RETRIED, null, "replayed");
        }
    }

    /** A retried item failed again: back to QUARANTINED with the new reason. */
    public QuarantinedItem failedAgain(long id, String reason) {
        QuarantinedItem item = lock(id);
        jdbc.sql("UPDATE quarantine SET reason = ? WHERE id = ?").params(TextKeys.truncate(reason, 4000), id).update();
        return change(item, QuarantineStatus.QUARANTINED, null, "failed.again");
    }

    /** Gives up on the item (kept for the record, but no longer listed as to do). */
    public QuarantinedItem discard(long id, String actor) {
        QuarantinedItem item = lock(id);
        if (item.status() == QuarantineStatus.DISCARDED) {
            return item;
        }
        return change(item, QuarantineStatus.DISCARDED, actor, "discarded");
    }

    private QuarantinedItem change(QuarantinedItem item, QuarantineStatus status, String actor, String action) {
        String who = AuditLog.actorOrSystem(actor);
        jdbc.sql("UPDATE quarantine SET status = ?, status_changed_at = ?, status_changed_by = ? WHERE id = ?")
                .params(status.name(), Db.ts(clock.now()), TextKeys.truncate(who, 100), item.id()).update();
        audit.record(who, AuditLog.QUARANTINE, item.id(), action, "Statut : " + item.status().label() + " → " + status.label());
        return require(item.id());
    }

    private QuarantinedItem lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM quarantine WHERE id = ? FOR UPDATE").params(id)
                .query(Quarantine::map).optional()
                .orElseThrow(() -> new NotFoundException("Élément de quarantaine n° " + id + " introuvable"));
    }

    private QuarantinedItem require(long id) {
        return byId(id).orElseThrow(() -> new NotFoundException("Élément de quarantaine n° " + id + " introuvable"));
    }

    private static QuarantinedItem map(ResultSet rs, int rowNum) throws SQLException {
        return new QuarantinedItem(rs.getLong("id"), Channel.valueOf(rs.getString("channel")), rs.getString("reason"),
                rs.getString("source_ref"), rs.getLong("size_bytes"), Db.instant(rs, "created_at"),
                QuarantineStatus.valueOf(rs.getString("status")), Db.instant(rs, "status_changed_at"),
                rs.getString("status_changed_by"));
    }
}
