package fr.sommenumerique.helpdesk.mail;

import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.Contacts;
import fr.sommenumerique.helpdesk.ticketing.Quarantine;
import fr.sommenumerique.helpdesk.ticketing.QuarantineStatus;
import fr.sommenumerique.helpdesk.ticketing.QuarantinedItem;
import fr.sommenumerique.helpdesk.ticketing.Tickets;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The e-mail channel with polling instead of IDLE and handled mail moved to a folder; its recovery when the mail
 * server goes away; and a quarantined message handed back by staff.
 */
@SpringBootTest
@ActiveProfiles("test")
class MailPollingMoveAndReconnectTest {

    private static final MailTestServers servers = new MailTestServers();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void mailServers(DynamicPropertyRegistry registry) {
        servers.register(registry);
        registry.add("helpdesk.mail.imap.idle", () -> "false");
        registry.add("helpdesk.mail.imap.poll-interval", () -> "300ms");
        registry.add("helpdesk.mail.imap.processed", () -> "MOVE");
        registry.add("helpdesk.mail.imap.processed-folder", () -> "Traites");
    }

    @AfterAll
    static void stopServers() {
        servers.stop();
    }

    @Autowired
    Tickets tickets;
    @Autowired
    Contacts contacts;
    @Autowired
    Quarantine quarantine;
    @Autowired
    HealthIndicator mailHealthIndicator;

    @Test
    void without_idle_mail_is_polled_and_handled_mail_is_moved_out_of_the_inbox() throws Exception {
        servers.send(servers.newMessage("polling@mairie-polling.fr", "Horaires", "Quels sont vos horaires d'ouverture ?"));

        await().atMost(WAIT).until(() -> servers.repliesTo("polling@mairie-polling.fr").size() == 1);
        await().atMost(WAIT).until(() -> count("INBOX") == 0 && count("Traites") >= 1);
        assertThat(mailHealthIndicator.health().getDetails()).containsEntry("state", "CONNECTED_POLLING");
    }

    @Test
    void the_channel_reconnects_after_the_mail_server_goes_away() {
        await().atMost(WAIT).until(() -> "UP".equals(mailHealthIndicator.health().getStatus().getCode()));
        servers.stopMailbox();
        try {
            await().atMost(WAIT).until(() -> "DEGRADED".equals(mailHealthIndicator.health().getStatus().getCode()));
            assertThat(mailHealthIndicator.health().getDetails()).containsKey("lastError");
        } finally {
            servers.restartMailbox();
        }
        servers.send(servers.newMessage("retour@mairie-retour.fr", "Horaires", "Êtes-vous ouverts le samedi ?"));

        await().atMost(WAIT).until(() -> servers.repliesTo("retour@mairie-retour.fr").size() == 1);
        assertThat(mailHealthIndicator.health().getStatus().getCode()).isEqualTo("UP");
    }

    @Test
    void a_quarantined_message_handed_back_by_staff_is_processed_or_quarantined_again() {
        String raw = """
                From: Secrétariat <reprise@mairie-reprise.fr>
                To: support@mairie-connectee.local
                Subject: Partage
                Message-ID: <reprise-1@mairie-reprise.fr>
                Content-Type: text/plain; charset=utf-8

                Le lien de partage de fichiers ne fonctionne plus depuis ce matin.
                """.replace("\n", "\r\n");
        QuarantinedItem good = quarantine.store(Channel.EMAIL, raw.getBytes(StandardCharsets.UTF_8), "Base indisponible", "test");
        QuarantinedItem garbage = quarantine.store(Channel.EMAIL, new byte[]{0, 0, 1, 2, 0, 3}, "Message illisible", "test");

        quarantine.markRetried(good.id(), "agent");
        quarantine.markRetried(garbage.id(), "agent");

        await().atMost(WAIT).until(() -> contacts.byEmail("reprise@mairie-reprise.fr")
                .map(c -> tickets.ticketsOf(c.id()).size()).orElse(0) == 1);
        assertThat(quarantine.byId(good.id()).orElseThrow().status()).isEqualTo(QuarantineStatus.RETRIED);
        QuarantinedItem again = quarantine.byId(garbage.id()).orElseThrow();
        assertThat(again.status()).isEqualTo(QuarantineStatus.QUARANTINED);
        assertThat(again.reason()).startsWith("Message illisible");
    }

    private static int count(String folderName) throws Exception {
        Properties props = new Properties();
        Store store = Session.getInstance(props).getStore("imap");
        store.connect("127.0.0.1", Integer.parseInt(servers.properties().get("helpdesk.mail.imap.port")),
                MailTestServers.SUPPORT, MailTestServers.SUPPORT_PASSWORD);
        try {
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return 0;
            }
            folder.open(Folder.READ_ONLY);
            int count = folder.getMessageCount();
            folder.close(false);
            return count;
        } finally {
            store.close();
        }
    }
}
