package fr.sommenumerique.helpdesk.mail;

import fr.sommenumerique.helpdesk.cluster.PollerLeadership;
import fr.sommenumerique.helpdesk.cluster.PollerLocks;
import fr.sommenumerique.helpdesk.conversation.Conversations;
import fr.sommenumerique.helpdesk.mail.inbox.InboundMailMapper;
import fr.sommenumerique.helpdesk.mail.inbox.MailIntake;
import fr.sommenumerique.helpdesk.mail.inbox.MailProcessingObserver;
import fr.sommenumerique.helpdesk.mail.inbox.MailboxPoller;
import fr.sommenumerique.helpdesk.mail.inbox.MailboxStatus;
import fr.sommenumerique.helpdesk.mail.inbox.QuarantineRetries;
import fr.sommenumerique.helpdesk.mail.outbox.OutboxMailSender;
import fr.sommenumerique.helpdesk.mail.parsing.MachineMailDetector;
import fr.sommenumerique.helpdesk.mail.parsing.MailParser;
import fr.sommenumerique.helpdesk.mail.server.EmbeddedMailServer;
import fr.sommenumerique.helpdesk.ticketing.Outbox;
import fr.sommenumerique.helpdesk.ticketing.ProcessedInbound;
import fr.sommenumerique.helpdesk.ticketing.Quarantine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.Locale;

/** The e-mail channel's beans; none of them exist when {@code helpdesk.mail.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
@ConditionalOnProperty(name = "helpdesk.mail.enabled", havingValue = "true", matchIfMissing = true)
class MailConfiguration {

    /** Started only when no IMAP server is configured. */
    @Bean(destroyMethod = "close")
    EmbeddedMailServerHolder embeddedMailServer(MailProperties properties) {
        return new EmbeddedMailServerHolder(properties.embeddedServer() ? new EmbeddedMailServer(properties) : null);
    }

    @Bean
    MailEndpoints mailEndpoints(MailProperties properties, EmbeddedMailServerHolder embedded) {
        if (embedded.server() != null) {
            return embedded.server().endpoints();
        }
        MailProperties.Imap imap = properties.imap();
        MailProperties.Smtp smtp = properties.smtp();
        String smtpHost = smtp.host() == null || smtp.host().isBlank() ? imap.host() : smtp.host();
        return new MailEndpoints(imap.host(), imap.port(), imap.security(),
                imap.username() == null ? properties.address() : imap.username(), imap.password(),
                smtpHost, smtp.port(), smtp.security(), blankToNull(smtp.username()), smtp.password(), false);
    }

    @Bean
    MailIntake mailIntake(Outbox outbox, ProcessedInbound processed, Conversations conversations,
                          Quarantine quarantine, MailProperties properties) {
        return new MailIntake(new MailParser(), new MachineMailDetector(outbox.messageIdDomain()),
                new InboundMailMapper(processed), conversations, quarantine, properties.address());
    }

    @Bean
    MailboxStatus mailboxStatus() {
        return new MailboxStatus();
    }

    @Bean
    MailboxPoller mailboxPoller(MailProperties properties, MailEndpoints endpoints, MailIntake intake,
                                ObjectProvider<MailProcessingObserver> observer, MailboxStatus status,
                                PollerLocks locks, PlatformTransactionManager transactions) {
        return new MailboxPoller(properties.imap(), endpoints, intake,
                observer.getIfAvailable(() -> MailProcessingObserver.NONE), status,
                mailboxLeadership(locks, endpoints, properties.imap().folder()), transactions);
    }

    /**
     * Instances reading the same mailbox (server, user, folder) compete for one lock. An embedded server's mailbox
     * belongs to its own instance alone: its lock is its own.
     */
    private static PollerLeadership mailboxLeadership(PollerLocks locks, MailEndpoints endpoints, String folder) {
        if (endpoints.embedded()) {
            return PollerLeadership.alone();
        }
        String mailbox = endpoints.imapUser() + " sur " + endpoints.imapHost() + ":" + endpoints.imapPort() + " (" + folder + ")";
        return locks.leadership("mail:" + mailbox.toLowerCase(Locale.ROOT), "la boîte " + mailbox);
    }

    @Bean
    OutboxMailSender outboxMailSender(Outbox outbox, MailProperties properties, MailEndpoints endpoints) {
        return new OutboxMailSender(outbox, properties, endpoints);
    }

    @Bean
    QuarantineRetries mailQuarantineRetries(Quarantine quarantine, MailIntake intake) {
        return new QuarantineRetries(quarantine, intake);
    }

    @Bean
    MailHealthIndicator mailHealthIndicator(MailboxStatus status, OutboxMailSender sender, MailEndpoints endpoints) {
        return new MailHealthIndicator(status, sender, endpoints);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Lets the embedded server be optional while still being closed with the context. */
    record EmbeddedMailServerHolder(EmbeddedMailServer server) implements AutoCloseable {
        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }
}
