package fr.sommenumerique.helpdesk.ticketing;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Real H2 database migrated by the real Flyway scripts; every table but the communes is emptied before each test. */
// A plain Spring test context, not @SpringBootTest: that would add the whole application to a @TestConfiguration.
@SpringJUnitConfig(TicketingTestConfig.class)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:ticketing-test;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "spring.datasource.password=",
        "spring.flyway.locations=classpath:db/migration,classpath:db/vendor/{vendor}",
        "helpdesk.communes.domains.[mairie-configuree.fr]=80829"
})
abstract class TicketingTestBase {

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected MutableClock clock;

    @BeforeEach
    void emptyTables() {
        for (String table : new String[] {"assistant_feedback", "assistant_interactions", "processed_inbound", "quarantine",
                "outbox", "subscription_requests", "ticket_viewers", "saved_views", "ticket_attachments", "ticket_messages", "tickets", "contacts",
                "audit_log", "reference_counters"}) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        clock.setParis("2026-03-02T09:00"); // a Monday morning
    }
}
