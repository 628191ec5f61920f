package fr.sommenumerique.helpdesk.ticketing;

import fr.sommenumerique.helpdesk.knowledge.KnowledgeBase;

import java.nio.file.Path;
import java.time.Instant;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/**
 * Only what the ticketing module needs: an H2 data source, Flyway with the real migrations, JdbcClient,
 * transactions, the module's beans and a settable clock. No web, mail or Telegram beans. A {@code @TestConfiguration}
 * so that the application's own component scan in other modules' tests never picks it (nor its clock) up.
 */
@TestConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, DataSourceAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class, FlywayAutoConfiguration.class})
@ComponentScan("fr.sommenumerique.helpdesk.ticketing")
public class TicketingTestConfig {

    /** The real knowledge base: subscription requests take the funding rule from it. */
    @Bean
    KnowledgeBase knowledgeBase() {
        return KnowledgeBase.load(Path.of("knowledge-base"));
    }

    @Bean
    MutableClock testClock() {
        return new MutableClock(Instant.parse("2026-03-02T08:00:00Z")); // Monday 9:00 in Paris
    }
}
