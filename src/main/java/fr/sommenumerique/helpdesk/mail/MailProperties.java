package fr.sommenumerique.helpdesk.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the e-mail channel ({@code helpdesk.mail.*}). With no IMAP host, an embedded mail server is started so
 * that the whole flow works on one machine. Passwords come from the environment (see config/application.yml).
 *
 * @param enabled     false turns the channel off entirely (no polling, no sending)
 * @param address     the support address people write to, and the From of replies
 * @param displayName the name shown with that address
 */
@ConfigurationProperties("helpdesk.mail")
public record MailProperties(Boolean enabled, String address, String displayName, Imap imap, Smtp smtp,
                             Sender sender, Embedded embedded) {

    public enum Security { NONE, STARTTLS, SSL }

    /** How a message is marked as done on the server, once its effects are committed. */
    public enum ProcessedMarker { FLAG, MOVE }

    public MailProperties {
        enabled = enabled == null || enabled;
        address = blank(address) ? "support@mairie-connectee.local" : address.strip();
        displayName = blank(displayName) ? "Assistance Mairie connectée" : displayName.strip();
        imap = imap == null ? new Imap(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null) : imap;
        smtp = smtp == null ? new Smtp(null, null, null, null, null, null) : smtp;
        sender = sender == null ? new Sender(null, null) : sender;
        embedded = embedded == null ? new Embedded(null, null) : embedded;
    }

    /** The domain of our own Message-IDs and address: mail from it is ours. */
    public String ownDomain() {
        return address.substring(address.indexOf('@') + 1).toLowerCase();
    }

    /** No IMAP server configured: the application runs its own. */
    public boolean embeddedServer() {
        return blank(imap.host());
    }

    /**
     * @param processed      FLAG sets {@code processedFlag} (an IMAP keyword) on the message; MOVE moves it to
     *                       {@code processedFolder}
     * @param idle           use IMAP IDLE when the server supports it (else, or when false, poll)
     * @param pollInterval   how often to look for new mail without IDLE
     * @param idleRefresh    how long one IDLE may last before it is renewed (servers drop it after ~30 min; a short
     *                       renewal also catches mail a server failed to announce)
     * @param backoffInitial first wait after a connection failure; doubled up to backoffMax
     */
    public record Imap(String host, Integer port, Security security, String username, String password, String folder,
                       ProcessedMarker processed, String processedFlag, String processedFolder, Boolean idle,
                       Duration pollInterval, Duration idleRefresh, Duration backoffInitial, Duration backoffMax,
                       Duration timeout) {
        public Imap {
            security = security == null ? Security.SSL : security;
            port = port == null ? (security == Security.SSL ? 993 : 143) : port;
            folder = blank(folder) ? "INBOX" : folder;
            processed = processed == null ? ProcessedMarker.FLAG : processed;
            processedFlag = blank(processedFlag) ? "$HelpdeskProcessed" : processedFlag;
            processedFolder = blank(processedFolder) ? "Traites" : processedFolder;
            idle = idle == null || idle;
            pollInterval = pollInterval == null ? Duration.ofSeconds(60) : pollInterval;
            idleRefresh = idleRefresh == null ? Duration.ofMinutes(1) : idleRefresh;
            backoffInitial = backoffInitial == null ? Duration.ofSeconds(2) : backoffInitial;
            backoffMax = backoffMax == null ? Duration.ofMinutes(5) : backoffMax;
            timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        }
    }

    public record Smtp(String host, Integer port, Security security, String username, String password,
                       Duration timeout) {
        public Smtp {
            security = security == null ? Security.STARTTLS : security;
            port = port == null ? (security == Security.SSL ? 465 : 587) : port;
            timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        }
    }

    /** How often queued e-mails are sent, and how many at a time. */
    public record Sender(Duration interval, Integer batch) {
        public Sender {
            interval = interval == null ? Duration.ofSeconds(5) : interval;
            batch = batch == null ? 20 : batch;
        }
    }

    /** Ports of the embedded server (0 = any free port). */
    public record Embedded(Integer smtpPort, Integer imapPort) {
        public Embedded {
            smtpPort = smtpPort == null ? 3025 : smtpPort;
            imapPort = imapPort == null ? 3143 : imapPort;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
