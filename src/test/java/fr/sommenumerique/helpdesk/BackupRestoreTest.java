package fr.sommenumerique.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.Contacts;
import fr.sommenumerique.helpdesk.ticketing.DatabaseBackups;
import fr.sommenumerique.helpdesk.ticketing.NewTicket;
import fr.sommenumerique.helpdesk.ticketing.Tickets;

/**
 * A backup taken while the helpdesk runs restores into a database the helpdesk starts on, with what was committed
 * before the backup and nothing after it.
 */
class BackupRestoreTest {

    @TempDir
    Path folder;

    @Test
    void a_backup_of_the_running_helpdesk_restores_and_the_helpdesk_starts_on_it() {
        String before;
        String after;
        Path backup;
        try (ConfigurableApplicationContext running = start(folder.resolve("data"))) {
            Tickets tickets = running.getBean(Tickets.class);
            long contact = running.getBean(Contacts.class).findOrCreateByEmail("marie@mairie-sauvegarde.fr", "Marie").id();
            before = tickets.open(NewTicket.of("Avant la sauvegarde", Channel.EMAIL, contact)).reference();
            backup = running.getBean(DatabaseBackups.class).backup();
            after = tickets.open(NewTicket.of("Après la sauvegarde", Channel.EMAIL, contact)).reference();
        }
        assertThat(backup.getFileName().toString()).matches("helpdesk-\\d{8}-\\d{6}\\.zip");

        Path restored = folder.resolve("restored");
        assertThat(restore(backup, restored)).isZero();
        assertThat(restore(backup, restored)).as("never over an existing database").isEqualTo(2);

        try (ConfigurableApplicationContext started = start(restored)) {
            Tickets tickets = started.getBean(Tickets.class);
            assertThat(tickets.findByReference(before)).isPresent();
            assertThat(tickets.findByReference(after)).isEmpty();
            long contact = started.getBean(Contacts.class).byEmail("marie@mairie-sauvegarde.fr").orElseThrow().id();
            assertThat(tickets.open(NewTicket.of("Après la restauration", Channel.EMAIL, contact)).id())
                    .isGreaterThan(tickets.findByReference(before).orElseThrow().id());
        }
    }

    private int restore(Path backup, Path into) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new DatabaseRestore(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[]{"restore", backup.toString(), into.toString()});
        System.out.println(err.toString(StandardCharsets.UTF_8));
        return code;
    }

    private ConfigurableApplicationContext start(Path dataFolder) {
        List<String> args = new ArrayList<>();
        args.add("--spring.datasource.url=jdbc:h2:file:" + dataFolder.resolve("helpdesk").toAbsolutePath());
        args.add("--helpdesk.backup.folder=" + folder.resolve("backups"));
        args.add("--helpdesk.mail.enabled=false");
        args.add("--server.port=0");
        return new SpringApplicationBuilder(HelpdeskApplication.class).profiles("test").run(args.toArray(String[]::new));
    }
}
