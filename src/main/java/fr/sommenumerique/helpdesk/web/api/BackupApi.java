package fr.sommenumerique.helpdesk.web.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import fr.sommenumerique.helpdesk.ticketing.DatabaseBackups;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/admin/sauvegardes")
@Tag(name = "Sauvegardes", description = "Sauvegarde de la base intégrée pendant le fonctionnement (ADMIN)")
class BackupApi {

    private static final Logger log = LoggerFactory.getLogger(BackupApi.class);

    private final DatabaseBackups backups;

    BackupApi(DatabaseBackups backups) {
        this.backups = backups;
    }

    /** Where the backup was written, on the helpdesk's machine, and its size. */
    record BackupJson(String file, long sizeBytes) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Sauvegarder la base H2 maintenant (fichier zip dans helpdesk.backup.folder)")
    BackupJson backup(Principal principal) throws Exception {
        Path file = backups.backup();
        log.info("Sauvegarde de la base écrite dans {} (demandée par {})", file, principal.getName());
        return new BackupJson(file.toString(), Files.size(file));
    }
}
