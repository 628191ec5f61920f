package fr.sommenumerique.helpdesk.mail;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application started with no mail settings runs its own mail server: a commune writes to its SMTP port and
 * reads the answer in its own mailbox over its IMAP port, as the README tells a first-time user to do.
 */
@SpringBootTest
@ActiveProfiles("test")
class MailEmbeddedServerTest {

    @Autowired
    MailEndpoints endpoints;
    @Autowired
    MailProperties properties;

    @Test
    void a_mail_sent_to_the_embedded_smtp_is_answered_in_the_senders_embedded_mailbox() throws Exception {
        assertThat(endpoints.embedded()).isTrue();
        String from = "secretaire-" + UUID.randomUUID().toString().substring(0, 8) + "@mairie-exemple.fr";
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", endpoints.smtpHost());
        smtp.put("mail.smtp.port", String.valueOf(endpoints.smtpPort()));
        MimeMessage question = new MimeMessage(Session.getInstance(smtp));
        question.setFrom(new InternetAddress(from));
        question.setRecipients(Message.RecipientType.TO, properties.address());
        question.setSubject("Actes bloqué", "UTF-8");
        question.setText("Message d'erreur « fichier non conforme » quand je dépose ma délibération sur Actes.", "UTF-8");
        Transport.send(question);

        AtomicReference<String> reply = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            reply.set(firstMessageOf(from));
            return reply.get() != null;
        });
        assertThat(reply.get()).contains("[MC-").contains("In-Reply-To: " + question.getMessageID());
    }

    /** Subject and In-Reply-To of the first message in that address's embedded mailbox, or null. */
    private String firstMessageOf(String address) throws Exception {
        Properties imap = new Properties();
        Store store = Session.getInstance(imap).getStore("imap");
        try {
            store.connect(endpoints.imapHost(), endpoints.imapPort(), address, address);
        } catch (jakarta.mail.AuthenticationFailedException noMailboxYet) {
            return null; // GreenMail creates the mailbox on first delivery
        }
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                if (inbox.getMessageCount() == 0) {
                    return null;
                }
                Message m = inbox.getMessage(1);
                return m.getSubject() + "\nIn-Reply-To: " + ((MimeMessage) m).getHeader("In-Reply-To", null);
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }
}
