package fr.sommenumerique.helpdesk.ticketing.internal;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Contacts get {@code name_key}, their display name folded by {@link TextKeys#key} (« Hélène » → « helene »), so
 * a search for « Helene » finds « Hélène » on H2 and PostgreSQL alike without a database extension. Existing rows
 * are filled here, in Java, with the same folding the application uses.
 */
@Component
public class V27__Contact_name_keys extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement ddl = context.getConnection().createStatement()) {
            ddl.execute("ALTER TABLE contacts ADD COLUMN name_key VARCHAR(200)");
        }
        try (Statement select = context.getConnection().createStatement();
             ResultSet rs = select.executeQuery("SELECT id, display_name FROM contacts WHERE display_name IS NOT NULL");
             PreparedStatement update = context.getConnection().prepareStatement("UPDATE contacts SET name_key = ? WHERE id = ?")) {
            while (rs.next()) {
                update.setString(1, TextKeys.truncate(TextKeys.key(rs.getString("display_name")), 200));
                update.setLong(2, rs.getLong("id"));
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
