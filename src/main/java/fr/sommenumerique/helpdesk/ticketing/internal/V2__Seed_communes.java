package fr.sommenumerique.helpdesk.ticketing.internal;

import java.sql.PreparedStatement;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

import fr.sommenumerique.helpdesk.ticketing.Commune;

/**
 * Loads the 771 communes of the Somme from the CSV shipped in {@code communes/}. A Spring bean: Spring Boot
 * hands every {@code JavaMigration} bean to Flyway, so the migration runs once, in version order, like the
 * SQL files of {@code db/migration}.
 */
@Component
public class V2__Seed_communes extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        List<Commune> communes = CommuneCsv.readResource();
        String sql = "INSERT INTO communes (insee_code, name, name_key, population, postal_codes, siren, epci_siren, epci_name)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement ps = context.getConnection().prepareStatement(sql)) {
            for (Commune c : communes) {
                ps.setString(1, c.inseeCode());
                ps.setString(2, c.name());
                ps.setString(3, TextKeys.nameKey(c.name()));
                ps.setInt(4, c.population());
                ps.setString(5, String.join(" ", c.postalCodes()));
                ps.setString(6, c.siren());
                ps.setString(7, c.epciSiren());
                ps.setString(8, c.epciName());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
