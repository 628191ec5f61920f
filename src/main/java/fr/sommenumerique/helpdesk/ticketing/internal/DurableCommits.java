package fr.sommenumerique.helpdesk.ticketing.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes every commit of an H2 file database reach the file before the commit returns. By default H2's MVStore
 * keeps commits in memory for up to 500 ms ({@code WRITE_DELAY}): a process killed in that window loses
 * transactions it had reported committed, and with them the « processed » records that make a restart skip what
 * was already handled. {@code WRITE_DELAY=0} in the URL does it; this check also covers a URL written without it
 * (H2 does not re-apply a stored write delay when it opens the file, so it is set on every start). A URL that
 * states another {@code WRITE_DELAY} is an explicit choice (the mail benchmark compares both): kept, with a
 * warning. Nothing to do for an in-memory database or another database (PostgreSQL commits durably by itself).
 */
@Component
class DurableCommits {

    private static final Logger log = LoggerFactory.getLogger(DurableCommits.class);

    /** @param configuredUrl the URL as configured: H2's own metadata leaves its settings out */
    DurableCommits(DataSource dataSource, @Value("${spring.datasource.url:}") String configuredUrl) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String url = connection.getMetaData().getURL();
            if (!"H2".equals(connection.getMetaData().getDatabaseProductName()) || url.startsWith("jdbc:h2:mem:")) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                int delay = writeDelay(statement);
                if (delay != 0 && configuredUrl.toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=")) {
                    log.warn("H2 WRITE_DELAY={} from the datasource URL: a crash may lose the last {} ms of commits",
                            delay, delay);
                } else if (delay != 0) {
                    statement.execute("SET WRITE_DELAY 0");
                    log.info("H2 write delay was {} ms: set to 0 so that a committed transaction survives a crash", delay);
                }
            }
        }
    }

    static int writeDelay(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            return rs.next() ? Integer.parseInt(rs.getString(1)) : 0;
        }
    }
}
