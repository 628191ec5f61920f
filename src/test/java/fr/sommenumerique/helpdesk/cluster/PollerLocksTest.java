package fr.sommenumerique.helpdesk.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import fr.sommenumerique.helpdesk.testdb.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The poller locks as two instances sharing one database see them (on H2, and on PostgreSQL in the second run of
 * the database tests): one leads at a time, a clean stop hands over at once, a crashed leader's lock is taken over
 * once it expires, and a leader whose lock was taken stops leading before its next message.
 */
class PollerLocksTest {

    private static final ClusterProperties FAST = new ClusterProperties(Duration.ofSeconds(2), Duration.ofMillis(200));

    private final DataSource database = TestDatabases.migrated("poller_locks");
    private final List<PollerLocks> instances = new ArrayList<>();

    @AfterEach
    void stopInstances() {
        instances.forEach(PollerLocks::stop);
    }

    @Test
    void one_instance_leads_and_a_clean_stop_hands_over_at_once_and_the_new_leader_is_told() throws Exception {
        PollerLocks first = instance();
        PollerLocks second = instance();
        PollerLeadership one = first.leadership("mail:support", "la boîte de test");
        PollerLeadership two = second.leadership("mail:support", "la boîte de test");
        AtomicInteger secondGranted = new AtomicInteger();
        two.onGranted(secondGranted::incrementAndGet);
        first.start();
        assertThat(one.awaitLeadership(Duration.ofSeconds(10))).isTrue();
        second.start();
        assertThat(two.awaitLeadership(Duration.ofSeconds(1))).isFalse();
        assertThat(one.isLeader()).isTrue();

        long stoppedAt = System.nanoTime();
        first.stop();
        assertThat(two.awaitLeadership(Duration.ofSeconds(5))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - stoppedAt)).isLessThan(Duration.ofSeconds(2));
        assertThat(one.isLeader()).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> secondGranted.get() == 1);
    }

    @Test
    void different_channels_have_different_locks() throws Exception {
        PollerLocks first = instance();
        PollerLocks second = instance();
        PollerLeadership mail = first.leadership("mail:support", "la boîte");
        PollerLeadership bot = second.leadership("telegram:123", "le bot");
        first.start();
        second.start();
        assertThat(mail.awaitLeadership(Duration.ofSeconds(10))).isTrue();
        assertThat(bot.awaitLeadership(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void a_leader_that_lost_its_lock_stops_before_the_next_message_and_is_told() throws Exception {
        PollerLocks first = instance();
        PollerLeadership one = first.leadership("mail:support", "la boîte de test");
        AtomicInteger revoked = new AtomicInteger();
        one.onRevoked(revoked::incrementAndGet);
        first.start();
        assertThat(one.awaitLeadership(Duration.ofSeconds(10))).isTrue();

        // another instance took the lock while this one could not renew it (frozen, cut from the database…)
        JdbcClient.create(database).sql("UPDATE int_lock SET client_id = ?").param("7b1f0c8e-0000-0000-0000-000000000000")
                .update();
        assertThat(one.isLeader()).as("checked in the database before the next message").isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> revoked.get() == 1);
    }

    @Test
    void the_lock_of_a_crashed_leader_is_taken_over_once_expired() throws Exception {
        PollerLocks crashed = instance();
        PollerLeadership dead = crashed.leadership("telegram:42", "le bot");
        crashed.start();
        assertThat(dead.awaitLeadership(Duration.ofSeconds(10))).isTrue();
        // a crash: the row stays until it expires, nobody renews it (here: the row is made someone else's, so the
        // stopping instance cannot delete it, as a killed one would not)
        JdbcClient.create(database).sql("UPDATE int_lock SET client_id = ?").param("0d0d0d0d-0000-0000-0000-000000000000")
                .update();
        crashed.stop();

        PollerLocks survivor = instance();
        PollerLeadership taker = survivor.leadership("telegram:42", "le bot");
        long startedAt = System.nanoTime();
        survivor.start();
        assertThat(taker.awaitLeadership(Duration.ofSeconds(10))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - startedAt))
                .isLessThan(FAST.lockTtl().plus(Duration.ofSeconds(2)));
    }

    @Test
    void only_an_embedded_h2_file_database_is_known_to_be_this_process_alone() {
        assertThat(ClusterConfiguration.processExclusive("jdbc:h2:file:./data/helpdesk;WRITE_DELAY=0")).isTrue();
        assertThat(ClusterConfiguration.processExclusive("jdbc:h2:./data/helpdesk")).isTrue();
        assertThat(ClusterConfiguration.processExclusive("jdbc:h2:file:./data/helpdesk;AUTO_SERVER=TRUE")).isFalse();
        assertThat(ClusterConfiguration.processExclusive("jdbc:h2:tcp://db/helpdesk")).isFalse();
        assertThat(ClusterConfiguration.processExclusive("jdbc:h2:mem:helpdesk")).isFalse();
        assertThat(ClusterConfiguration.processExclusive("jdbc:postgresql://db/helpdesk")).isFalse();
    }

    /** What ClusterConfiguration builds for one instance of the application. */
    private PollerLocks instance() throws Exception {
        ClusterConfiguration configuration = new ClusterConfiguration();
        DefaultLockRepository repository = configuration.pollerLockRepository(database,
                new DataSourceTransactionManager(database));
        repository.afterPropertiesSet();
        repository.afterSingletonsInstantiated();
        JdbcLockRegistry registry = configuration.pollerLockRegistry(repository, FAST);
        PollerLocks locks = new PollerLocks(registry, repository, FAST, event -> { }, () -> { });
        instances.add(locks);
        return locks;
    }
}
