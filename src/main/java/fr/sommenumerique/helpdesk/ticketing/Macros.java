package fr.sommenumerique.helpdesk.ticketing;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.sommenumerique.helpdesk.ticketing.internal.Db;
import fr.sommenumerique.helpdesk.ticketing.internal.TextKeys;
import fr.sommenumerique.helpdesk.ticketing.internal.TicketingClock;

/** Canned replies (macros), shared by the whole team. Changes are audited. */
@Service
@Transactional
public class Macros {

    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 20_000;
    static final String ENTITY = "macro";

    private final JdbcClient jdbc;
    private final TicketingClock clock;
    private final AuditLog audit;

    public Macros(JdbcClient jdbc, TicketingClock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** By title. */
    @Transactional(readOnly = true)
    public List<Macro> all() {
        return jdbc.sql("SELECT * FROM macros ORDER BY title, id").query(Macros::map).list();
    }

    @Transactional(readOnly = true)
    public Optional<Macro> byId(long id) {
        return jdbc.sql("SELECT * FROM macros WHERE id = ?").params(id).query(Macros::map).optional();
    }

    public Macro require(long id) {
        return byId(id).orElseThrow(() -> new NotFoundException("Réponse type n° " + id + " introuvable"));
    }

    public Macro create(String title, String body, String actor) {
        String t = checkedTitle(title);
        String b = checkedBody(body);
        org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO macros (title, body, updated_by, updated_at) VALUES (?, ?, ?, ?)")
                .params(t, b, actor, Db.ts(clock.now())).update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(actor, ENTITY, id, "created", "Réponse type créée : « " + t + " »");
        return require(id);
    }

    public Macro update(long id, String title, String body, String actor) {
        Macro before = require(id);
        String t = checkedTitle(title);
        String b = checkedBody(body);
        jdbc.sql("UPDATE macros SET title = ?, body = ?, updated_by = ?, updated_at = ? WHERE id = ?")
                .params(t, b, actor, Db.ts(clock.now()), id).update();
        audit.record(actor, ENTITY, id, "updated", "Réponse type modifiée : « " + before.title() + " »"
                + (before.title().equals(t) ? "" : " → « " + t + " »"));
        return require(id);
    }

    public void delete(long id, String actor) {
        Macro before = require(id);
        jdbc.sql("DELETE FROM macros WHERE id = ?").params(id).update();
        audit.record(actor, ENTITY, id, "deleted", "Réponse type supprimée : « " + before.title() + " »");
    }

    private static String checkedTitle(String title) {
        String t = TextKeys.blankToNull(title);
        if (t == null) {
            throw new IllegalArgumentException("Donnez un titre à la réponse type.");
        }
        if (t.length() > MAX_TITLE) {
            throw new IllegalArgumentException("Le titre dépasse " + MAX_TITLE + " caractères.");
        }
        return t;
    }

    private static String checkedBody(String body) {
        String b = body == null ? "" : body.strip();
        if (b.isEmpty()) {
            throw new IllegalArgumentException("Le texte de la réponse type est vide.");
        }
        if (b.length() > MAX_BODY) {
            throw new IllegalArgumentException("Le texte dépasse " + String.format(java.util.Locale.FRANCE, "%,d", MAX_BODY)
                    .replace('\u202f', ' ').replace('\u00a0', ' ') + " caractères.");
        }
        return b;
    }

    private static Macro map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Macro(rs.getLong("id"), rs.getString("title"), rs.getString("body"), rs.getString("updated_by"),
                Db.instant(rs, "updated_at"));
    }
}
