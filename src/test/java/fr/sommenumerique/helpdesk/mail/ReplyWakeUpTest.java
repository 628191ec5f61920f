package fr.sommenumerique.helpdesk.mail;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The automatic reply leaves as soon as the mail's transaction commits, not at the outbox's next poll: here the
 * poll comes every 10 minutes, and the reply must still arrive within seconds.
 */
@SpringBootTest
@ActiveProfiles("test")
class ReplyWakeUpTest {

    private static final MailTestServers servers = new MailTestServers();

    @DynamicPropertySource
    static void mailServers(DynamicPropertyRegistry registry) {
        servers.register(registry);
        registry.add("helpdesk.mail.sender.interval", () -> "10m");
    }

    @AfterAll
    static void stopServers() {
        servers.stop();
    }

    @Test
    void the_reply_leaves_when_the_mail_is_committed_not_at_the_next_poll() {
        for (int i = 0; i < 3; i++) {
            String from = "reveil" + i + "@mairie-reveil.fr";
            servers.send(servers.newMessage(from, "Horaires", "Bonjour, quels sont vos horaires d'ouverture ?"));
            await().atMost(Duration.ofSeconds(20)).until(() -> servers.repliesTo(from).size() == 1);
        }
    }
}
