package fr.sommenumerique.helpdesk.testdb;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole Flyway history, as the application configures it, runs on a real PostgreSQL and on H2 and builds the
 * same tables and columns on both: a migration that only one of them accepts fails here, in every {@code mvn test}.
 */
class FlywayHistoryOnBothDatabasesTest {

    @Test
    void the_whole_history_runs_on_postgresql_and_h2_and_builds_the_same_schema() {
        DataSource postgres = TestDatabases.postgres("flyway_history");
        DataSource h2 = TestDatabases.h2("flyway-history");

        MigrateResult onPostgres = TestDatabases.migrate(postgres, "postgresql");
        MigrateResult onH2 = TestDatabases.migrate(h2, "h2");

        assertThat(onPostgres.success).isTrue();
        assertThat(onPostgres.migrationsExecuted).isEqualTo(onH2.migrationsExecuted).isGreaterThan(10);
        assertThat(onPostgres.targetSchemaVersion).isEqualTo(onH2.targetSchemaVersion);
        assertThat(columns(postgres, "public")).isEqualTo(columns(h2, "PUBLIC")).contains("tickets.reference");
        assertThat(JdbcClient.create(postgres).sql("SELECT COUNT(*) FROM communes").query(Long.class).single())
                .isEqualTo(771);
    }

    /** "table.column" of every column of the application's tables, in lower case. */
    private static Set<String> columns(DataSource dataSource, String schema) {
        List<String> names = JdbcClient.create(dataSource).sql("""
                        SELECT LOWER(table_name) || '.' || LOWER(column_name) FROM information_schema.columns
                        WHERE table_schema = ? AND LOWER(table_name) <> 'flyway_schema_history'""")
                .param(schema).query(String.class).list();
        return new TreeSet<>(names);
    }
}
