package fr.sommenumerique.helpdesk.ticketing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import fr.sommenumerique.helpdesk.ticketing.internal.Db;
import fr.sommenumerique.helpdesk.ticketing.internal.OutboxProperties;
import fr.sommenumerique.helpdesk.ticketing.internal.TextKeys;
import fr.sommenumerique.helpdesk.ticketing.internal.TicketingClock;

/**
 * Persistent queue of outgoing messages for every channel. Producers {@link #enqueue} inside their own transaction
 * (the message exists only if their effects commit); channel pollers {@link #claimDue claim} due messages, send
 * them, then {@link #markSent} or {@link #markAttemptFailed}. A claim reserves a message for
 * {@code helpdesk.outbox.lease} (5 min): two pollers never get the same message, and a crashed poller's messages
 * come back after the lease. Failed attempts are retried after 30 s, 2 min, 10 min, 30 min, then every hour,
 * until {@code helpdesk.outbox.max-attempts} (8), then FAILED (audited, listed by {@link #failed()}). Each failed
 * attempt publishes an {@link OutboxSendFailed} event; each queued message an {@link OutboxMessageQueued} event, on
 * which the channel's sender wakes up once the producer's transaction has committed.
 */
@Service
@Transactional
public class Outbox {

    /** Starts the error of a message that may have been sent although its sending was not confirmed. */
    public static final String UNCERTAIN = "Envoi incertain : ";

    /** The domain of the default support address, {@code support@mairie-connectee.local}. */
    static final String DEFAULT_MESSAGE_ID_DOMAIN = "mairie-connectee.local";

    private final JdbcClient jdbc;
    private final TicketingClock clock;
    private final AuditLog audit;
    private final OutboxProperties properties;
    private final ApplicationEventPublisher events;
    private final String messageIdDomain;

    /**
     * @param supportAddress {@code helpdesk.mail.address}: when {@code helpdesk.outbox.message-id-domain} is not
     *                       set, our Message-IDs use its domain, so that the Message-IDs of a deployment at
     *                       {@code support@example.fr} end with {@code @example.fr}
     */
    public Outbox(JdbcClient jdbc, TicketingClock clock, AuditLog audit, OutboxProperties properties,
                  ApplicationEventPublisher events, @Value("${helpdesk.mail.address:}") String supportAddress) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.properties = properties;
        this.events = events;
        this.messageIdDomain = properties.messageIdDomain() != null ? properties.messageIdDomain()
                : defaultMessageIdDomain(supportAddress);
    }

    /** The domain of the support address; the default address's when there is none. */
    static String defaultMessageIdDomain(String supportAddress) {
        String address = supportAddress == null ? "" : supportAddress.strip();
        int at = address.lastIndexOf('@');
        String domain = at < 0 ? "" : address.substring(at + 1).replaceAll("[>\\s]", "").toLowerCase(Locale.ROOT);
        return domain.isEmpty() ? DEFAULT_MESSAGE_ID_DOMAIN : domain;
    }

    /** The domain of our Message-IDs: mail carrying one is ours. */
    public String messageIdDomain() {
        return messageIdDomain;
    }

    /** A fresh Message-ID, without {@code <>}: {@code <uuid>@<messageIdDomain()>}. */
    public String newMessageId() {
        return UUID.randomUUID() + "@" + messageIdDomain;
    }

    /**
     * Queues a message, due now. E-mail recipients are validated and lower-cased; Telegram recipients must be a
     * chat id; an invalid recipient throws {@link IllegalArgumentException} before anything is written (the
     * caller's transaction stays usable).
     */
    @Transactional(noRollbackFor = IllegalArgumentException.class)
    public OutboxMessage enqueue(OutgoingMessage m) {
        String recipient = normalizeRecipient(m.channel(), m.recipient());
        Instant now = clock.now();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO outbox (channel, recipient, subject, text_body, html_body, message_id, in_reply_to,
                            references_header, automatic, ticket_id, subscription_id, status, attempts, next_attempt_at, created_at)
                        VALUES (:channel, :recipient, :subject, :text, :html, :messageId, :inReplyTo, :references, :automatic,
                            :ticket, :subscription, 'PENDING', 0, :now, :now)""")
                .param("channel", m.channel().name())
                .param("recipient", recipient)
                .param("subject", TextKeys.truncate(m.subject(), 998))
                .param("text", m.textBody())
                .param("html", m.htmlBody())
                .param("messageId", TextKeys.truncate(Tickets.normalizeMessageId(m.messageId()), 998))
                .param("inReplyTo", TextKeys.truncate(Tickets.normalizeMessageId(m.inReplyTo()), 998))
                .param("references", TextKeys.truncate(TextKeys.blankToNull(m.references()), 20000))
                .param("automatic", m.automatic())
                .param("ticket", m.ticketId())
                .param("subscription", m.subscriptionId())
                .param("now", Db.ts(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record("system", AuditLog.OUTBOX, id, "queued", m.channel().label() + " vers " + recipient
                + (m.automatic() ? " (automatique)" : "") + (m.ticketId() != null ? ", ticket n° " + m.ticketId() : "")
                + (m.subscriptionId() != null ? ", demande n° " + m.subscriptionId() : ""));
        events.publishEvent(new OutboxMessageQueued(id, m.channel()));
        return require(id);
    }

    /**
     * Reserves up to {@code max} due PENDING messages of a channel for the caller, oldest first. Safe with several
     * pollers, in one instance or several sharing the database: each message is handed to one of them only (until
     * its lease ends), and a poller never waits for another's claim.
     *
     * <p>A message whose last attempt {@linkplain #beginAttempt began} but never recorded its outcome was being sent
     * when a process died (or its lease ran out): it may have left. An e-mail is sent again with the same
     * Message-ID, which mail clients show once; the doubt is audited. A Telegram message has no such id, so it is
     * not sent again: it becomes FAILED with the doubt as its error, for staff to check the chat and retry it or not.
     */
    public List<OutboxMessage> claimDue(Channel channel, int max) {
        return claim(channel, max, false);
    }

    /**
     * Like {@link #claimDue}, keeping each recipient's messages in order: a message is due only when no older
     * message to the same recipient is still PENDING (waiting for a retry, or postponed), so a chat never gets a
     * later reply before an earlier one.
     */
    public List<OutboxMessage> claimDueInRecipientOrder(Channel channel, int max) {
        return claim(channel, max, true);
    }

    private List<OutboxMessage> claim(Channel channel, int max, boolean recipientOrder) {
        if (max <= 0) {
            return List.of();
        }
        Instant now = clock.now();
        String token = UUID.randomUUID().toString();
        List<Long> candidates = jdbc.sql("""
                        SELECT o.id FROM outbox o WHERE o.status = 'PENDING' AND o.channel = ? AND o.next_attempt_at <= ?
                            AND (o.claimed_until IS NULL OR o.claimed_until <= ?)"""
                        + (recipientOrder ? """
                             AND NOT EXISTS (SELECT 1 FROM outbox e WHERE e.channel = o.channel
                                AND e.recipient = o.recipient AND e.status = 'PENDING' AND e.id < o.id)""" : "")
                        // SKIP LOCKED: rows another sender (in this instance or another) is claiming at this moment
                        // are passed over, neither waited for nor taken twice; once this transaction commits, the
                        // lease keeps the claimed rows reserved while they are being sent
                        + " ORDER BY o.next_attempt_at, o.id LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(channel.name(), Db.ts(now), Db.ts(now), max)
                .query(Long.class).list();
        if (candidates.isEmpty()) {
            return List.of();
        }
        jdbc.sql("UPDATE outbox SET claimed_until = :until, claim_token = :token WHERE id IN (:ids)")
                .param("until", Db.ts(now.plus(properties.lease()))).param("token", token).param("ids", candidates)
                .update();
        List<OutboxMessage> claimed = jdbc.sql("""
                        SELECT * FROM outbox WHERE claim_token = ? AND status = 'PENDING' ORDER BY next_attempt_at, id""")
                .params(token).query(Outbox::map).list();
        return claimed.stream().filter(this::mayStillBeSent).toList();
    }

    private boolean mayStillBeSent(OutboxMessage m) {
        if (m.attemptStartedAt() == null) {
            return true;
        }
        String doubt = "Envoi interrompu le " + m.attemptStartedAt() + " (arrêt du helpdesk pendant l'envoi) : le message est peut-être parti.";
        if (m.channel() == Channel.EMAIL) {
            audit.record("system", AuditLog.OUTBOX, m.id(), "attempt.interrupted", doubt
                    + " Renvoyé avec le même Message-ID, que les messageries affichent une seule fois.");
            return true;
        }
        fail(m, m.attempts() + 1, UNCERTAIN + doubt, doubt + " Pas de nouvel envoi automatique : vérifiez la conversation "
                + "avant de le renvoyer.");
        return false;
    }

    /**
     * Records, in its own committed transaction, that an attempt to send this claimed message begins now: call it
     * just before handing the message to the channel. Cleared by the attempt's outcome.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void beginAttempt(long id) {
        jdbc.sql("UPDATE outbox SET attempt_started_at = ? WHERE id = ? AND status = 'PENDING'")
                .params(Db.ts(clock.now()), id).update();
    }

    /** Delivered: SENT with the channel's id for it. Idempotent for an already SENT message. */
    public OutboxMessage markSent(long id, String externalId) {
        OutboxMessage m = lock(id);
        if (m.status() == OutboxStatus.SENT) {
            return m;
        }
        jdbc.sql("""
                        UPDATE outbox SET status = 'SENT', sent_at = ?, external_id = ?, claimed_until = NULL, claim_token = NULL,
                            attempt_started_at = NULL
                        WHERE id = ?""")
                .params(Db.ts(clock.now()), TextKeys.truncate(externalId, 500), id).update();
        audit.record("system", AuditLog.OUTBOX, id, "sent", "Envoyé à " + m.recipient() + " (tentative n° "
                + (m.attempts() + 1) + (externalId == null ? "" : ", " + TextKeys.truncate(externalId, 200)) + ")");
        return require(id);
    }

    /**
     * A failed attempt: retried later with exponential backoff, or FAILED once the attempts are used up (audited).
     */
    public OutboxMessage markAttemptFailed(long id, String error) {
        OutboxMessage m = lock(id);
        if (m.status() != OutboxStatus.PENDING) {
            return m;
        }
        int attempts = m.attempts() + 1;
        Instant now = clock.now();
        if (attempts >= properties.maxAttempts()) {
            return fail(m, attempts, error, "Abandon après " + attempts + " tentative(s) : " + error);
        }
        Instant next = now.plus(backoff(attempts));
        jdbc.sql("""
                        UPDATE outbox SET attempts = ?, last_error = ?, next_attempt_at = ?, claimed_until = NULL, claim_token = NULL,
                            attempt_started_at = NULL
                        WHERE id = ?""")
                .params(attempts, TextKeys.truncate(error, 4000), Db.ts(next), id).update();
        audit.record("system", AuditLog.OUTBOX, id, "attempt.failed", "Tentative n° " + attempts + " échouée, nouvel essai à "
                + next + " : " + TextKeys.truncate(error, 300));
        events.publishEvent(new OutboxSendFailed(id, m.channel(), false));
        return require(id);
    }

    /**
     * The channel asked us to wait (Telegram's 429 {@code retry_after}): due again after exactly {@code wait}, without
     * using up an attempt, since nothing failed. Audited.
     */
    public OutboxMessage postpone(long id, Duration wait, String reason) {
        OutboxMessage m = lock(id);
        if (m.status() != OutboxStatus.PENDING) {
            return m;
        }
        Instant next = clock.now().plus(wait);
        jdbc.sql("""
                        UPDATE outbox SET last_error = ?, next_attempt_at = ?, claimed_until = NULL, claim_token = NULL,
                            attempt_started_at = NULL
                        WHERE id = ?""")
                .params(TextKeys.truncate(reason, 4000), Db.ts(next), id).update();
        audit.record("system", AuditLog.OUTBOX, id, "postponed", "Envoi repoussé à " + next + " : "
                + TextKeys.truncate(reason, 300));
        return require(id);
    }

    /** A permanent error (e.g. unknown mailbox, bot blocked by the user): FAILED at once, audited. */
    public OutboxMessage markFailedPermanently(long id, String error) {
        OutboxMessage m = lock(id);
        if (m.status() != OutboxStatus.PENDING) {
            return m;
        }
        return fail(m, m.attempts() + 1, error, "Erreur définitive : " + error);
    }

    /** Staff: send again as soon as possible (FAILED or waiting PENDING), with a fresh set of attempts. Audited. */
    public OutboxMessage retryNow(long id, String actor) {
        OutboxMessage m = lock(id);
        if (m.status() == OutboxStatus.SENT) {
            throw new IllegalStateException("Le message n° " + id + " a déjà été envoyé");
        }
        jdbc.sql("""
                        UPDATE outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?, claimed_until = NULL,
                            claim_token = NULL, attempt_started_at = NULL WHERE id = ?""")
                .params(Db.ts(clock.now()), id).update();
        audit.record(actor, AuditLog.OUTBOX, id, "retry", "Nouvel envoi demandé (était " + m.status().label()
                + ", " + m.attempts() + " tentative(s))");
        return require(id);
    }

    /** Number of PENDING messages of a channel (due or waiting for a retry). */
    @Transactional(readOnly = true)
    public long backlog(Channel channel) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE status = 'PENDING' AND channel = ?")
                .params(channel.name()).query(Long.class).single();
    }

    /** PENDING messages of a channel whose last attempt failed: the channel is retrying. */
    @Transactional(readOnly = true)
    public long retrying(Channel channel) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE status = 'PENDING' AND channel = ? AND attempts > 0")
                .params(channel.name()).query(Long.class).single();
    }

    /** FAILED messages, newest first, for staff. */
    @Transactional(readOnly = true)
    public List<OutboxMessage> failed() {
        return jdbc.sql("SELECT * FROM outbox WHERE status = 'FAILED' ORDER BY created_at DESC, id DESC")
                .query(Outbox::map).list();
    }

    /** The subscription request one of our messages with one of these Message-IDs was about (first match wins). */
    @Transactional(readOnly = true)
    public Optional<Long> subscriptionOfMessageIds(List<String> messageIds) {
        for (String messageId : messageIds) {
            String id = Tickets.normalizeMessageId(messageId);
            if (id == null) {
                continue;
            }
            Optional<Long> subscription = jdbc.sql("""
                            SELECT subscription_id FROM outbox WHERE message_id = ? AND subscription_id IS NOT NULL
                            ORDER BY id DESC LIMIT 1""")
                    .params(id).query(Long.class).optional();
            if (subscription.isPresent()) {
                return subscription;
            }
        }
        return Optional.empty();
    }

    /**
     * The ticket of the message we delivered to this recipient under the channel's id {@code externalId} (e.g. the
     * Telegram message a person replied to), if it was about one.
     */
    @Transactional(readOnly = true)
    public Optional<Long> ticketOfDelivered(Channel channel, String recipient, String externalId) {
        return jdbc.sql("""
                        SELECT ticket_id FROM outbox WHERE channel = ? AND recipient = ? AND external_id = ?
                            AND ticket_id IS NOT NULL ORDER BY id DESC LIMIT 1""")
                .params(channel.name(), recipient, externalId).query(Long.class).optional();
    }

    @Transactional(readOnly = true)
    public Optional<OutboxMessage> byId(long id) {
        return jdbc.sql("SELECT * FROM outbox WHERE id = ?").params(id).query(Outbox::map).optional();
    }

    /** Messages queued for a ticket, oldest first. */
    @Transactional(readOnly = true)
    public List<OutboxMessage> ofTicket(long ticketId) {
        return jdbc.sql("SELECT * FROM outbox WHERE ticket_id = ? ORDER BY created_at, id")
                .params(ticketId).query(Outbox::map).list();
    }

    /** Automatic messages queued for this recipient since that instant (whatever their status). */
    @Transactional(readOnly = true)
    public long automaticRepliesSince(String recipient, Instant since) {
        String r = TextKeys.blankToNull(recipient);
        if (r == null) {
            return 0;
        }
        if (r.contains("@")) {
            try {
                r = Contacts.normalizeEmail(r);
            } catch (IllegalArgumentException invalid) {
                r = r.toLowerCase(Locale.ROOT);
            }
        }
        return jdbc.sql("SELECT COUNT(*) FROM outbox WHERE recipient = ? AND automatic = TRUE AND created_at >= ?")
                .params(r, Db.ts(since)).query(Long.class).single();
    }

    /**
     * Whether one more automatic reply may go to this recipient: fewer than {@code helpdesk.outbox.auto-reply-limit}
     * (3) within {@code helpdesk.outbox.auto-reply-window} (1 h). Stops mail loops with other robots.
     */
    @Transactional(readOnly = true)
    public boolean mayAutoReply(String recipient) {
        return automaticRepliesSince(recipient, clock.now().minus(properties.autoReplyWindow())) < properties.autoReplyLimit();
    }

    /** Wait before the next attempt after {@code failedAttempts} failures. */
    Duration backoff(int failedAttempts) {
        List<Duration> steps = properties.backoff();
        return steps.get(Math.min(failedAttempts, steps.size()) - 1);
    }

    private OutboxMessage fail(OutboxMessage m, int attempts, String error, String details) {
        jdbc.sql("""
                        UPDATE outbox SET status = 'FAILED', attempts = ?, last_error = ?, claimed_until = NULL, claim_token = NULL,
                            attempt_started_at = NULL
                        WHERE id = ?""")
                .params(attempts, TextKeys.truncate(error, 4000), m.id()).update();
        audit.record("system", AuditLog.OUTBOX, m.id(), "failed",
                TextKeys.truncate(m.channel().label() + " vers " + m.recipient() + " — " + details, 4000));
        events.publishEvent(new OutboxSendFailed(m.id(), m.channel(), true));
        return require(m.id());
    }

    private static String normalizeRecipient(Channel channel, String recipient) {
        return switch (channel) {
            case EMAIL -> Contacts.normalizeEmail(recipient);
            case TELEGRAM -> {
                String r = recipient.strip();
                if (!r.matches("-?\\d{1,20}")) {
                    throw new IllegalArgumentException("Identifiant de conversation Telegram invalide : « " + recipient + " »");
                }
                yield r;
            }
            case WEB -> {
                String r = TextKeys.blankToNull(recipient);
                if (r == null) {
                    throw new IllegalArgumentException("Destinataire manquant");
                }
                yield TextKeys.truncate(r, 320);
            }
        };
    }

    private OutboxMessage lock(long id) {
        return jdbc.sql("SELECT * FROM outbox WHERE id = ? FOR UPDATE").params(id).query(Outbox::map).optional()
                .orElseThrow(() -> new NotFoundException("Message sortant n° " + id + " introuvable"));
    }

    private OutboxMessage require(long id) {
        return byId(id).orElseThrow(() -> new NotFoundException("Message sortant n° " + id + " introuvable"));
    }

    static OutboxMessage map(ResultSet rs, int rowNum) throws SQLException {
        return new OutboxMessage(rs.getLong("id"), Channel.valueOf(rs.getString("channel")), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"), rs.getString("message_id"),
                rs.getString("in_reply_to"), rs.getString("references_header"), rs.getBoolean("automatic"),
                Db.nullableLong(rs, "ticket_id"), Db.nullableLong(rs, "subscription_id"),
                OutboxStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), Db.instant(rs, "next_attempt_at"),
                rs.getString("last_error"), Db.instant(rs, "created_at"), Db.instant(rs, "sent_at"),
                rs.getString("external_id"), Db.instant(rs, "attempt_started_at"));
    }
}
