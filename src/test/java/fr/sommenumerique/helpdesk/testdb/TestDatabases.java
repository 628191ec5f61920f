package fr.sommenumerique.helpdesk.testdb;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import fr.sommenumerique.helpdesk.ticketing.internal.V27__Contact_name_keys;
import fr.sommenumerique.helpdesk.ticketing.internal.V2__Seed_communes;

/** Databases for tests that need one without a Spring context, migrated as the application migrates its own. */
public final class TestDatabases {

    private TestDatabases() {
    }

    /**
     * Whether a session of this connection's database is waiting for a row lock (a transaction another test
     * connection holds): H2's sessions with a blocker, PostgreSQL's backends waiting on a lock.
     */
    public static boolean aSessionWaitsForALock(Connection connection) throws SQLException {
        String sql = connection.getMetaData().getDatabaseProductName().contains("H2")
                ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL"
                : "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'";
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            return rows.next() && rows.getLong(1) > 0;
        }
    }

    /** A new database migrated to the latest version: PostgreSQL when this JVM runs on it, else H2 in memory. */
    public static DataSource migrated(String purpose) {
        DataSource dataSource = TestPostgres.selected() ? postgres(purpose) : h2(purpose);
        migrate(dataSource, TestPostgres.selected() ? "postgresql" : "h2");
        return dataSource;
    }

    static DataSource postgres(String purpose) {
        return dataSource(TestPostgres.newDatabase(purpose));
    }

    /** A data source on a database of the test PostgreSQL server ({@link TestPostgres#newDatabase}). */
    public static DataSource dataSource(String postgresUrl) {
        return dataSource(postgresUrl, TestPostgres.USER, org.postgresql.Driver.class);
    }

    static DataSource h2(String purpose) {
        return dataSource("jdbc:h2:mem:" + purpose + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa",
                org.h2.Driver.class);
    }

    /** Runs the application's Flyway history ({@code spring.flyway.locations} of application.yml). */
    static MigrateResult migrate(DataSource dataSource, String vendor) {
        String[] locations = Arrays.stream(applicationFlywayLocations().split(","))
                .map(location -> location.strip().replace("{vendor}", vendor))
                .toArray(String[]::new);
        return Flyway.configure().dataSource(dataSource).locations(locations)
                .javaMigrations(new V2__Seed_communes(), new V27__Contact_name_keys()).load().migrate();
    }

    private static String applicationFlywayLocations() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();
        String locations = properties == null ? null : properties.getProperty("spring.flyway.locations");
        if (locations == null) {
            throw new IllegalStateException("spring.flyway.locations missing from application.yml");
        }
        return locations;
    }

    private static DataSource dataSource(String url, String user, Class<? extends java.sql.Driver> driver) {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource();
        dataSource.setDriverClass(driver);
        dataSource.setUrl(url);
        dataSource.setUsername(user);
        dataSource.setPassword("");
        return dataSource;
    }
}
