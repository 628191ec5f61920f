package fr.sommenumerique.helpdesk.ticketing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.sommenumerique.helpdesk.assistant.Priority;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;
import fr.sommenumerique.helpdesk.ticketing.internal.Db;
import fr.sommenumerique.helpdesk.ticketing.internal.ReferenceGenerator;
import fr.sommenumerique.helpdesk.ticketing.internal.TextKeys;
import fr.sommenumerique.helpdesk.ticketing.internal.TicketingClock;

/**
 * Tickets and their messages. Every change of a ticket is audited ({@link AuditLog#of AuditLog.of("ticket", id)}).
 *
 * <p>Status rules: an inbound message puts a PENDING or RESOLVED ticket back to OPEN and is refused on a CLOSED
 * one ({@link TicketClosedException}: open a linked ticket or {@link #reopen}); RESOLVED sets the resolved time,
 * CLOSED the closed time (and the resolved time when missing); back to an active status clears both.
 *
 * <p>First response: only a non-automatic OUTBOUND message (a hand-written staff reply) counts, at the time it is
 * added; automatic answers and acknowledgements of the assistant do not stop the first-response clock. Such a
 * reply also moves a NEW ticket to OPEN. {@link #recordFirstResponse} records one given another way (phone…).
 *
 * <p>Messages added to a merged ticket go to the ticket it was merged into.
 */
@Service
@Transactional
public class Tickets {

    /** Author of automatic answers. */
    public static final String ASSISTANT = "assistant";
    public static final String SYSTEM = "system";
    public static final String REFERENCE_PREFIX = "MC";

    private static final Pattern REFERENCE = Pattern.compile("(?i)\\s*MC-\\d{4}-\\d{5,}\\s*");
    private static final Pattern PARTIAL_REFERENCE = Pattern.compile("(?i)\\s*MC-(\\d{1,4}(-\\d{0,5})?)?\\s*");
    private static final int PREVIEW_CHARS = 400;
    private static final int SEARCH_KEY_LIMIT = 200_000;
    private static final int MAX_MERGE_HOPS = 50;

    private final JdbcClient jdbc;
    private final TicketingClock clock;
    private final AuditLog audit;
    private final SlaPolicy sla;
    private final BusinessCalendar calendar;
    private final ReferenceGenerator references;
    private final Contacts contacts;
    private final Communes communes;

    public Tickets(JdbcClient jdbc, TicketingClock clock, AuditLog audit, SlaPolicy sla, BusinessCalendar calendar,
                   ReferenceGenerator references, Contacts contacts, Communes communes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.sla = sla;
        this.calendar = calendar;
        this.references = references;
        this.contacts = contacts;
        this.communes = communes;
    }

    /** Message-IDs are stored without angle brackets; null when blank. */
    public static String normalizeMessageId(String messageId) {
        String id = TextKeys.blankToNull(messageId);
        if (id == null) {
            return null;
        }
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1).strip();
        }
        return id.isEmpty() ? null : id;
    }

    // ---------------------------------------------------------------- opening and messages

    /**
     * Opens a ticket: next MC-YYYY-NNNNN reference (year in the calendar's zone), status NEW, first-response and
     * resolution due times from {@link SlaPolicy}, the optional first message as INBOUND from the requester.
     */
    public Ticket open(NewTicket t) {
        Contact requester = contacts.require(t.requesterId());
        String commune = checkCommune(t.communeInsee());
        if (t.linkedTicketId() != null) {
            require(t.linkedTicketId());
        }
        Instant now = clock.now();
        String subject = TextKeys.blankToNull(t.subject());
        subject = subject == null ? "(sans objet)" : TextKeys.truncate(subject, 500);
        String reference = references.next(REFERENCE_PREFIX, LocalDate.ofInstant(now, calendar.zone()).getYear());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO tickets (reference, subject, subject_key, status, priority, service, channel, requester_id,
                            commune_insee, created_at, updated_at, first_response_due, resolution_due, linked_ticket_id,
                            last_inbound_at)
                        VALUES (:reference, :subject, :subjectKey, 'NEW', :priority, :service, :channel, :requester,
                            :commune, :now, :now, :frDue, :resDue, :linked, :lastInbound)""")
                .param("reference", reference)
                .param("subject", subject)
                .param("subjectKey", TextKeys.truncate(TextKeys.key(subject), 500))
                .param("priority", t.priority().name())
                .param("service", Db.name(t.service()))
                .param("channel", t.channel().name())
                .param("requester", requester.id())
                .param("commune", commune)
                .param("now", Db.ts(now))
                .param("frDue", Db.ts(sla.firstResponseDue(t.priority(), now)))
                .param("resDue", Db.ts(sla.resolutionDue(t.priority(), now)))
                .param("linked", t.linkedTicketId())
                .param("lastInbound", t.firstMessage() == null ? null : Db.ts(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        String actor = t.openedBy() != null ? t.openedBy() : AuditLog.contactActor(requester.id());
        String linked = t.linkedTicketId() == null ? "" : ", suite du ticket " + require(t.linkedTicketId()).reference();
        audit.record(actor, AuditLog.TICKET, id, "created", "Ticket " + reference + " ouvert (canal " + t.channel().label()
                + ", priorité " + t.priority().label() + linked + ")");
        if (t.firstMessage() != null) {
            insertMessage(id, MessageDirection.INBOUND, requester.id(), requester.label(), t.firstMessage(), now);
        }
        return require(id);
    }

    /**
     * Adds a message from the requester (or another contact). PENDING or RESOLVED → OPEN.
     *
     * @throws TicketClosedException when the ticket is CLOSED (nothing written; the caller's transaction stays
     *                               usable, e.g. to open a linked ticket)
     */
    @Transactional(noRollbackFor = TicketClosedException.class)
    public TicketMessage addInbound(long ticketId, long contactId, NewMessage message) {
        Ticket ticket = lockFollowingMerges(ticketId);
        if (ticket.status() == TicketStatus.CLOSED) {
            throw new TicketClosedException(ticket.id(), ticket.reference());
        }
        Contact author = contacts.require(contactId);
        Instant now = clock.now();
        long messageId = insertMessage(ticket.id(), MessageDirection.INBOUND, author.id(), author.label(), message, now);
        jdbc.sql("UPDATE tickets SET last_inbound_at = ?, updated_at = ? WHERE id = ?")
                .params(Db.ts(now), Db.ts(now), ticket.id()).update();
        if (ticket.status() == TicketStatus.PENDING || ticket.status() == TicketStatus.RESOLVED) {
            setStatus(ticket, TicketStatus.OPEN, AuditLog.contactActor(author.id()), "status.changed", now,
                    " (nouveau message du demandeur)");
        }
        return message(messageId).orElseThrow();
    }

    /**
     * Adds a reply sent to the requester. {@code author}: a staff username or {@link #ASSISTANT}. A non-automatic
     * reply is the first response when there was none yet, and moves a NEW ticket to OPEN.
     */
    public TicketMessage addOutbound(long ticketId, String author, NewMessage message) {
        String who = requireAuthor(author);
        Ticket ticket = lockFollowingMerges(ticketId);
        Instant now = clock.now();
        long messageId = insertMessage(ticket.id(), MessageDirection.OUTBOUND, null, who, message, now);
        jdbc.sql("UPDATE tickets SET updated_at = ? WHERE id = ?").params(Db.ts(now), ticket.id()).update();
        if (!message.automatic()) {
            if (ticket.firstResponseAt() == null) {
                jdbc.sql("UPDATE tickets SET first_response_at = ? WHERE id = ?").params(Db.ts(now), ticket.id()).update();
                audit.record(who, AuditLog.TICKET, ticket.id(), "first-response", "Première réponse envoyée par " + who);
            }
            if (ticket.status() == TicketStatus.NEW) {
                setStatus(ticket, TicketStatus.OPEN, who, "status.changed", now, " (réponse envoyée)");
            }
        }
        return message(messageId).orElseThrow();
    }

    /** Adds an internal note (never sent). */
    public TicketMessage addNote(long ticketId, String author, String text) {
        return addNote(ticketId, author, text, List.of());
    }

    /** Adds an internal note (never sent) carrying files, such as the parts of a delivery report. */
    public TicketMessage addNote(long ticketId, String author, String text, List<NewAttachment> attachments) {
        String who = requireAuthor(author);
        Ticket ticket = lockFollowingMerges(ticketId);
        Instant now = clock.now();
        long messageId = insertMessage(ticket.id(), MessageDirection.NOTE, null, who,
                NewMessage.of(Channel.WEB, text).withAttachments(attachments), now);
        jdbc.sql("UPDATE tickets SET updated_at = ? WHERE id = ?").params(Db.ts(now), ticket.id()).update();
        return message(messageId).orElseThrow();
    }

    /**
     * Replaces the text of the message with that external reference (an edited Telegram message) and records the
     * edit time; the HTML version, if any, is dropped. Empty when no message has that reference.
     */
    public Optional<TicketMessage> updateMessageText(String externalRef, String newText) {
        Optional<TicketMessage> existing = messageByExternalRef(externalRef);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        TicketMessage m = existing.get();
        Instant now = clock.now();
        String text = newText == null ? "" : newText;
        jdbc.sql("UPDATE ticket_messages SET body = ?, body_key = ?, html = NULL, edited_at = ? WHERE id = ?")
                .params(text, TextKeys.truncate(TextKeys.key(text), SEARCH_KEY_LIMIT), Db.ts(now), m.id()).update();
        jdbc.sql("UPDATE tickets SET updated_at = ? WHERE id = ?").params(Db.ts(now), m.ticketId()).update();
        audit.record(m.authorContactId() != null ? AuditLog.contactActor(m.authorContactId()) : m.author(),
                AuditLog.TICKET, m.ticketId(), "message.edited", "Message n° " + m.id() + " modifié par son auteur");
        return message(m.id());
    }

    // ---------------------------------------------------------------- lookups

    @Transactional(readOnly = true)
    public Optional<Ticket> findById(long id) {
        return jdbc.sql("SELECT * FROM tickets WHERE id = ?").params(id).query(Tickets::mapTicket).optional();
    }

    @Transactional(readOnly = true)
    public Optional<Ticket> findByReference(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM tickets WHERE reference = ?").params(reference.strip().toUpperCase(Locale.ROOT))
                .query(Tickets::mapTicket).optional();
    }

    /**
     * The ticket holding a message with that Message-ID (with or without {@code <>}). A Message-ID may be shared
     * (clients that reuse one for different mails): our own message wins, since we never reuse ours; then an
     * active ticket; then the most recent message.
     */
    @Transactional(readOnly = true)
    public Optional<Ticket> findByEmailMessageId(String messageId) {
        String id = normalizeMessageId(messageId);
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT t.* FROM tickets t JOIN ticket_messages m ON m.ticket_id = t.id WHERE m.email_message_id = ?
                        ORDER BY CASE WHEN m.direction = 'OUTBOUND' THEN 0 ELSE 1 END,
                                 CASE WHEN t.status IN ('NEW', 'OPEN', 'PENDING') THEN 0 ELSE 1 END,
                                 m.created_at DESC, m.id DESC
                        LIMIT 1""")
                .params(id).query(Tickets::mapTicket).optional();
    }

    /** The first of these Message-IDs (e.g. In-Reply-To, then References from the last) that belongs to a ticket. */
    @Transactional(readOnly = true)
    public Optional<Ticket> findByEmailMessageIds(List<String> messageIds) {
        for (String id : messageIds) {
            Optional<Ticket> t = findByEmailMessageId(id);
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }

    /** The ticket a merged ticket ended up in (itself when not merged). */
    @Transactional(readOnly = true)
    public Optional<Ticket> resolveMerged(long ticketId) {
        Optional<Ticket> t = findById(ticketId);
        for (int hops = 0; t.isPresent() && t.get().mergedIntoId() != null && hops < MAX_MERGE_HOPS; hops++) {
            t = findById(t.get().mergedIntoId());
        }
        return t;
    }

    @Transactional(readOnly = true)
    public Optional<TicketMessage> message(long messageId) {
        return jdbc.sql("SELECT * FROM ticket_messages WHERE id = ?").params(messageId)
                .query((rs, n) -> mapMessage(rs, attachmentsOfMessage(rs.getLong("id")))).optional();
    }

    @Transactional(readOnly = true)
    public Optional<TicketMessage> messageByExternalRef(String externalRef) {
        String ref = TextKeys.blankToNull(externalRef);
        if (ref == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id FROM ticket_messages WHERE external_ref = ?").params(ref).query(Long.class).optional()
                .flatMap(this::message);
    }

    /** Messages of a ticket (including those moved in by merges), oldest first, with attachment metadata. */
    @Transactional(readOnly = true)
    public List<TicketMessage> messages(long ticketId) {
        Map<Long, List<AttachmentInfo>> attachments = new HashMap<>();
        jdbc.sql("""
                        SELECT a.id, a.message_id, a.filename, a.content_type, a.size_bytes, a.content_id, a.inline_part
                        FROM ticket_attachments a JOIN ticket_messages m ON m.id = a.message_id
                        WHERE m.ticket_id = ? ORDER BY a.id""")
                .params(ticketId)
                .query(Tickets::mapAttachment).list()
                .forEach(a -> attachments.computeIfAbsent(a.messageId(), k -> new ArrayList<>()).add(a));
        return jdbc.sql("SELECT * FROM ticket_messages WHERE ticket_id = ? ORDER BY created_at, id").params(ticketId)
                .query((rs, n) -> mapMessage(rs, attachments.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    @Transactional(readOnly = true)
    public Optional<Attachment> attachment(long attachmentId) {
        return jdbc.sql("SELECT * FROM ticket_attachments WHERE id = ?").params(attachmentId)
                .query((rs, n) -> new Attachment(mapAttachment(rs, n), rs.getBytes("data"))).optional();
    }

    /** Active (NEW, OPEN, PENDING) tickets of a requester, most recently updated first. */
    @Transactional(readOnly = true)
    public List<Ticket> openTicketsOf(long contactId) {
        return jdbc.sql("""
                        SELECT * FROM tickets WHERE requester_id = ? AND status IN ('NEW', 'OPEN', 'PENDING')
                        ORDER BY updated_at DESC, id DESC""")
                .params(contactId).query(Tickets::mapTicket).list();
    }

    @Transactional(readOnly = true)
    public Optional<Ticket> lastOpenTicketOf(long contactId) {
        return openTicketsOf(contactId).stream().findFirst();
    }

    /** All tickets of a requester, newest first. */
    @Transactional(readOnly = true)
    public List<Ticket> ticketsOf(long contactId) {
        return jdbc.sql("SELECT * FROM tickets WHERE requester_id = ? ORDER BY created_at DESC, id DESC")
                .params(contactId).query(Tickets::mapTicket).list();
    }

    // ---------------------------------------------------------------- staff changes

    public Ticket changeStatus(long ticketId, TicketStatus status, String actor) {
        Objects.requireNonNull(status, "status");
        Ticket t = lockChangeable(ticketId);
        if (t.status() != status) {
            setStatus(t, status, actor, "status.changed", clock.now(), "");
        }
        return require(ticketId);
    }

    /** RESOLVED or CLOSED → OPEN (no change for an active ticket). */
    public Ticket reopen(long ticketId, String actor) {
        Ticket t = lockChangeable(ticketId);
        if (!t.isActive()) {
            setStatus(t, TicketStatus.OPEN, actor, "reopened", clock.now(), "");
        }
        return require(ticketId);
    }

    /** Changes the priority and recomputes both due times from the creation time. */
    public Ticket changePriority(long ticketId, Priority priority, String actor) {
        Objects.requireNonNull(priority, "priority");
        Ticket t = lockChangeable(ticketId);
        if (t.priority() != priority) {
            jdbc.sql("UPDATE tickets SET priority = ?, first_response_due = ?, resolution_due = ?, updated_at = ? WHERE id = ?")
                    .params(priority.name(), Db.ts(sla.firstResponseDue(priority, t.createdAt())),
                            Db.ts(sla.resolutionDue(priority, t.createdAt())), Db.ts(clock.now()), ticketId)
                    .update();
            audit.record(actor, AuditLog.TICKET, ticketId, "priority.changed",
                    "Priorité : " + t.priority().label() + " → " + priority.label());
        }
        return require(ticketId);
    }

    /** Sets the service area (null: unclassified). */
    public Ticket changeService(long ticketId, ServiceArea service, String actor) {
        Ticket t = lockChangeable(ticketId);
        if (t.service() != service) {
            jdbc.sql("UPDATE tickets SET service = ?, updated_at = ? WHERE id = ?")
                    .params(Db.name(service), Db.ts(clock.now()), ticketId).update();
            audit.record(actor, AuditLog.TICKET, ticketId, "service.changed",
                    "Service : " + serviceLabel(t.service()) + " → " + serviceLabel(service));
        }
        return require(ticketId);
    }

    /** Sets the commune (null: unknown). */
    public Ticket changeCommune(long ticketId, String inseeCode, String actor) {
        String code = checkCommune(inseeCode);
        Ticket t = lockChangeable(ticketId);
        if (!Objects.equals(t.communeInsee(), code)) {
            jdbc.sql("UPDATE tickets SET commune_insee = ?, updated_at = ? WHERE id = ?")
                    .params(code, Db.ts(clock.now()), ticketId).update();
            audit.record(actor, AuditLog.TICKET, ticketId, "commune.changed",
                    "Commune : " + communeLabel(t.communeInsee()) + " → " + communeLabel(code));
        }
        return require(ticketId);
    }

    /** Assigns to a staff username (null or blank: unassigns). */
    public Ticket assign(long ticketId, String assignee, String actor) {
        String who = TextKeys.truncate(TextKeys.blankToNull(assignee), 100);
        Ticket t = lockChangeable(ticketId);
        if (!Objects.equals(t.assignee(), who)) {
            jdbc.sql("UPDATE tickets SET assignee = ?, updated_at = ? WHERE id = ?")
                    .params(who, Db.ts(clock.now()), ticketId).update();
            audit.record(actor, AuditLog.TICKET, ticketId, "assigned", who == null
                    ? "Attribution retirée (était " + t.assignee() + ")"
                    : "Attribué à " + who + (t.assignee() == null ? "" : " (était " + t.assignee() + ")"));
        }
        return require(ticketId);
    }

    /**
     * Gives the ticket another requester (e.g. a Telegram-only contact turned out to be a known e-mail contact),
     * with a note on the ticket. Audited.
     */
    public Ticket changeRequester(long ticketId, long contactId, String actor) {
        Contact requester = contacts.require(contactId);
        Ticket t = lock(ticketId);
        if (t.requesterId() == requester.id()) {
            return t;
        }
        String before = contacts.byId(t.requesterId()).map(Contact::label).orElse("contact n° " + t.requesterId());
        Instant now = clock.now();
        jdbc.sql("UPDATE tickets SET requester_id = ?, updated_at = ? WHERE id = ?")
                .params(requester.id(), Db.ts(now), ticketId).update();
        String who = AuditLog.actorOrSystem(actor);
        String details = "Demandeur : " + before + " (n° " + t.requesterId() + ") → " + requester.label() + " (n° "
                + requester.id() + ")";
        insertMessage(ticketId, MessageDirection.NOTE, null, who, NewMessage.of(Channel.WEB, details + "."), now);
        audit.record(who, AuditLog.TICKET, ticketId, "requester.changed", details);
        return require(ticketId);
    }

    /** Records a first response given outside the ticket (e.g. by phone); keeps an earlier one. */
    public Ticket recordFirstResponse(long ticketId, Instant at, String actor) {
        Ticket t = lock(ticketId);
        Instant when = at == null ? clock.now() : at;
        if (t.firstResponseAt() == null || when.isBefore(t.firstResponseAt())) {
            jdbc.sql("UPDATE tickets SET first_response_at = ?, updated_at = ? WHERE id = ?")
                    .params(Db.ts(when), Db.ts(clock.now()), ticketId).update();
            audit.record(actor, AuditLog.TICKET, ticketId, "first-response", "Première réponse enregistrée (" + when + ")");
        }
        return require(ticketId);
    }

    /**
     * Merges {@code sourceId} into {@code targetId}: the source's messages move to the target (keeping
     * {@link TicketMessage#mergedFromTicketId}), the source becomes CLOSED with {@code mergedIntoId} set, a note is
     * left on both and both are audited. Later messages for the source go to the target.
     */
    public Ticket merge(long sourceId, long targetId, String actor) {
        if (sourceId == targetId) {
            throw new IllegalArgumentException("Un ticket ne peut pas être fusionné avec lui-même");
        }
        // lock in id order so that two opposite merges cannot deadlock
        Ticket first = lock(Math.min(sourceId, targetId));
        Ticket second = lock(Math.max(sourceId, targetId));
        Ticket source = first.id() == sourceId ? first : second;
        Ticket target = first.id() == targetId ? first : second;
        if (source.isMerged()) {
            throw new IllegalStateException("Le ticket " + source.reference() + " a déjà été fusionné");
        }
        if (target.isMerged()) {
            throw new IllegalStateException("Le ticket " + target.reference() + " a été fusionné : choisissez le ticket qui l'a reçu");
        }
        if (target.status() == TicketStatus.CLOSED) {
            throw new IllegalStateException("Impossible de fusionner dans le ticket clos " + target.reference());
        }
        Instant now = clock.now();
        int moved = jdbc.sql("""
                        UPDATE ticket_messages SET ticket_id = :target,
                            merged_from_ticket_id = COALESCE(merged_from_ticket_id, :source)
                        WHERE ticket_id = :source""")
                .param("target", targetId).param("source", sourceId).update();
        Instant lastInbound = latest(source.lastInboundAt(), target.lastInboundAt());
        jdbc.sql("UPDATE tickets SET last_inbound_at = ?, updated_at = ? WHERE id = ?")
                .params(Db.ts(lastInbound), Db.ts(now), targetId).update();
        jdbc.sql("UPDATE tickets SET status = 'CLOSED', closed_at = ?, merged_into_id = ?, updated_at = ? WHERE id = ?")
                .params(Db.ts(now), targetId, Db.ts(now), sourceId).update();
        String who = AuditLog.actorOrSystem(actor);
        insertMessage(targetId, MessageDirection.NOTE, null, who, NewMessage.of(Channel.WEB,
                "Ticket " + source.reference() + " fusionné dans ce ticket (" + moved + " message(s) repris)."), now);
        insertMessage(sourceId, MessageDirection.NOTE, null, who, NewMessage.of(Channel.WEB,
                "Ticket fusionné dans " + target.reference() + "."), now);
        audit.record(who, AuditLog.TICKET, sourceId, "merged.into", "Fusionné dans " + target.reference()
                + " (statut " + source.status().label() + " → " + TicketStatus.CLOSED.label() + ")");
        audit.record(who, AuditLog.TICKET, targetId, "merged.from", "A reçu le ticket " + source.reference()
                + " (" + moved + " message(s))");
        return require(targetId);
    }

    // ---------------------------------------------------------------- queue

    /** The staff queue: filters, text search, order and pagination. */
    @Transactional(readOnly = true)
    public Page<TicketSummary> search(TicketQuery q) {
        Instant now = clock.now();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("now", Db.ts(now));
        if (!q.statuses().isEmpty()) {
            where.append(" AND t.status IN (:statuses)");
            params.put("statuses", q.statuses().stream().map(Enum::name).toList());
        }
        if (q.service() != null) {
            where.append(" AND t.service = :service");
            params.put("service", q.service().name());
        }
        if (q.priority() != null) {
            where.append(" AND t.priority = :priority");
            params.put("priority", q.priority().name());
        }
        if (q.communeInsee() != null) {
            where.append(" AND t.commune_insee = :commune");
            params.put("commune", q.communeInsee());
        }
        if (q.channel() != null) {
            where.append(" AND t.channel = :channel");
            params.put("channel", q.channel().name());
        }
        if (q.unassignedOnly()) {
            where.append(" AND t.assignee IS NULL");
        } else if (q.assignee() != null) {
            where.append(" AND t.assignee = :assignee");
            params.put("assignee", q.assignee());
        }
        if (q.requesterId() != null) {
            where.append(" AND t.requester_id = :requester");
            params.put("requester", q.requesterId());
        }
        if (q.overdueOnly()) {
            where.append(" AND t.status IN ('NEW', 'OPEN', 'PENDING') AND ((t.first_response_at IS NULL"
                    + " AND t.first_response_due < :now) OR t.resolution_due < :now)");
        }
        String text = TextKeys.blankToNull(q.text());
        if (text != null && REFERENCE.matcher(text).matches()) {
            where.append(" AND t.reference = :reference");
            params.put("reference", text.strip().toUpperCase(Locale.ROOT));
        } else if (text != null && PARTIAL_REFERENCE.matcher(text).matches()) {
            // « MC-2026-0004 »: the references that start so, never every ticket that mentions « mc » and « 2026 »
            where.append(" AND t.reference LIKE :reference ESCAPE '\\'");
            params.put("reference", likeEscaped(text.strip().toUpperCase(Locale.ROOT)) + "%");
        } else if (text != null) {
            String[] words = TextKeys.key(text).split(" ");
            boolean any = false;
            for (int i = 0; i < words.length; i++) {
                if (words[i].isEmpty()) {
                    continue;
                }
                any = true;
                String p = "w" + i;
                // automatic answers are left out: their wording (and the reference they repeat) is in every ticket
                where.append(" AND (t.subject_key LIKE :").append(p).append(" ESCAPE '\\'")
                        .append(" OR c.email LIKE :").append(p).append(" ESCAPE '\\'")
                        .append(" OR c.name_key LIKE :").append(p).append(" ESCAPE '\\'")
                        .append(" OR cm.name_key LIKE :").append(p).append(" ESCAPE '\\'")
                        .append(" OR EXISTS (SELECT 1 FROM ticket_messages m WHERE m.ticket_id = t.id")
                        .append(" AND m.automatic = FALSE AND m.body_key LIKE :").append(p).append(" ESCAPE '\\'))");
                params.put(p, "%" + likeEscaped(words[i]) + "%");
            }
            if (!any) {
                where.append(" AND 1 = 0"); // « % » or « _ » alone: nothing to look for, so nothing found
            }
        }
        String from = " FROM tickets t JOIN contacts c ON c.id = t.requester_id LEFT JOIN communes cm ON cm.insee_code = t.commune_insee";
        long total = jdbc.sql("SELECT COUNT(*)" + from + where).params(params).query(Long.class).single();
        // the last message the requester or staff wrote (notes are internal, the assistant's answers say nothing
        // new), for the preview and who is waiting
        String lastMessage = " LEFT JOIN ticket_messages lm ON lm.id = (SELECT MAX(m2.id) FROM ticket_messages m2"
                + " WHERE m2.ticket_id = t.id AND m2.direction <> 'NOTE' AND m2.automatic = FALSE)";
        String direction = q.descending() ? " DESC" : " ASC";
        String order = switch (q.sort()) {
            case CREATED -> "t.created_at" + direction;
            case UPDATED -> "t.updated_at" + direction;
            case PRIORITY -> "CASE t.priority WHEN 'URGENT' THEN 4 WHEN 'HIGH' THEN 3 WHEN 'NORMAL' THEN 2 ELSE 1 END"
                    + direction + ", t.created_at ASC";
            case DUE -> "CASE WHEN t.first_response_at IS NULL THEN LEAST(t.first_response_due, t.resolution_due)"
                    + " ELSE t.resolution_due END" + direction;
        };
        params.put("limit", q.size());
        params.put("offset", (long) q.page() * q.size());
        List<TicketSummary> items = jdbc.sql("""
                        SELECT t.*, cm.name AS commune_name, c.display_name AS requester_name, c.email AS requester_email,
                               c.telegram_chat_id AS requester_chat, c.role AS requester_role,
                               (SELECT COUNT(*) FROM ticket_messages m WHERE m.ticket_id = t.id) AS message_count,
                               lm.direction AS last_direction,
                               SUBSTRING(lm.body FROM 1 FOR %d) AS last_text""".formatted(PREVIEW_CHARS)
                        + from + lastMessage + where + " ORDER BY " + order + ", t.id" + direction + " LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> {
                    Ticket t = mapTicket(rs, n);
                    String label = rs.getString("requester_name");
                    if (label == null) {
                        label = rs.getString("requester_email");
                    }
                    if (label == null) {
                        label = "Telegram " + rs.getLong("requester_chat");
                    }
                    return new TicketSummary(t.id(), t.reference(), t.subject(), t.status(), t.priority(), t.service(),
                            t.channel(), t.communeInsee(), rs.getString("commune_name"), t.requesterId(), label,
                            rs.getString("requester_email"), t.assignee(), t.createdAt(), t.updatedAt(),
                            t.firstResponseDue(), t.resolutionDue(), t.firstResponseAt(), t.lastInboundAt(),
                            t.overdue(now), rs.getInt("message_count"), rs.getString("requester_role"),
                            rs.getString("last_direction") == null ? null : MessageDirection.valueOf(rs.getString("last_direction")),
                            rs.getString("last_text"));
                })
                .list();
        return new Page<>(items, q.page(), q.size(), total);
    }

    // ---------------------------------------------------------------- internals

    /** For LIKE … ESCAPE '\\': the text matches itself only. */
    static String likeEscaped(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    Ticket require(long ticketId) {
        return findById(ticketId).orElseThrow(() -> new NotFoundException("Ticket n° " + ticketId + " introuvable"));
    }

    private Ticket lock(long ticketId) {
        return jdbc.sql("SELECT * FROM tickets WHERE id = ? FOR UPDATE").params(ticketId).query(Tickets::mapTicket)
                .optional().orElseThrow(() -> new NotFoundException("Ticket n° " + ticketId + " introuvable"));
    }

    private Ticket lockFollowingMerges(long ticketId) {
        Ticket t = lock(ticketId);
        for (int hops = 0; t.mergedIntoId() != null; hops++) {
            if (hops >= MAX_MERGE_HOPS) {
                throw new IllegalStateException("Chaîne de fusions trop longue depuis le ticket n° " + ticketId);
            }
            t = lock(t.mergedIntoId());
        }
        return t;
    }

    private Ticket lockChangeable(long ticketId) {
        Ticket t = lock(ticketId);
        if (t.isMerged()) {
            String target = findById(t.mergedIntoId()).map(Ticket::reference).orElse("?");
            throw new IllegalStateException("Le ticket " + t.reference() + " a été fusionné dans " + target);
        }
        return t;
    }

    private void setStatus(Ticket t, TicketStatus status, String actor, String action, Instant now, String why) {
        Instant resolvedAt;
        Instant closedAt;
        switch (status) {
            case RESOLVED -> {
                resolvedAt = now;
                closedAt = null;
            }
            case CLOSED -> {
                resolvedAt = t.resolvedAt() != null ? t.resolvedAt() : now;
                closedAt = now;
            }
            default -> {
                resolvedAt = null;
                closedAt = null;
            }
        }
        jdbc.sql("UPDATE tickets SET status = ?, resolved_at = ?, closed_at = ?, updated_at = ? WHERE id = ?")
                .params(status.name(), Db.ts(resolvedAt), Db.ts(closedAt), Db.ts(now), t.id()).update();
        audit.record(actor, AuditLog.TICKET, t.id(), action,
                "Statut : " + t.status().label() + " → " + status.label() + why);
    }

    private long insertMessage(long ticketId, MessageDirection direction, Long contactId, String author,
                               NewMessage m, Instant now) {
        String emailId = normalizeMessageId(m.emailMessageId());
        String externalRef = TextKeys.blankToNull(m.externalRef());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                            INSERT INTO ticket_messages (ticket_id, direction, channel, author_contact_id, author, body, body_key,
                                html, email_message_id, in_reply_to, external_ref, created_at, automatic)
                            VALUES (:ticket, :direction, :channel, :contact, :author, :body, :bodyKey, :html, :emailId,
                                :inReplyTo, :externalRef, :now, :automatic)""")
                    .param("ticket", ticketId)
                    .param("direction", direction.name())
                    .param("channel", m.channel().name())
                    .param("contact", contactId)
                    .param("author", TextKeys.truncate(author, 320))
                    .param("body", m.text())
                    .param("bodyKey", TextKeys.truncate(TextKeys.key(m.text()), SEARCH_KEY_LIMIT))
                    .param("html", m.html())
                    .param("emailId", TextKeys.truncate(emailId, 998))
                    .param("inReplyTo", TextKeys.truncate(normalizeMessageId(m.inReplyTo()), 998))
                    .param("externalRef", TextKeys.truncate(externalRef, 200))
                    .param("now", Db.ts(now))
                    .param("automatic", m.automatic())
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw duplicateMessage(emailId, externalRef, e);
        }
        long messageId = keys.getKey().longValue();
        audit.record(contactId != null ? AuditLog.contactActor(contactId) : author, AuditLog.TICKET, ticketId,
                "message.added", messageLabel(direction, m.automatic()) + " n° " + messageId
                        + (direction == MessageDirection.NOTE ? "" : " (" + m.channel().label()
                        + (m.attachments().isEmpty() ? "" : ", " + m.attachments().size() + " pièce(s) jointe(s)") + ")"));
        for (NewAttachment a : m.attachments()) {
            jdbc.sql("""
                            INSERT INTO ticket_attachments (message_id, filename, content_type, size_bytes, content_id, inline_part, data)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(messageId, TextKeys.truncate(a.filename(), 500), TextKeys.truncate(a.contentType(), 200),
                            (long) a.data().length, TextKeys.truncate(normalizeMessageId(a.contentId()), 500), a.inline(), a.data())
                    .update();
        }
        return messageId;
    }

    private static String messageLabel(MessageDirection direction, boolean automatic) {
        return switch (direction) {
            case INBOUND -> "Message reçu";
            case OUTBOUND -> automatic ? "Réponse automatique" : "Réponse";
            case NOTE -> "Note interne";
        };
    }

    private IllegalStateException duplicateMessage(String emailId, String externalRef, DuplicateKeyException cause) {
        Optional<Ticket> holder = emailId != null ? findByEmailMessageId(emailId) : Optional.empty();
        if (holder.isEmpty() && externalRef != null) {
            holder = messageByExternalRef(externalRef).flatMap(m -> findById(m.ticketId()));
        }
        String where = holder.map(t -> " (ticket " + t.reference() + ")").orElse("");
        return new IllegalStateException("Ce message est déjà enregistré" + where, cause);
    }

    private String checkCommune(String inseeCode) {
        String code = TextKeys.blankToNull(inseeCode);
        if (code != null && communes.byInsee(code).isEmpty()) {
            throw new IllegalArgumentException("Commune inconnue : " + inseeCode);
        }
        return code;
    }

    private String communeLabel(String inseeCode) {
        return inseeCode == null ? "inconnue" : communes.byInsee(inseeCode).map(Commune::name).orElse(inseeCode);
    }

    private static String serviceLabel(ServiceArea s) {
        return s == null ? "non classé" : s.label();
    }

    private static String requireAuthor(String author) {
        String who = TextKeys.blankToNull(author);
        if (who == null) {
            throw new IllegalArgumentException("Auteur du message manquant");
        }
        return who;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private List<AttachmentInfo> attachmentsOfMessage(long messageId) {
        return jdbc.sql("""
                        SELECT id, message_id, filename, content_type, size_bytes, content_id, inline_part
                        FROM ticket_attachments WHERE message_id = ? ORDER BY id""")
                .params(messageId).query(Tickets::mapAttachment).list();
    }

    static Ticket mapTicket(ResultSet rs, int rowNum) throws SQLException {
        return new Ticket(rs.getLong("id"), rs.getString("reference"), rs.getString("subject"),
                TicketStatus.valueOf(rs.getString("status")), Priority.valueOf(rs.getString("priority")),
                Db.enumOrNull(ServiceArea.class, rs.getString("service")), Channel.valueOf(rs.getString("channel")),
                rs.getLong("requester_id"), rs.getString("commune_insee"), rs.getString("assignee"),
                Db.instant(rs, "created_at"), Db.instant(rs, "updated_at"), Db.instant(rs, "first_response_at"),
                Db.instant(rs, "resolved_at"), Db.instant(rs, "closed_at"), Db.instant(rs, "first_response_due"),
                Db.instant(rs, "resolution_due"), Db.nullableLong(rs, "merged_into_id"),
                Db.nullableLong(rs, "linked_ticket_id"), Db.instant(rs, "last_inbound_at"));
    }

    private static TicketMessage mapMessage(ResultSet rs, List<AttachmentInfo> attachments) throws SQLException {
        return new TicketMessage(rs.getLong("id"), rs.getLong("ticket_id"),
                MessageDirection.valueOf(rs.getString("direction")), Channel.valueOf(rs.getString("channel")),
                Db.nullableLong(rs, "author_contact_id"), rs.getString("author"), rs.getString("body"),
                rs.getString("html"), rs.getString("email_message_id"), rs.getString("in_reply_to"),
                rs.getString("external_ref"), Db.instant(rs, "created_at"), Db.instant(rs, "edited_at"),
                rs.getBoolean("automatic"), Db.nullableLong(rs, "merged_from_ticket_id"), attachments);
    }

    private static AttachmentInfo mapAttachment(ResultSet rs, int rowNum) throws SQLException {
        return new AttachmentInfo(rs.getLong("id"), rs.getLong("message_id"), rs.getString("filename"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("content_id"),
                rs.getBoolean("inline_part"));
    }
}
