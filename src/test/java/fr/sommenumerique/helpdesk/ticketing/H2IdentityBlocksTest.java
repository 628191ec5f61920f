package fr.sommenumerique.helpdesk.ticketing;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * On H2, every identity column reserves its ids in blocks of 1,000 after the migrations (each used-up block costs a
 * durable write of its own); the next id still follows the last one. PostgreSQL keeps its own sequences untouched.
 */
class H2IdentityBlocksTest extends TicketingTestBase {

    @Autowired
    DataSource dataSource;

    @Test
    void every_identity_column_reserves_ids_in_blocks_of_a_thousand() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assumeTrue("H2".equals(connection.getMetaData().getDatabaseProductName()), "H2 only");
        }
        List<String> identities = jdbc.sql("SELECT TABLE_NAME || '.' || COLUMN_NAME || ' ' || IDENTITY_CACHE "
                + "FROM INFORMATION_SCHEMA.COLUMNS WHERE IS_IDENTITY = 'YES' AND TABLE_SCHEMA = 'PUBLIC'")
                .query(String.class).list();
        assertThat(identities).hasSizeGreaterThan(10).allSatisfy(column -> assertThat(column).endsWith(" 1000"));

        List<Long> ids = List.of(insertAuditEntry(), insertAuditEntry());
        assertThat(ids.get(1)).isEqualTo(ids.get(0) + 1);
    }

    private long insertAuditEntry() {
        jdbc.sql("INSERT INTO audit_log (occurred_at, actor, entity_type, entity_id, action) "
                + "VALUES (CURRENT_TIMESTAMP, 'test', 'TEST', '1', 'A')").update();
        return jdbc.sql("SELECT MAX(id) FROM audit_log").query(Long.class).single();
    }
}
