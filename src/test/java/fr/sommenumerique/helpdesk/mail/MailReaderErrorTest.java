package fr.sommenumerique.helpdesk.mail;

import fr.sommenumerique.helpdesk.mail.inbox.MailProcessingObserver;
import fr.sommenumerique.helpdesk.mail.inbox.MailboxStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A Java Error in the mail reader's thread is logged and backed off from; the reader goes on with later mail. */
@SpringBootTest
@ActiveProfiles("test")
@Import(MailReaderErrorTest.ErrorOnce.class)
class MailReaderErrorTest {

    private static final MailTestServers servers = new MailTestServers();
    private static final AtomicBoolean thrown = new AtomicBoolean();

    @DynamicPropertySource
    static void mailServers(DynamicPropertyRegistry registry) {
        servers.register(registry);
    }

    @AfterAll
    static void stopServers() {
        servers.stop();
    }

    @TestConfiguration
    static class ErrorOnce {
        @Bean
        MailProcessingObserver errorOnFirstMessage() {
            return sourceRef -> {
                if (thrown.compareAndSet(false, true)) {
                    throw new OutOfMemoryError("Erreur simulée pour le test");
                }
            };
        }
    }

    @Autowired
    MailboxStatus status;

    @Test
    void the_reader_survives_an_error_and_handles_the_mail_after_it() {
        String first = "premier-" + UUID.randomUUID().toString().substring(0, 8) + "@mairie-erreur.fr";
        servers.send(servers.newMessage(first, "Horaires", "Quels sont vos horaires d'ouverture ?"));
        await().atMost(Duration.ofSeconds(20)).until(thrown::get);
        await().atMost(Duration.ofSeconds(20)).until(() -> status.lastError() != null
                && status.lastError().contains("Erreur simulée"));

        String second = "second-" + UUID.randomUUID().toString().substring(0, 8) + "@mairie-erreur.fr";
        servers.send(servers.newMessage(second, "Certificat", "Mon certificat RGS a expiré, impossible de télétransmettre."));
        await().atMost(Duration.ofSeconds(20)).until(() -> servers.repliesTo(second).size() == 1);
        // the first mail, committed before the Error, is read again, recognised, and answered once only
        assertThat(servers.repliesTo(first)).hasSize(1);
        assertThat(status.state()).isIn(MailboxStatus.State.CONNECTED_IDLE, MailboxStatus.State.CONNECTED_POLLING);
    }
}
