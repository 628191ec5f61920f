package fr.sommenumerique.helpdesk.testdb;

import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import fr.sommenumerique.helpdesk.ticketing.internal.V2__Seed_communes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole Flyway history, as the application configures it, runs on a real PostgreSQL and on H2 and builds the
 * same tables and columns on both: a migration that only one of them accepts fails here, in every {@code mvn test}.
 */
class FlywayHistoryOnBothDatabasesTest {

    @Test
    void the_whole_history_runs_on_postgresql_and_h2_and_builds_the_same_schema() {
        DataSource postgres = dataSource(TestPostgres.newDatabase("flyway_history"), TestPostgres.USER);
        DataSource h2 = dataSource("jdbc:h2:mem:flyway-history;DB_CLOSE_DELAY=-1", "sa");

        MigrateResult onPostgres = migrate(postgres, "postgresql");
        MigrateResult onH2 = migrate(h2, "h2");

        assertThat(onPostgres.success).isTrue();
        assertThat(onPostgres.migrationsExecuted).isEqualTo(onH2.migrationsExecuted).isGreaterThan(10);
        assertThat(onPostgres.targetSchemaVersion).isEqualTo(onH2.targetSchemaVersion);
        assertThat(columns(postgres, "public")).isEqualTo(columns(h2, "PUBLIC")).contains("tickets.reference");
        assertThat(JdbcClient.create(postgres).sql("SELECT COUNT(*) FROM communes").query(Long.class).single())
                .isEqualTo(771);
    }

    private static MigrateResult migrate(DataSource dataSource, String vendor) {
        String[] locations = Arrays.stream(applicationFlywayLocations().split(","))
                .map(location -> location.strip().replace("{vendor}", vendor))
                .toArray(String[]::new);
        return Flyway.configure().dataSource(dataSource).locations(locations)
                .javaMigrations(new V2__Seed_communes()).load().migrate();
    }

    /** {@code spring.flyway.locations} of the application's own settings. */
    private static String applicationFlywayLocations() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();
        assertThat(properties).containsKey("spring.flyway.locations");
        return properties.getProperty("spring.flyway.locations");
    }

    /** "table.column" of every column of the application's tables, in lower case. */
    private static Set<String> columns(DataSource dataSource, String schema) {
        List<String> names = JdbcClient.create(dataSource).sql("""
                        SELECT LOWER(table_name) || '.' || LOWER(column_name) FROM information_schema.columns
                        WHERE table_schema = ? AND LOWER(table_name) <> 'flyway_schema_history'""")
                .param(schema).query(String.class).list();
        return new TreeSet<>(names);
    }

    private static DataSource dataSource(String url, String user) {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource();
        dataSource.setUrl(url);
        dataSource.setUsername(user);
        dataSource.setPassword("");
        dataSource.setDriverClass(url.startsWith("jdbc:h2") ? org.h2.Driver.class : org.postgresql.Driver.class);
        return dataSource;
    }
}
