package fr.sommenumerique.helpdesk.ticketing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.sommenumerique.helpdesk.ticketing.internal.Db;
import fr.sommenumerique.helpdesk.ticketing.internal.TextKeys;
import fr.sommenumerique.helpdesk.ticketing.internal.TicketingClock;

/** People who write in, found by e-mail address or Telegram chat. */
@Service
@Transactional
public class Contacts {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+");

    private final JdbcClient jdbc;
    private final TicketingClock clock;
    private final AuditLog audit;
    private final Communes communes;

    public Contacts(JdbcClient jdbc, TicketingClock clock, AuditLog audit, Communes communes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.communes = communes;
    }

    /**
     * Canonical form of an address: trimmed, without {@code <>} or {@code mailto:}, lower case.
     *
     * @throws IllegalArgumentException when it does not look like an e-mail address
     */
    public static String normalizeEmail(String email) {
        if (email == null || email.isBlank()) {
            throw new IllegalArgumentException("Message sans expéditeur : aucune adresse e-mail à qui répondre");
        }
        String e = email.strip();
        if (e.regionMatches(true, 0, "mailto:", 0, 7)) {
            e = e.substring(7);
        }
        if (e.startsWith("<") && e.endsWith(">")) {
            e = e.substring(1, e.length() - 1).strip();
        }
        e = e.toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(e).matches() || e.length() > 320) {
            throw new IllegalArgumentException("Adresse e-mail invalide : « " + email + " »");
        }
        return e;
    }

    /** The domain of an address, lower case ({@code mairie@Rue.fr} → {@code rue.fr}). */
    public static String domainOf(String email) {
        String e = normalizeEmail(email);
        return e.substring(e.lastIndexOf('@') + 1);
    }

    /**
     * The contact with that address, created if new; a missing display name is filled in.
     *
     * @throws IllegalArgumentException for an invalid address (nothing written; the caller's transaction stays usable)
     */
    @Transactional(noRollbackFor = IllegalArgumentException.class)
    public Contact findOrCreateByEmail(String email, String displayName) {
        String e = normalizeEmail(email);
        String name = TextKeys.truncate(TextKeys.blankToNull(displayName), 200);
        Optional<Contact> existing = byEmail(e);
        if (existing.isPresent()) {
            return fillDisplayName(existing.get(), name);
        }
        try {
            long id = insert(e, name, null);
            return byId(id).orElseThrow();
        } catch (DuplicateKeyException createdConcurrently) {
            return fillDisplayName(byEmail(e).orElseThrow(), name);
        }
    }

    @Transactional(readOnly = true)
    public Optional<Contact> byId(long id) {
        return jdbc.sql("SELECT * FROM contacts WHERE id = ?").params(id).query(Contacts::map).optional();
    }

    /** Lookup by address; an invalid address simply finds nothing. */
    @Transactional(readOnly = true)
    public Optional<Contact> byEmail(String email) {
        String e;
        try {
            e = normalizeEmail(email);
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM contacts WHERE email = ?").params(e).query(Contacts::map).optional();
    }

    @Transactional(readOnly = true)
    public Optional<Contact> byTelegramChatId(long chatId) {
        return jdbc.sql("SELECT * FROM contacts WHERE telegram_chat_id = ?").params(chatId).query(Contacts::map).optional();
    }

    /** The contact of a Telegram private chat, created (without e-mail) if new. */
    public Contact findOrCreateByTelegramChat(long chatId, String displayName) {
        String name = TextKeys.truncate(TextKeys.blankToNull(displayName), 200);
        Optional<Contact> existing = byTelegramChatId(chatId);
        if (existing.isPresent()) {
            return fillDisplayName(existing.get(), name);
        }
        try {
            long id = insert(null, name, chatId);
            return byId(id).orElseThrow();
        } catch (DuplicateKeyException createdConcurrently) {
            return fillDisplayName(byTelegramChatId(chatId).orElseThrow(), name);
        }
    }

    /**
     * Attaches a Telegram chat to a contact (e.g. once the Telegram user has given a known e-mail address),
     * taking it off any other contact. Audited on both contacts.
     */
    public Contact linkTelegramChat(long contactId, long chatId, String actor) {
        Contact target = require(contactId);
        if (Long.valueOf(chatId).equals(target.telegramChatId())) {
            return target;
        }
        Optional<Contact> previous = byTelegramChatId(chatId);
        if (previous.isPresent()) {
            jdbc.sql("UPDATE contacts SET telegram_chat_id = NULL WHERE id = ?").params(previous.get().id()).update();
            audit.record(actor, AuditLog.CONTACT, previous.get().id(), "telegram.unlinked",
                    "Conversation Telegram " + chatId + " rattachée au contact n° " + contactId);
        }
        jdbc.sql("UPDATE contacts SET telegram_chat_id = ? WHERE id = ?").params(chatId, contactId).update();
        audit.record(actor, AuditLog.CONTACT, contactId, "telegram.linked", "Conversation Telegram " + chatId
                + previous.map(p -> " (reprise du contact n° " + p.id() + ")").orElse(""));
        return require(contactId);
    }

    /**
     * Gives a contact an e-mail address (e.g. a Telegram-only contact who typed it).
     *
     * @throws IllegalStateException when another contact already has that address (link the chat to it instead);
     *                               nothing is written and the caller's transaction stays usable
     */
    @Transactional(noRollbackFor = {IllegalStateException.class, IllegalArgumentException.class})
    public Contact setEmail(long contactId, String email, String actor) {
        String e = normalizeEmail(email);
        Contact contact = require(contactId);
        if (e.equals(contact.email())) {
            return contact;
        }
        Optional<Contact> owner = byEmail(e);
        if (owner.isPresent()) {
            throw new IllegalStateException("L'adresse " + e + " appartient déjà au contact n° " + owner.get().id());
        }
        jdbc.sql("UPDATE contacts SET email = ?, email_domain = ?, email_failing = FALSE, email_failing_reason = NULL,"
                        + " email_failing_since = NULL WHERE id = ?")
                .params(e, domainOf(e), contactId).update();
        audit.record(actor, AuditLog.CONTACT, contactId, "email.changed",
                "Adresse : " + (contact.email() == null ? "aucune" : contact.email()) + " → " + e);
        return require(contactId);
    }

    /** Links a contact to a commune (null unlinks). Audited. */
    public Contact assignCommune(long contactId, String inseeCode, String actor) {
        Contact contact = require(contactId);
        String code = TextKeys.blankToNull(inseeCode);
        Commune commune = null;
        if (code != null) {
            commune = communes.byInsee(code).orElseThrow(() -> new IllegalArgumentException("Commune inconnue : " + inseeCode));
        }
        if (java.util.Objects.equals(code, contact.communeInsee())) {
            return contact;
        }
        jdbc.sql("UPDATE contacts SET commune_insee = ? WHERE id = ?").params(code, contactId).update();
        String before = contact.communeInsee() == null ? "aucune"
                : communes.byInsee(contact.communeInsee()).map(Commune::name).orElse(contact.communeInsee());
        audit.record(actor, AuditLog.CONTACT, contactId, "commune.changed",
                "Commune : " + before + " → " + (commune == null ? "aucune" : commune.name()));
        return require(contactId);
    }

    public Contact rename(long contactId, String displayName, String actor) {
        Contact contact = require(contactId);
        String name = TextKeys.truncate(TextKeys.blankToNull(displayName), 200);
        jdbc.sql("UPDATE contacts SET display_name = ?, name_key = ? WHERE id = ?").params(name, nameKey(name), contactId).update();
        audit.record(actor, AuditLog.CONTACT, contactId, "name.changed",
                "Nom : " + contact.displayName() + " → " + name);
        return require(contactId);
    }

    /**
     * What staff edit on a contact: name, role and commune (each null or blank: unknown). Audited, one entry per
     * field that changed.
     */
    public Contact updateProfile(long contactId, String displayName, String role, String communeInsee, String actor) {
        Contact contact = require(contactId);
        String name = TextKeys.truncate(TextKeys.blankToNull(displayName), 200);
        String newRole = TextKeys.truncate(TextKeys.blankToNull(role), 50);
        if (!java.util.Objects.equals(name, contact.displayName())) {
            rename(contactId, name, actor);
        }
        if (!java.util.Objects.equals(newRole, contact.role())) {
            jdbc.sql("UPDATE contacts SET role = ? WHERE id = ?").params(newRole, contactId).update();
            audit.record(actor, AuditLog.CONTACT, contactId, "role.changed",
                    "Fonction : " + (contact.role() == null ? "inconnue" : contact.role()) + " → "
                            + (newRole == null ? "inconnue" : newRole));
        }
        String commune = TextKeys.blankToNull(communeInsee);
        if (!java.util.Objects.equals(commune, contact.communeInsee())) {
            assignCommune(contactId, commune, actor);
        }
        return require(contactId);
    }

    /** Fills the role when none is known yet (e.g. read from a signature); never overwrites one staff set. */
    public Contact fillRole(long contactId, String role) {
        String r = TextKeys.truncate(TextKeys.blankToNull(role), 50);
        if (r != null) {
            jdbc.sql("UPDATE contacts SET role = ? WHERE id = ? AND role IS NULL").params(r, contactId).update();
        }
        return require(contactId);
    }

    /** Records that mail to this address bounces; returns the contact, if the address is known. Audited. */
    public Optional<Contact> markEmailFailing(String email, String reason) {
        Optional<Contact> contact = byEmail(email);
        contact.ifPresent(c -> {
            jdbc.sql("UPDATE contacts SET email_failing = TRUE, email_failing_reason = ?, email_failing_since = ? WHERE id = ?")
                    .params(TextKeys.truncate(reason, 2000), Db.ts(clock.now()), c.id()).update();
            audit.record("system", AuditLog.CONTACT, c.id(), "email.failing", "Adresse en échec : " + reason);
        });
        return contact.flatMap(c -> byId(c.id()));
    }

    /** Clears the failing flag (e.g. after a message from that address was received again). */
    public Optional<Contact> clearEmailFailing(String email) {
        Optional<Contact> contact = byEmail(email).filter(Contact::emailFailing);
        contact.ifPresent(c -> {
            jdbc.sql("UPDATE contacts SET email_failing = FALSE, email_failing_reason = NULL, email_failing_since = NULL WHERE id = ?")
                    .params(c.id()).update();
            audit.record("system", AuditLog.CONTACT, c.id(), "email.restored", "Adresse de nouveau valide");
        });
        return byEmail(email);
    }

    @Transactional(readOnly = true)
    public List<Contact> byCommune(String inseeCode) {
        return jdbc.sql("SELECT * FROM contacts WHERE commune_insee = ? ORDER BY display_name, email, id")
                .params(inseeCode).query(Contacts::map).list();
    }

    /** Contacts whose address or name contains the query (case- and accent-insensitive for names). */
    @Transactional(readOnly = true)
    public List<Contact> search(String query, int limit) {
        String q = TextKeys.blankToNull(query);
        if (q == null || limit <= 0) {
            return List.of();
        }
        // a query of punctuation only (« % ») has no name key: it is looked for in addresses alone
        String name = TextKeys.key(q);
        return jdbc.sql("SELECT * FROM contacts WHERE email LIKE :email ESCAPE '\\'"
                        + (name.isEmpty() ? "" : " OR name_key LIKE :name ESCAPE '\\'")
                        + " ORDER BY display_name, email, id LIMIT :limit")
                .param("email", "%" + Tickets.likeEscaped(q.toLowerCase(Locale.ROOT)) + "%")
                .param("name", "%" + Tickets.likeEscaped(name) + "%")
                .param("limit", limit).query(Contacts::map).list();
    }

    /** The folded form of a display name searches compare with (« Hélène Dupré » → « helene dupre »). */
    private static String nameKey(String displayName) {
        return displayName == null ? null : TextKeys.truncate(TextKeys.key(displayName), 200);
    }

    Contact require(long contactId) {
        return byId(contactId).orElseThrow(() -> new NotFoundException("Contact n° " + contactId + " introuvable"));
    }

    private Contact fillDisplayName(Contact contact, String name) {
        if (name != null && contact.displayName() == null) {
            jdbc.sql("UPDATE contacts SET display_name = ?, name_key = ? WHERE id = ?").params(name, nameKey(name), contact.id()).update();
            return byId(contact.id()).orElseThrow();
        }
        return contact;
    }

    private long insert(String email, String name, Long chatId) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO contacts (email, email_domain, display_name, name_key, telegram_chat_id, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(email, email == null ? null : domainOf(email), name, nameKey(name), chatId, Db.ts(clock.now()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record("system", AuditLog.CONTACT, id, "created", "Contact créé : "
                + (email != null ? email : "conversation Telegram " + chatId) + (name == null ? "" : " (" + name + ")"));
        return id;
    }

    static Contact map(ResultSet rs, int rowNum) throws SQLException {
        return new Contact(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                rs.getString("commune_insee"), Db.nullableLong(rs, "telegram_chat_id"), rs.getBoolean("email_failing"),
                rs.getString("email_failing_reason"), Db.instant(rs, "email_failing_since"), Db.instant(rs, "created_at"),
                rs.getString("role"));
    }
}
