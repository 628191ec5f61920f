package fr.sommenumerique.helpdesk.ticketing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.sommenumerique.helpdesk.ticketing.internal.TextKeys;

/** The 771 communes of the Somme (read-only reference data). */
@Service
@Transactional(readOnly = true)
public class Communes {

    private static final String ACTIVITY_SQL = """
            SELECT c.*,
                   (SELECT COUNT(*) FROM contacts k WHERE k.commune_insee = c.insee_code) AS contact_count,
                   (SELECT COUNT(*) FROM tickets t WHERE t.commune_insee = c.insee_code AND t.merged_into_id IS NULL) AS ticket_count,
                   (SELECT COUNT(*) FROM tickets t WHERE t.commune_insee = c.insee_code
                       AND t.status IN ('NEW', 'OPEN', 'PENDING')) AS active_count,
                   (SELECT COUNT(*) FROM subscription_requests s WHERE s.commune_insee = c.insee_code) AS request_count
            FROM communes c
            """;

    private final JdbcClient jdbc;
    private volatile List<Commune> all;

    public Communes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Commune> byInsee(String inseeCode) {
        if (inseeCode == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM communes WHERE insee_code = ?").params(inseeCode.trim())
                .query(Communes::map).optional();
    }

    /** All communes ordered by name (cached: the table never changes at run time). */
    public List<Commune> all() {
        List<Commune> result = all;
        if (result == null) {
            result = jdbc.sql("SELECT * FROM communes ORDER BY name_key").query(Communes::map).list();
            all = result;
        }
        return result;
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM communes").query(Long.class).single();
    }

    /**
     * For the staff UI's commune picker: names starting with the query first, then names containing it; case-,
     * accent- and hyphen-insensitive (« st valery » finds Saint-Valery-sur-Somme). A 5-digit query matches the
     * INSEE code or a postal code.
     */
    public List<Commune> search(String query, int limit) {
        String key = TextKeys.nameKey(query);
        if (key.isEmpty() || limit <= 0) {
            return List.of();
        }
        if (key.matches("\\d{5}")) {
            return jdbc.sql("""
                            SELECT * FROM communes WHERE insee_code = :code OR (' ' || postal_codes || ' ') LIKE :postal
                            ORDER BY CASE WHEN insee_code = :code THEN 0 ELSE 1 END, name_key LIMIT :limit""")
                    .param("code", key).param("postal", "% " + key + " %").param("limit", limit)
                    .query(Communes::map).list();
        }
        return jdbc.sql("""
                        SELECT * FROM communes WHERE name_key LIKE :contains
                        ORDER BY CASE WHEN name_key LIKE :prefix THEN 0 WHEN name_key LIKE :wordPrefix THEN 1 ELSE 2 END,
                                 name_key
                        LIMIT :limit""")
                .param("contains", "%" + key + "%")
                .param("prefix", key + "%")
                .param("wordPrefix", "% " + key + "%")
                .param("limit", limit)
                .query(Communes::map).list();
    }

    /** Communes with at least one contact, ticket or subscription request, by name. */
    public List<CommuneActivity> activity() {
        return jdbc.sql("SELECT * FROM (" + ACTIVITY_SQL + ") a"
                        + " WHERE contact_count > 0 OR ticket_count > 0 OR request_count > 0 ORDER BY name_key")
                .query(Communes::mapActivity).list();
    }

    public Optional<CommuneActivity> activityOf(String inseeCode) {
        return jdbc.sql(ACTIVITY_SQL + " WHERE c.insee_code = ?").params(inseeCode)
                .query(Communes::mapActivity).optional();
    }

    static Commune map(ResultSet rs, int rowNum) throws SQLException {
        return new Commune(rs.getString("insee_code"), rs.getString("name"), rs.getInt("population"),
                Arrays.stream(rs.getString("postal_codes").split(" ")).filter(s -> !s.isEmpty()).toList(),
                rs.getString("siren"), rs.getString("epci_siren"), rs.getString("epci_name"));
    }

    private static CommuneActivity mapActivity(ResultSet rs, int rowNum) throws SQLException {
        return new CommuneActivity(map(rs, rowNum), rs.getLong("contact_count"), rs.getLong("ticket_count"),
                rs.getLong("active_count"), rs.getLong("request_count"));
    }
}
