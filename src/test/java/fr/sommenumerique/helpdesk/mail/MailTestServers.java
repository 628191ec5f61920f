package fr.sommenumerique.helpdesk.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Two real GreenMail servers for the e-mail channel's tests: the support {@code mailbox} (IMAP read by the
 * application, SMTP to write to it) and the outgoing {@code relay} (the application's SMTP server, where its replies
 * land). The relay can be stopped and started again on the same port to stage an SMTP outage.
 */
public final class MailTestServers {

    private static final long STARTUP_TIMEOUT_MILLIS = 15_000;

    static final String SUPPORT = "support@mairie-connectee.local";
    static final String SUPPORT_PASSWORD = "motdepasse-de-test";

    private final int mailboxSmtpPort = freePort();
    private final int mailboxImapPort = freePort();
    private final int relayPort = freePort();
    private volatile GreenMail mailbox;
    private volatile GreenMail relay;

    MailTestServers() {
        mailbox = startMailbox();
        relay = startRelay();
    }

    GreenMail mailbox() {
        return mailbox;
    }

    /** Stops the support mailbox server; {@link #restartMailbox} brings up an empty one on the same ports. */
    void stopMailbox() {
        mailbox.stop();
    }

    void restartMailbox() {
        mailbox = startMailbox();
    }

    /** The application's settings pointing at these servers, with short waits for tests. */
    Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("helpdesk.mail.address", SUPPORT);
        properties.put("helpdesk.mail.imap.host", "127.0.0.1");
        properties.put("helpdesk.mail.imap.port", String.valueOf(mailboxImapPort));
        properties.put("helpdesk.mail.imap.security", "NONE");
        properties.put("helpdesk.mail.imap.username", SUPPORT);
        properties.put("helpdesk.mail.imap.password", SUPPORT_PASSWORD);
        properties.put("helpdesk.mail.imap.backoff-initial", "200ms");
        properties.put("helpdesk.mail.imap.backoff-max", "1s");
        // Polling, not IDLE: GreenMail's IDLE sometimes misses a mail delivered just before it starts, and ending that
        // IDLE from the refresh thread did not always wake it (20 s stalls in the full suite). MailIdleTest proves IDLE.
        properties.put("helpdesk.mail.imap.idle", "false");
        properties.put("helpdesk.mail.imap.poll-interval", "100ms");
        properties.put("helpdesk.mail.imap.idle-refresh", "1s");
        properties.put("helpdesk.mail.smtp.host", "127.0.0.1");
        properties.put("helpdesk.mail.smtp.port", String.valueOf(relayPort));
        properties.put("helpdesk.mail.smtp.security", "NONE");
        properties.put("helpdesk.mail.sender.interval", "200ms");
        properties.put("helpdesk.outbox.backoff", "300ms,600ms");
        properties.put("helpdesk.outbox.max-attempts", "100"); // short waits must not exhaust the attempts
        return properties;
    }

    void register(DynamicPropertyRegistry registry) {
        properties().forEach((key, value) -> registry.add(key, () -> value));
    }

    GreenMail relay() {
        return relay;
    }

    void stopRelay() {
        relay.stop();
    }

    void restartRelay() {
        relay = startRelay();
    }

    void stop() {
        relay.stop();
        mailbox.stop();
    }

    /** Sends a message to the support mailbox through the mailbox's SMTP server, as a commune would. */
    void send(MimeMessage message) {
        try {
            Transport.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    MimeMessage newMessage(String from, String subject, String body) {
        try {
            Properties props = new Properties();
            props.put("mail.smtp.host", "127.0.0.1");
            props.put("mail.smtp.port", String.valueOf(mailboxSmtpPort));
            MimeMessage message = new MimeMessage(Session.getInstance(props));
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, SUPPORT);
            message.setSubject(subject, "UTF-8");
            message.setText(body, "UTF-8");
            return message;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An address of its own for one test: a domain shared with a commune's contacts would link the sender to that
     * commune.
     */
    static String unique(String name) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        return name + "-" + id + "@mairie-" + id + ".fr";
    }

    /** The text of a plain-text message (our replies are plain text). */
    static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ticket reference in the subject of one of our replies (« [MC-2026-00042] RE : … »). */
    static String referenceIn(String subject) {
        return subject.replaceAll(".*\\[(MC-\\d{4}-\\d{5})].*", "$1");
    }

    /** Puts raw bytes straight into the support mailbox, as a broken client or gateway might. */
    void deliverRaw(byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            mailbox.getUserManager().getUserByEmail(SUPPORT).deliver(message);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    void deliverRaw(String raw) {
        deliverRaw(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** What the application sent to an address, oldest first. */
    List<MimeMessage> repliesTo(String address) {
        return Arrays.stream(relay.getReceivedMessages()).filter(m -> isTo(m, address)).toList();
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to != null && Arrays.stream(to).anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private GreenMail startMailbox() {
        GreenMail server = new GreenMail(new ServerSetup[]{
                local(mailboxSmtpPort, ServerSetup.PROTOCOL_SMTP), local(mailboxImapPort, ServerSetup.PROTOCOL_IMAP)});
        server.start();
        server.setUser(SUPPORT, SUPPORT, SUPPORT_PASSWORD);
        return server;
    }

    private GreenMail startRelay() {
        GreenMail server = new GreenMail(local(relayPort, ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    /**
     * A server on the loopback address. GreenMail gives a server 2 s to start; on a loaded CI machine that was not
     * enough once (« Could not start mail server smtp:127.0.0.1:… »), so it gets 15 s.
     */
    private static ServerSetup local(int port, String protocol) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", protocol);
        setup.setServerStartupTimeout(STARTUP_TIMEOUT_MILLIS);
        return setup;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
