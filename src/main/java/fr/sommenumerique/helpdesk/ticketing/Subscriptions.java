package fr.sommenumerique.helpdesk.ticketing;

import fr.sommenumerique.helpdesk.assistant.SubscriptionKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.sommenumerique.helpdesk.knowledge.KnowledgeBase;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;
import fr.sommenumerique.helpdesk.ticketing.internal.Db;
import fr.sommenumerique.helpdesk.ticketing.internal.ReferenceGenerator;
import fr.sommenumerique.helpdesk.ticketing.internal.TextKeys;
import fr.sommenumerique.helpdesk.ticketing.internal.TicketingClock;

/**
 * Subscription requests (DA-YYYY-NNNNN): RECEIVED → IN_REVIEW → ACCEPTED / REJECTED. Decisions are audited; the
 * caller queues the decision message to the commune ({@link Outbox}).
 */
@Service
@Transactional
public class Subscriptions {

    public static final String REFERENCE_PREFIX = "DA";

    private final JdbcClient jdbc;
    private final TicketingClock clock;
    private final AuditLog audit;
    private final ReferenceGenerator references;
    private final Contacts contacts;
    private final Communes communes;
    private final BusinessCalendar calendar;
    private final KnowledgeBase knowledgeBase;

    public Subscriptions(JdbcClient jdbc, TicketingClock clock, AuditLog audit, ReferenceGenerator references,
                         Contacts contacts, Communes communes, BusinessCalendar calendar, KnowledgeBase knowledgeBase) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.references = references;
        this.contacts = contacts;
        this.communes = communes;
        this.calendar = calendar;
        this.knowledgeBase = knowledgeBase;
    }

    /** Whether the commune's population is under the funding article's limit; null when either is unknown. */
    private Boolean subsidyEligible(Optional<Commune> commune) {
        return commune.flatMap(c -> knowledgeBase.funding().map(f -> f.eligible(c.population()))).orElse(null);
    }

    /** Records a request (status RECEIVED); subsidy eligibility comes from the commune's population. */
    public SubscriptionRequest record(NewSubscriptionRequest r) {
        Contact contact = contacts.require(r.contactId());
        Optional<Commune> commune = commune(r.communeInsee());
        Instant now = clock.now();
        String reference = references.next(REFERENCE_PREFIX, LocalDate.ofInstant(now, calendar.zone()).getYear());
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO subscription_requests (reference, commune_insee, commune_name_written, contact_id, services,
                            kind, status, subsidy_eligible, channel, source_text, ticket_id, created_at, updated_at)
                        VALUES (:reference, :commune, :written, :contact, :services, :kind, 'RECEIVED', :eligible, :channel,
                            :source, :ticket, :now, :now)""")
                .param("reference", reference)
                .param("commune", commune.map(Commune::inseeCode).orElse(null))
                .param("written", TextKeys.truncate(TextKeys.blankToNull(r.communeNameAsWritten()), 300))
                .param("contact", contact.id())
                .param("services", encode(r.services()))
                .param("kind", r.kind().name())
                .param("eligible", subsidyEligible(commune))
                .param("channel", r.channel().name())
                .param("source", r.sourceText())
                .param("ticket", r.ticketId())
                .param("now", Db.ts(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(AuditLog.contactActor(contact.id()), AuditLog.SUBSCRIPTION, id, "created",
                "Demande " + reference + " reçue (" + r.kind().label() + ", " + servicesLabel(r.services())
                        + commune.map(c -> ", " + c.name()).orElse("") + ")");
        return require(id);
    }

    @Transactional(readOnly = true)
    public Optional<SubscriptionRequest> byId(long id) {
        return jdbc.sql("SELECT * FROM subscription_requests WHERE id = ?").params(id).query(Subscriptions::map).optional();
    }

    @Transactional(readOnly = true)
    public Optional<SubscriptionRequest> byReference(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM subscription_requests WHERE reference = ?")
                .params(reference.strip().toUpperCase(Locale.ROOT)).query(Subscriptions::map).optional();
    }

    /** Requests with one of these statuses (empty or null: all), newest first. */
    @Transactional(readOnly = true)
    public Page<SubscriptionRequest> search(Set<SubscriptionStatus> statuses, int page, int size) {
        int p = Math.max(0, page);
        int s = size <= 0 ? 25 : Math.min(size, 200);
        Map<String, Object> params = new LinkedHashMap<>();
        String where = "";
        if (statuses != null && !statuses.isEmpty()) {
            where = " WHERE status IN (:statuses)";
            params.put("statuses", statuses.stream().map(Enum::name).toList());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM subscription_requests" + where).params(params).query(Long.class).single();
        params.put("limit", s);
        params.put("offset", (long) p * s);
        List<SubscriptionRequest> items = jdbc.sql("SELECT * FROM subscription_requests" + where
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params).query(Subscriptions::map).list();
        return new Page<>(items, p, s, total);
    }

    @Transactional(readOnly = true)
    public List<SubscriptionRequest> ofContact(long contactId) {
        return jdbc.sql("SELECT * FROM subscription_requests WHERE contact_id = ? ORDER BY created_at DESC, id DESC")
                .params(contactId).query(Subscriptions::map).list();
    }

    /** Requests of a commune, newest first (the staff UI's commune page). */
    @Transactional(readOnly = true)
    public List<SubscriptionRequest> ofCommune(String inseeCode) {
        return jdbc.sql("SELECT * FROM subscription_requests WHERE commune_insee = ? ORDER BY created_at DESC, id DESC")
                .params(inseeCode).query(Subscriptions::map).list();
    }

    /** RECEIVED → IN_REVIEW. */
    public SubscriptionRequest markInReview(long id, String actor) {
        SubscriptionRequest r = lockUndecided(id);
        if (r.status() == SubscriptionStatus.IN_REVIEW) {
            return r;
        }
        jdbc.sql("UPDATE subscription_requests SET status = 'IN_REVIEW', updated_at = ? WHERE id = ?")
                .params(Db.ts(clock.now()), id).update();
        audit.record(actor, AuditLog.SUBSCRIPTION, id, "status.changed",
                "Statut : " + r.status().label() + " → " + SubscriptionStatus.IN_REVIEW.label());
        return require(id);
    }

    /** Accepts an undecided request with the message for the commune. */
    public SubscriptionRequest accept(long id, String message, String actor) {
        return decide(id, SubscriptionStatus.ACCEPTED, message, actor);
    }

    /** Rejects an undecided request; the message (the reason, for the commune) is required. */
    public SubscriptionRequest reject(long id, String message, String actor) {
        if (TextKeys.blankToNull(message) == null) {
            throw new IllegalArgumentException("Un refus doit être motivé : message manquant");
        }
        return decide(id, SubscriptionStatus.REJECTED, message, actor);
    }

    /** Appends a dated staff note. */
    public SubscriptionRequest addStaffNote(long id, String note, String actor) {
        SubscriptionRequest r = lock(id);
        String text = TextKeys.blankToNull(note);
        if (text == null) {
            return r;
        }
        String who = AuditLog.actorOrSystem(actor);
        String line = "[" + LocalDate.ofInstant(clock.now(), calendar.zone()) + " " + who + "] " + text;
        String notes = r.staffNotes() == null ? line : r.staffNotes() + "\n" + line;
        jdbc.sql("UPDATE subscription_requests SET staff_notes = ?, updated_at = ? WHERE id = ?")
                .params(notes, Db.ts(clock.now()), id).update();
        audit.record(who, AuditLog.SUBSCRIPTION, id, "note.added", TextKeys.truncate(text, 500));
        return require(id);
    }

    /** Sets the commune (null: unknown) and recomputes the subsidy eligibility. */
    public SubscriptionRequest changeCommune(long id, String inseeCode, String actor) {
        SubscriptionRequest r = lock(id);
        Optional<Commune> commune = commune(inseeCode);
        String code = commune.map(Commune::inseeCode).orElse(null);
        if (Objects.equals(code, r.communeInsee())) {
            return r;
        }
        jdbc.sql("UPDATE subscription_requests SET commune_insee = ?, subsidy_eligible = ?, updated_at = ? WHERE id = ?")
                .params(code, subsidyEligible(commune), Db.ts(clock.now()), id).update();
        audit.record(actor, AuditLog.SUBSCRIPTION, id, "commune.changed", "Commune : "
                + (r.communeInsee() == null ? "inconnue" : communes.byInsee(r.communeInsee()).map(Commune::name).orElse(r.communeInsee()))
                + " → " + commune.map(Commune::name).orElse("inconnue"));
        return require(id);
    }

    /** Gives the request another contact (e.g. once a Telegram chat is linked to a known e-mail contact). Audited. */
    public SubscriptionRequest changeContact(long id, long contactId, String actor) {
        Contact contact = contacts.require(contactId);
        SubscriptionRequest r = lock(id);
        if (r.contactId() == contact.id()) {
            return r;
        }
        jdbc.sql("UPDATE subscription_requests SET contact_id = ?, updated_at = ? WHERE id = ?")
                .params(contact.id(), Db.ts(clock.now()), id).update();
        audit.record(AuditLog.actorOrSystem(actor), AuditLog.SUBSCRIPTION, id, "contact.changed",
                "Contact : n° " + r.contactId() + " → " + contact.label() + " (n° " + contact.id() + ")");
        return require(id);
    }

    private SubscriptionRequest decide(long id, SubscriptionStatus status, String message, String actor) {
        SubscriptionRequest r = lockUndecided(id);
        Instant now = clock.now();
        String who = AuditLog.actorOrSystem(actor);
        jdbc.sql("""
                        UPDATE subscription_requests SET status = ?, decision_message = ?, decided_at = ?, decided_by = ?,
                            updated_at = ? WHERE id = ?""")
                .params(status.name(), TextKeys.blankToNull(message), Db.ts(now), TextKeys.truncate(who, 100), Db.ts(now), id)
                .update();
        audit.record(who, AuditLog.SUBSCRIPTION, id, status == SubscriptionStatus.ACCEPTED ? "accepted" : "rejected",
                "Statut : " + r.status().label() + " → " + status.label());
        return require(id);
    }

    private SubscriptionRequest lockUndecided(long id) {
        SubscriptionRequest r = lock(id);
        if (r.status().isDecided()) {
            throw new IllegalStateException("La demande " + r.reference() + " a déjà été " + r.status().label().toLowerCase(Locale.ROOT));
        }
        return r;
    }

    private SubscriptionRequest lock(long id) {
        return jdbc.sql("SELECT * FROM subscription_requests WHERE id = ? FOR UPDATE").params(id)
                .query(Subscriptions::map).optional()
                .orElseThrow(() -> new NotFoundException("Demande n° " + id + " introuvable"));
    }

    private SubscriptionRequest require(long id) {
        return byId(id).orElseThrow(() -> new NotFoundException("Demande n° " + id + " introuvable"));
    }

    private Optional<Commune> commune(String inseeCode) {
        String code = TextKeys.blankToNull(inseeCode);
        if (code == null) {
            return Optional.empty();
        }
        return Optional.of(communes.byInsee(code).orElseThrow(() -> new IllegalArgumentException("Commune inconnue : " + inseeCode)));
    }

    private static String encode(Set<ServiceArea> services) {
        return EnumSet.copyOf(services).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Set<ServiceArea> decode(String services) {
        Set<ServiceArea> set = EnumSet.noneOf(ServiceArea.class);
        Arrays.stream(services.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(ServiceArea::valueOf).forEach(set::add);
        return set;
    }

    private static String servicesLabel(Set<ServiceArea> services) {
        return EnumSet.copyOf(services).stream().map(ServiceArea::label).collect(Collectors.joining(", "));
    }

    static SubscriptionRequest map(ResultSet rs, int rowNum) throws SQLException {
        return new SubscriptionRequest(rs.getLong("id"), rs.getString("reference"), rs.getString("commune_insee"),
                rs.getString("commune_name_written"), rs.getLong("contact_id"), decode(rs.getString("services")),
                SubscriptionKind.valueOf(rs.getString("kind")), SubscriptionStatus.valueOf(rs.getString("status")),
                Db.nullableBoolean(rs, "subsidy_eligible"), Channel.valueOf(rs.getString("channel")),
                rs.getString("source_text"), rs.getString("staff_notes"), rs.getString("decision_message"),
                Db.nullableLong(rs, "ticket_id"), Db.instant(rs, "created_at"), Db.instant(rs, "updated_at"),
                Db.instant(rs, "decided_at"), rs.getString("decided_by"));
    }
}
