package fr.sommenumerique.helpdesk.cluster;

import java.sql.DatabaseMetaData;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;

/** The poller locks, kept in table {@code int_lock} of the application's database (migration V23). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClusterProperties.class)
class ClusterConfiguration {

    static final String REGION = "pollers";

    @Bean
    DefaultLockRepository pollerLockRepository(DataSource dataSource, PlatformTransactionManager transactions)
            throws MetaDataAccessException {
        DefaultLockRepository repository = new DefaultLockRepository(dataSource);
        repository.setRegion(REGION);
        repository.setTransactionManager(transactions);
        String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        if ("PostgreSQL".equals(database)) {
            // a failed INSERT would abort PostgreSQL's transaction: let a taken lock simply insert nothing
            repository.setInsertQuery(repository.getInsertQuery() + " ON CONFLICT DO NOTHING");
        }
        return repository;
    }

    @Bean
    JdbcLockRegistry pollerLockRegistry(DefaultLockRepository repository, ClusterProperties properties) {
        JdbcLockRegistry registry = new JdbcLockRegistry(repository, properties.lockTtl());
        registry.setIdleBetweenTries(properties.heartbeat().dividedBy(2));
        return registry;
    }

    @Bean
    PollerLocks pollerLocks(JdbcLockRegistry registry, DefaultLockRepository repository, ClusterProperties properties,
                            ApplicationEventPublisher events, JdbcClient jdbc,
                            @Value("${spring.datasource.url:}") String databaseUrl) {
        Runnable clearStaleLocks = processExclusive(databaseUrl)
                ? () -> jdbc.sql("DELETE FROM int_lock WHERE region = ?").param(REGION).update()
                : () -> { };
        return new PollerLocks(registry, repository, properties, events, clearStaleLocks);
    }

    /**
     * An embedded H2 file database is opened by one process at a time (H2 locks the file; AUTO_SERVER lets others
     * in through this one, hence excluded): lock rows found when it starts were left by a process that died. They
     * are cleared, so that a single instance restarted after a crash reads its channels at once instead of waiting
     * for its own old locks to expire. With PostgreSQL nothing can tell a dead holder from a live one: its locks
     * expire after {@code helpdesk.cluster.lock-ttl}.
     */
    static boolean processExclusive(String databaseUrl) {
        String url = databaseUrl.toLowerCase(Locale.ROOT);
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:") && !url.startsWith("jdbc:h2:tcp:")
                && !url.startsWith("jdbc:h2:ssl:") && !url.replace(" ", "").contains("auto_server=true");
    }
}
