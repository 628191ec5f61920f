package fr.sommenumerique.helpdesk.ticketing;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import fr.sommenumerique.helpdesk.ticketing.internal.Db;
import fr.sommenumerique.helpdesk.ticketing.internal.TextKeys;
import fr.sommenumerique.helpdesk.ticketing.internal.TicketingClock;

/** Personal queue views: each staff member sees and changes only their own. */
@Service
@Transactional
public class SavedViews {

    public static final int MAX_VIEWS = 30;

    private final JdbcClient jdbc;
    private final TicketingClock clock;

    /** The insert runs in a savepoint: on PostgreSQL a duplicate key would otherwise abort the whole transaction. */
    private final TransactionTemplate savepoint;

    public SavedViews(JdbcClient jdbc, TicketingClock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Transactional(readOnly = true)
    public List<SavedView> of(String owner) {
        return jdbc.sql("SELECT * FROM saved_views WHERE owner = ? ORDER BY name, id").params(owner)
                .query((rs, n) -> new SavedView(rs.getLong("id"), rs.getString("owner"), rs.getString("name"),
                        rs.getString("query"))).list();
    }

    /** Saves the view under that name, replacing the owner's view of the same name. */
    public SavedView save(String owner, String name, String query) {
        String n = TextKeys.blankToNull(name);
        if (n == null) {
            throw new IllegalArgumentException("Donnez un nom à la vue.");
        }
        if (n.length() > 100) {
            throw new IllegalArgumentException("Le nom de la vue dépasse 100 caractères.");
        }
        String q = query == null ? "" : query.strip();
        if (q.length() > 2000) {
            throw new IllegalArgumentException("Cette vue est trop longue pour être enregistrée.");
        }
        int updated = jdbc.sql("UPDATE saved_views SET query = ? WHERE owner = ? AND name = ?").params(q, owner, n).update();
        if (updated == 0) {
            if (of(owner).size() >= MAX_VIEWS) {
                throw new IllegalArgumentException("Vous avez déjà " + MAX_VIEWS + " vues : supprimez-en une d'abord.");
            }
            try {
                savepoint.executeWithoutResult(status -> jdbc
                        .sql("INSERT INTO saved_views (owner, name, query, created_at) VALUES (?, ?, ?, ?)")
                        .params(owner, n, q, Db.ts(clock.now())).update());
            } catch (DuplicateKeyException savedTwice) {
                jdbc.sql("UPDATE saved_views SET query = ? WHERE owner = ? AND name = ?").params(q, owner, n).update();
            }
        }
        return of(owner).stream().filter(v -> v.name().equals(n)).findFirst().orElseThrow();
    }

    public void delete(String owner, long id) {
        if (jdbc.sql("DELETE FROM saved_views WHERE id = ? AND owner = ?").params(id, owner).update() == 0) {
            throw new NotFoundException("Vue n° " + id + " introuvable");
        }
    }
}
