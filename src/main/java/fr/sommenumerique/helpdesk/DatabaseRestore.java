package fr.sommenumerique.helpdesk;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * {@code java -jar helpdesk.jar restore BACKUP.zip [FOLDER]}: puts the H2 database of a backup (made by {@code POST
 * /api/admin/sauvegardes}) back in {@code FOLDER} ({@code ./data}, where the default configuration looks), with
 * the helpdesk stopped. Never overwrites a database: move the current one aside first.
 */
final class DatabaseRestore {

    static final String DATABASE_FILE = "helpdesk.mv.db";

    private final PrintStream out;
    private final PrintStream err;

    DatabaseRestore(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static boolean handles(String[] args) {
        return args.length > 0 && args[0].equals("restore");
    }

    /** Returns the process exit code: 0 restored, 2 refused or failed. */
    int run(String[] args) {
        if (args.length < 2 || args.length > 3) {
            err.println("Usage : java -jar helpdesk.jar restore SAUVEGARDE.zip [DOSSIER, par défaut data]");
            return 2;
        }
        Path backup = Path.of(args[1]);
        Path folder = Path.of(args.length == 3 ? args[2] : "data");
        if (!Files.isRegularFile(backup)) {
            err.println("Erreur : sauvegarde introuvable : " + backup.toAbsolutePath());
            return 2;
        }
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            if (zip.getEntry(DATABASE_FILE) == null) {
                err.println("Erreur : " + backup + " ne contient pas de base " + DATABASE_FILE);
                return 2;
            }
        } catch (IOException e) {
            err.println("Erreur : sauvegarde illisible : " + backup + " (" + e.getMessage() + ")");
            return 2;
        }
        Path target = folder.resolve(DATABASE_FILE);
        if (Files.exists(target)) {
            err.println("Erreur : une base existe déjà : " + target.toAbsolutePath() + ". Arrêtez le helpdesk et "
                    + "déplacez-la (elle pourra servir) avant de restaurer.");
            return 2;
        }
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            Files.createDirectories(folder);
            for (ZipEntry entry : Collections.list(zip.entries())) {
                Path file = folder.resolve(Path.of(entry.getName()).getFileName().toString()); // no path from the zip
                if (!entry.isDirectory()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, file);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            err.println("Erreur : restauration impossible : " + e.getMessage());
            return 2;
        }
        out.println("Base restaurée dans " + target.toAbsolutePath() + " ; démarrez le helpdesk.");
        return 0;
    }
}
