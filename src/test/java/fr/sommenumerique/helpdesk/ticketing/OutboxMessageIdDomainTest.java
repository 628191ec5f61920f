package fr.sommenumerique.helpdesk.ticketing;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/** Our Message-IDs take the support address's domain unless a domain is set explicitly. */
class OutboxMessageIdDomainTest {

    @Test
    void theDomainOfTheSupportAddressOrTheDefaultOne() {
        assertThat(Outbox.defaultMessageIdDomain("Support@Somme-Numerique.test")).isEqualTo("somme-numerique.test");
        assertThat(Outbox.defaultMessageIdDomain(" ")).isEqualTo("mairie-connectee.local");
        assertThat(Outbox.defaultMessageIdDomain(null)).isEqualTo("mairie-connectee.local");
        assertThat(Outbox.defaultMessageIdDomain("sans-arobase")).isEqualTo("mairie-connectee.local");
    }

    @Nested
    @SpringJUnitConfig(TicketingTestConfig.class)
    @TestPropertySource(properties = {
            "spring.datasource.url=jdbc:h2:mem:outbox-domain-address;DB_CLOSE_DELAY=-1",
            "spring.flyway.locations=classpath:db/migration,classpath:db/vendor/{vendor}",
            "helpdesk.mail.address=Support@Somme-Numerique.test"})
    class FromTheSupportAddress {
        @Autowired
        Outbox outbox;

        @Test
        void newMessageIdsEndWithTheAddressDomain() {
            assertThat(outbox.messageIdDomain()).isEqualTo("somme-numerique.test");
            assertThat(outbox.newMessageId()).endsWith("@somme-numerique.test");
        }
    }

    @Nested
    @SpringJUnitConfig(TicketingTestConfig.class)
    @TestPropertySource(properties = {
            "spring.datasource.url=jdbc:h2:mem:outbox-domain-explicit;DB_CLOSE_DELAY=-1",
            "spring.flyway.locations=classpath:db/migration,classpath:db/vendor/{vendor}",
            "helpdesk.mail.address=support@somme-numerique.test",
            "helpdesk.outbox.message-id-domain=Helpdesk.Somme-Numerique.test"})
    class SetExplicitly {
        @Autowired
        Outbox outbox;

        @Test
        void theExplicitDomainWins() {
            assertThat(outbox.newMessageId()).endsWith("@helpdesk.somme-numerique.test");
        }
    }
}
