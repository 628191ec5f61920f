package fr.sommenumerique.helpdesk.mail;

import fr.sommenumerique.helpdesk.mail.inbox.MailboxStatus;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * IMAP IDLE is really what brings new mail in: polling and IDLE renewal are both set to five minutes, so a mail
 * handled within seconds can only have been announced by the server during IDLE. The same after the context is
 * stopped and started again: the reader and the outbox sender restart (their executors are new at each start).
 */
@SpringBootTest
@ActiveProfiles("test")
class MailIdleTest {

    private static final MailTestServers servers = new MailTestServers();

    @DynamicPropertySource
    static void mailServers(DynamicPropertyRegistry registry) {
        servers.register(registry);
        registry.add("helpdesk.mail.imap.idle", () -> "true"); // the other mail tests poll
        registry.add("helpdesk.mail.imap.idle-refresh", () -> "5m");
        registry.add("helpdesk.mail.imap.poll-interval", () -> "5m");
    }

    @AfterAll
    static void stopServers() {
        servers.stop();
    }

    @Autowired
    MailboxStatus status;

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void a_mail_arriving_during_a_long_idle_is_handled_within_seconds() throws Exception {
        aMailArrivingDuringIdleIsHandledAndAnswered();
    }

    @Test
    void after_the_context_is_stopped_and_started_again_mail_is_still_read_in_idle_and_answered() throws Exception {
        // what Spring's test framework does to a cached context it pauses, and an operator's stop and start
        context.stop();
        assertThat(status.state()).isNotEqualTo(MailboxStatus.State.CONNECTED_IDLE);
        context.start();
        aMailArrivingDuringIdleIsHandledAndAnswered();
    }

    private void aMailArrivingDuringIdleIsHandledAndAnswered() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> status.state() == MailboxStatus.State.CONNECTED_IDLE
                && status.lastCheck() != null);
        Thread.sleep(1500); // the reader is now waiting in IDLE, its next renewal five minutes away
        long before = status.processed();

        String from = "idle-" + UUID.randomUUID().toString().substring(0, 8) + "@mairie-idle.fr";
        servers.send(servers.newMessage(from, "Horaires", "Quels sont vos horaires d'ouverture le vendredi ?"));

        await().atMost(Duration.ofSeconds(10)).until(() -> status.processed() > before);
        await().atMost(Duration.ofSeconds(10)).until(() -> servers.repliesTo(from).size() == 1);
        MimeMessage reply = servers.repliesTo(from).get(0);
        assertThat(reply.getSubject()).contains("[MC-");
        assertThat(status.state()).isEqualTo(MailboxStatus.State.CONNECTED_IDLE);
    }
}
