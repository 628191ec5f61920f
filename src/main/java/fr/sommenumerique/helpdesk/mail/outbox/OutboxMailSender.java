package fr.sommenumerique.helpdesk.mail.outbox;

import fr.sommenumerique.helpdesk.mail.MailEndpoints;
import fr.sommenumerique.helpdesk.mail.MailProperties;
import fr.sommenumerique.helpdesk.mail.parsing.MachineMailDetector;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.Outbox;
import fr.sommenumerique.helpdesk.ticketing.OutboxMessage;
import fr.sommenumerique.helpdesk.ticketing.OutboxMessageQueued;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends the queued e-mails over SMTP. A failed attempt stays in the outbox and is retried with back-off (the outbox
 * decides when), so an SMTP outage delays replies and loses none; an address the server refuses outright fails at
 * once, visible to staff. Each attempt is recorded before the message goes to the server and its outcome right
 * after, so only a crash between the server's « 250 OK » and that record sends a reply twice, with the same
 * Message-ID (mail clients show it once). A reply leaves as soon as the transaction that queued it commits;
 * polling every {@code helpdesk.mail.sender.interval} is the safety net (retries, a wake-up lost in a crash).
 */
public final class OutboxMailSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxMailSender.class);

    private final Outbox outbox;
    private final MailProperties properties;
    private final MailEndpoints endpoints;
    private final Session session;
    /** A new one at each start: a stopped executor cannot be restarted (Spring stops and restarts paused contexts). */
    private volatile ScheduledExecutorService scheduler;
    private final AtomicBoolean wakeUpWaiting = new AtomicBoolean();
    private volatile boolean running;
    private volatile Instant lastSent;
    private volatile String lastError;

    public OutboxMailSender(Outbox outbox, MailProperties properties, MailEndpoints endpoints) {
        this.outbox = outbox;
        this.properties = properties;
        this.endpoints = endpoints;
        this.session = Session.getInstance(smtpProperties());
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mail-outbox");
            t.setDaemon(true);
            return t;
        });
        running = true;
        long interval = properties.sender().interval().toMillis();
        scheduler.scheduleWithFixedDelay(this::sendDueSafely, 0, interval, TimeUnit.MILLISECONDS);
    }

    /**
     * Sends what is due now, on the sender's thread, rather than at the next poll: called once a transaction that
     * queued an e-mail has committed. Calls while a round is waiting to start make no further round.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    public void onQueued(OutboxMessageQueued queued) {
        ScheduledExecutorService current = scheduler;
        if (queued.channel() != Channel.EMAIL || !running || current == null
                || !wakeUpWaiting.compareAndSet(false, true)) {
            return;
        }
        try {
            current.execute(() -> {
                wakeUpWaiting.set(false); // mail queued from now on needs a round of its own
                sendDueSafely();
            });
        } catch (RejectedExecutionException stopping) {
            wakeUpWaiting.set(false);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        ScheduledExecutorService current = scheduler;
        if (current == null) {
            return;
        }
        current.shutdown();
        try {
            current.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    public Instant lastSent() {
        return lastSent;
    }

    public String lastError() {
        return lastError;
    }

    private void sendDueSafely() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            lastError = e.toString();
            log.error("Envoi des e-mails en attente impossible pour l'instant", e);
        }
    }

    /** Sends what is due now, one SMTP connection per batch; returns how many were sent. */
    public int sendDue() {
        int sent = 0;
        List<OutboxMessage> due;
        do {
            due = outbox.claimDue(Channel.EMAIL, properties.sender().batch());
            if (due.isEmpty()) {
                break;
            }
            int attempted = 0;
            try (Transport transport = session.getTransport()) {
                if (endpoints.smtpUser() == null) {
                    transport.connect(); // host and port from the session; no authentication
                } else {
                    transport.connect(endpoints.smtpUser(), endpoints.smtpPassword());
                }
                for (OutboxMessage message : due) {
                    attempted++;
                    if (send(transport, message)) {
                        sent++;
                    }
                }
            } catch (MessagingException e) {
                // The server cannot be reached: the claimed messages not yet tried wait for their next attempt.
                due.subList(attempted, due.size()).forEach(m -> failed(m, e));
                return sent;
            }
        } while (running && due.size() == properties.sender().batch());
        return sent;
    }

    private boolean send(Transport transport, OutboxMessage message) {
        try {
            MimeMessage mime = toMime(message);
            outbox.beginAttempt(message.id()); // durable before SMTP: a crash from here on is known to be in doubt
            transport.sendMessage(mime, mime.getAllRecipients());
            outbox.markSent(message.id(), message.messageId());
            lastSent = Instant.now();
            lastError = null;
            return true;
        } catch (SendFailedException e) {
            if (e.getValidSentAddresses() == null && e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0) {
                outbox.markFailedPermanently(message.id(), "Adresse refusée par le serveur : " + e.getMessage());
            } else {
                failed(message, e);
            }
        } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
            failed(message, e);
        }
        return false;
    }

    private void failed(OutboxMessage message, Exception e) {
        lastError = e.toString();
        outbox.markAttemptFailed(message.id(), e.getClass().getSimpleName() + " : " + e.getMessage());
        log.warn("E-mail {} à {} non envoyé ({}), nouvel essai plus tard", message.id(), message.recipient(),
                e.getMessage());
    }

    MimeMessage toMime(OutboxMessage message) throws MessagingException, UnsupportedEncodingException {
        OutgoingMimeMessage mime = new OutgoingMimeMessage(session, message.messageId());
        mime.setFrom(new InternetAddress(properties.address(), properties.displayName(), "UTF-8"));
        mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(message.recipient(), true));
        mime.setSubject(message.subject() == null ? "" : message.subject(), "UTF-8");
        mime.setSentDate(new Date());
        if (message.htmlBody() == null) {
            mime.setText(message.textBody(), "UTF-8");
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.textBody(), "UTF-8");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(message.htmlBody(), "UTF-8", "html");
            mime.setContent(new MimeMultipart("alternative", text, html));
        }
        if (message.inReplyTo() != null) {
            mime.setHeader("In-Reply-To", "<" + message.inReplyTo() + ">");
        }
        if (message.references() != null) {
            mime.setHeader("References", message.references());
        }
        if (message.autoSubmitted() != null) {
            // RFC 3834: tells other robots not to answer; Exchange reads the second header.
            mime.setHeader("Auto-Submitted", message.autoSubmitted());
            mime.setHeader("X-Auto-Response-Suppress", "All");
        }
        mime.setHeader(MachineMailDetector.LOOP_HEADER, properties.ownDomain());
        mime.saveChanges();
        return mime;
    }

    private Properties smtpProperties() {
        String protocol = endpoints.smtpSecurity() == MailProperties.Security.SSL ? "smtps" : "smtp";
        String prefix = "mail." + protocol + ".";
        Properties props = new Properties();
        props.put("mail.transport.protocol", protocol);
        props.put(prefix + "host", endpoints.smtpHost());
        props.put(prefix + "port", String.valueOf(endpoints.smtpPort()));
        long timeout = properties.smtp().timeout().toMillis();
        props.put(prefix + "connectiontimeout", String.valueOf(timeout));
        props.put(prefix + "timeout", String.valueOf(timeout));
        props.put(prefix + "writetimeout", String.valueOf(timeout));
        props.put(prefix + "auth", String.valueOf(endpoints.smtpUser() != null));
        props.put("mail.mime.charset", "UTF-8");
        if (endpoints.smtpSecurity() == MailProperties.Security.STARTTLS) {
            props.put(prefix + "starttls.enable", "true");
            props.put(prefix + "starttls.required", "true");
        }
        if (endpoints.smtpSecurity() != MailProperties.Security.NONE) {
            props.put(prefix + "ssl.checkserveridentity", "true");
        }
        return props;
    }
}
