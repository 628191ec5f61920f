package fr.sommenumerique.helpdesk.mail;

import fr.sommenumerique.helpdesk.mail.inbox.MailboxStatus;
import fr.sommenumerique.helpdesk.mail.outbox.OutboxMailSender;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The e-mail channel's health: the IMAP connection (UP while connected, DEGRADED while reconnecting) and the last
 * SMTP outcome (DEGRADED while the last attempt failed: replies are being retried). Host names and counters only;
 * never credentials.
 */
final class MailHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "La boîte support est injoignable, nouvel essai en cours");
    static final Status SMTP_RETRYING = new Status("DEGRADED", "L'envoi des e-mails échoue, nouvel essai en cours");

    private final MailboxStatus mailbox;
    private final OutboxMailSender sender;
    private final MailEndpoints endpoints;

    MailHealthIndicator(MailboxStatus mailbox, OutboxMailSender sender, MailEndpoints endpoints) {
        this.mailbox = mailbox;
        this.sender = sender;
        this.endpoints = endpoints;
    }

    @Override
    public Health health() {
        Health.Builder health = switch (mailbox.state()) {
            case CONNECTED_IDLE, CONNECTED_POLLING, STANDBY -> sender.lastError() == null ? Health.up()
                    : Health.status(SMTP_RETRYING);
            case STARTING -> Health.unknown();
            case RECONNECTING -> Health.status(DEGRADED);
            case STOPPED -> Health.outOfService();
        };
        health.withDetail("imap", endpoints.imapHost() + ":" + endpoints.imapPort())
                .withDetail("smtp", endpoints.smtpHost() + ":" + endpoints.smtpPort())
                .withDetail("embeddedServer", endpoints.embedded())
                .withDetail("state", mailbox.state().name())
                .withDetail("messagesProcessed", mailbox.processed())
                .withDetail("messagesQuarantined", mailbox.quarantined());
        putIfPresent(health, "lastCheck", mailbox.lastCheck());
        if (mailbox.lastError() != null) {
            health.withDetail("lastError", mailbox.lastError())
                    .withDetail("lastErrorAt", String.valueOf(mailbox.lastErrorAt()))
                    .withDetail("consecutiveFailures", mailbox.consecutiveFailures());
        }
        putIfPresent(health, "lastSmtpSend", sender.lastSent());
        putIfPresent(health, "lastSmtpError", sender.lastError());
        return health.build();
    }

    private static void putIfPresent(Health.Builder health, String key, Object value) {
        if (value != null) {
            health.withDetail(key, value.toString());
        }
    }
}
