package fr.sommenumerique.helpdesk.mail;

import fr.sommenumerique.helpdesk.HelpdeskApplication;
import fr.sommenumerique.helpdesk.mail.inbox.MailProcessingObserver;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.Contacts;
import fr.sommenumerique.helpdesk.ticketing.Outbox;
import fr.sommenumerique.helpdesk.ticketing.Tickets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A crash between the commit of a message's effects and its marking on the mail server: after a restart, every
 * message has been processed exactly once: one ticket, one reply each, none lost.
 */
class MailCrashRecoveryTest {

    private static final MailTestServers servers = new MailTestServers();

    @TempDir
    static Path dataDir;

    @AfterAll
    static void stopServers() {
        servers.stop();
    }

    /** Stands for the process dying: an Error the poller does not catch ends its thread on the spot. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash between commit and flag");
        }
    }

    @Test
    void messages_are_processed_exactly_once_across_a_crash_between_commit_and_flag() {
        List<String> senders = List.of("premier@mairie-crash1.fr", "deuxieme@mairie-crash2.fr", "troisieme@mairie-crash3.fr");
        AtomicInteger committed = new AtomicInteger();
        // Crash right after the second message's effects are committed, before it is flagged.
        MailProcessingObserver crashOnSecond = sourceRef -> {
            if (committed.incrementAndGet() == 2) {
                throw new SimulatedCrash();
            }
        };

        ConfigurableApplicationContext first = start(crashOnSecond);
        for (String sender : senders) {
            servers.send(servers.newMessage(sender, "Certificat", "Mon certificat RGS a expiré, impossible de télétransmettre"));
        }
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(20)).until(() -> committed.get() >= 2);
        JdbcClient jdbc = first.getBean(JdbcClient.class);
        assertThat(processedCount(jdbc)).isEqualTo(2);
        first.close(); // the process is gone: the second message is committed but not flagged, the third untouched

        ConfigurableApplicationContext second = start(MailProcessingObserver.NONE);
        try {
            Tickets tickets = second.getBean(Tickets.class);
            Contacts contacts = second.getBean(Contacts.class);
            await().atMost(Duration.ofSeconds(20)).until(() -> senders.stream()
                    .allMatch(s -> servers.repliesTo(s).size() == 1));
            await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10))
                    .until(() -> second.getBean(Outbox.class).backlog(Channel.EMAIL) == 0);

            for (String sender : senders) {
                long contactId = contacts.byEmail(sender).orElseThrow().id();
                assertThat(tickets.ticketsOf(contactId)).as(sender).hasSize(1);
                assertThat(servers.repliesTo(sender)).as(sender).hasSize(1);
            }
            assertThat(processedCount(second.getBean(JdbcClient.class))).isEqualTo(3);
        } finally {
            second.close();
        }
    }

    private static long processedCount(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM processed_inbound WHERE channel = 'EMAIL'").query(Long.class).single();
    }

    private static ConfigurableApplicationContext start(MailProcessingObserver observer) {
        List<String> args = new ArrayList<>();
        args.add("--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("helpdesk").toAbsolutePath());
        args.add("--server.port=0");
        servers.properties().forEach((key, value) -> args.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(HelpdeskApplication.class)
                .profiles("test")
                .initializers(context -> context.getBeanFactory().registerSingleton("crashObserver", observer))
                .run(args.toArray(String[]::new));
    }
}
