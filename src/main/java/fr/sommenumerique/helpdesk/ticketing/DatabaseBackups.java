package fr.sommenumerique.helpdesk.ticketing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import fr.sommenumerique.helpdesk.ticketing.internal.TicketingClock;

/**
 * Backups of the embedded H2 database while the helpdesk runs: {@code BACKUP TO} copies the database file into a
 * zip, consistent as of one commit, without stopping anything (the MVStore only appends). Restored with {@code java
 * -jar helpdesk.jar restore FILE.zip}. PostgreSQL is backed up with {@code pg_dump} instead (see the README).
 */
@Service
public class DatabaseBackups {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final JdbcClient jdbc;
    private final TicketingClock clock;
    private final Path folder;
    private final String url;

    public DatabaseBackups(JdbcClient jdbc, TicketingClock clock,
                           @Value("${helpdesk.backup.folder:backups}") Path folder,
                           @Value("${spring.datasource.url:}") String url) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.folder = folder;
        this.url = url;
    }

    /**
     * Writes {@code helpdesk-<UTC date and time>.zip} into {@code helpdesk.backup.folder} ({@code ./backups}).
     *
     * @throws IllegalStateException when the database is not an H2 file database
     */
    public Path backup() {
        if (!url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:")) {
            throw new IllegalStateException("La sauvegarde intégrée ne concerne que la base H2 sur disque ; "
                    + "pour PostgreSQL, utilisez pg_dump (voir le README).");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Dossier de sauvegarde impossible à créer : " + folder.toAbsolutePath(), e);
        }
        Path file = folder.resolve("helpdesk-" + STAMP.format(clock.now()) + ".zip").toAbsolutePath();
        jdbc.sql("BACKUP TO '" + file.toString().replace("'", "''") + "'").update();
        return file;
    }
}
