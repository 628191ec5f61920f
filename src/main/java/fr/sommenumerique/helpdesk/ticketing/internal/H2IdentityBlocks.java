package fr.sommenumerique.helpdesk.ticketing.internal;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * After every migration on H2, makes each identity column reserve its ids in blocks of {@value #BLOCK}. H2 writes
 * an identity's next value to the file in a commit of its own each time its block (32 ids by default) is used up:
 * with durable commits each such write is a disk write, and the dozen ids a mail takes (ticket, messages, audit
 * entries, outbox…) caused several of them per group of mails, more than the group's own commit. A process killed
 * after taking ids from a block restarts after that block: ids may then have a gap, never a repeat (references such
 * as MC-2026-00042 are counted elsewhere, without gaps). Nothing to do on PostgreSQL, whose sequences are written
 * with the transaction's log (and whose cached blocks would be per connection, so out of insertion order).
 */
@Component
class H2IdentityBlocks implements Callback {

    static final int BLOCK = 1000;

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        try {
            if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                List<String> alters = new ArrayList<>();
                try (ResultSet columns = statement.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME "
                        + "FROM INFORMATION_SCHEMA.COLUMNS WHERE IS_IDENTITY = 'YES' AND IDENTITY_CACHE < " + BLOCK)) {
                    while (columns.next()) {
                        alters.add("ALTER TABLE " + quoted(columns.getString(1)) + "." + quoted(columns.getString(2))
                                + " ALTER COLUMN " + quoted(columns.getString(3)) + " SET CACHE " + BLOCK);
                    }
                }
                for (String alter : alters) {
                    statement.execute(alter);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set H2's identity blocks", e);
        }
    }

    @Override
    public String getCallbackName() {
        return getClass().getSimpleName();
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
