package fr.sommenumerique.helpdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import fr.sommenumerique.helpdesk.web.security.LoginProperties;
import fr.sommenumerique.helpdesk.web.security.LoginThrottle;

/** The login throttle on a real H2 database with the application's migrations. */
class LoginThrottleTest {

    private static final LoginProperties PROPERTIES = new LoginProperties(3, 10, Duration.ofSeconds(30), Duration.ofMinutes(5));

    private final SettableClock clock = new SettableClock();
    private final DriverManagerDataSource database = migratedDatabase();
    private final LoginThrottle throttle = throttleOn(database);

    private static DriverManagerDataSource migratedDatabase() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:throttle-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/vendor/h2").load()
                .migrate();
        return dataSource;
    }

    private LoginThrottle throttleOn(DriverManagerDataSource dataSource) {
        return new LoginThrottle(JdbcClient.create(dataSource), new DataSourceTransactionManager(dataSource), PROPERTIES,
                clock);
    }

    @Test
    void a_username_is_locked_from_the_failing_address_only_for_a_growing_while() {
        throttle.failed("Claire", "10.0.0.1");
        throttle.failed("claire", "10.0.0.1");
        assertThat(throttle.lockRemaining("claire", "10.0.0.1")).isEmpty();
        throttle.failed("claire ", "10.0.0.1");
        assertThat(throttle.lockRemaining("CLAIRE", "10.0.0.1")).contains(Duration.ofSeconds(30));
        assertThat(throttle.lockRemaining("claire", "10.0.0.2")).as("her own address: she gets in").isEmpty();

        clock.advance(Duration.ofSeconds(31));
        assertThat(throttle.lockRemaining("claire", "10.0.0.1")).isEmpty();
        throttle.failed("claire", "10.0.0.1");
        assertThat(throttle.lockRemaining("claire", "10.0.0.1")).contains(Duration.ofSeconds(60));
        for (int i = 0; i < 5; i++) {
            throttle.failed("claire", "10.0.0.1");
        }
        assertThat(throttle.lockRemaining("claire", "10.0.0.1")).contains(Duration.ofMinutes(5));
        assertThat(throttle.lockRemaining("bruno", "10.0.0.1")).as("other users from there: below the address limit")
                .isEmpty();
    }

    @Test
    void a_stranger_failing_on_purpose_for_ever_never_locks_the_admin_out() {
        for (int round = 0; round < 20; round++) {
            throttle.failed("admin", "203.0.113.66"); // one request every 15 minutes, for five hours
            clock.advance(Duration.ofMinutes(15));
            assertThat(throttle.lockRemaining("admin", "192.0.2.10")).isEmpty();
        }
        for (int i = 0; i < 50; i++) {
            throttle.failed("admin", "203.0.113.67"); // or a burst
        }
        assertThat(throttle.lockRemaining("admin", "203.0.113.67")).isPresent();
        assertThat(throttle.lockRemaining("admin", "192.0.2.10")).isEmpty();
    }

    @Test
    void an_address_failing_over_many_usernames_is_locked_for_all_of_them() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("user" + i, "192.0.2.7");
        }
        assertThat(throttle.lockRemaining("quelqu-un", "192.0.2.7")).isPresent();
        assertThat(throttle.lockRemaining(null, "192.0.2.7")).as("API tokens from there too").isPresent();
        assertThat(throttle.lockRemaining("quelqu-un", "192.0.2.8")).isEmpty();
    }

    @Test
    void a_success_clears_the_pair_but_not_the_address() {
        throttle.failed("marie", "198.51.100.1");
        throttle.failed("marie", "198.51.100.1");
        throttle.succeeded("marie", "198.51.100.1");
        throttle.failed("marie", "198.51.100.1");
        assertThat(throttle.lockRemaining("marie", "198.51.100.1")).isEmpty();
        for (int i = 0; i < 7; i++) {
            throttle.failed("autre" + i, "198.51.100.1");
        }
        throttle.succeeded("marie", "198.51.100.1");
        assertThat(throttle.lockRemaining("marie", "198.51.100.1")).as("10 failures from the address").isPresent();
    }

    @Test
    void failures_are_forgotten_after_an_hour_of_calm() {
        throttle.failed("paul", "10.1.1.1");
        throttle.failed("paul", "10.1.1.1");
        clock.advance(Duration.ofMinutes(61));
        throttle.failed("paul", "10.1.1.1");
        assertThat(throttle.lockRemaining("paul", "10.1.1.1")).isEmpty();
    }

    @Test
    void instances_sharing_the_database_share_the_counts() {
        LoginThrottle otherInstance = throttleOn(database);
        throttle.failed("jean", "10.2.2.2");
        otherInstance.failed("jean", "10.2.2.2");
        throttle.failed("jean", "10.2.2.2");
        assertThat(otherInstance.lockRemaining("jean", "10.2.2.2")).isPresent();
    }

    private static final class SettableClock extends Clock {
        private Instant now = Instant.parse("2026-03-02T09:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
