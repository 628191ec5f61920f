package fr.sommenumerique.helpdesk.mail.parsing;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared mail corpus: {@code ../shared/mail-corpus} next to the project (CI layout). */
final class CorpusLocation {

    private CorpusLocation() {
    }

    static Path corpus() {
        String override = System.getProperty("mailCorpusDir");
        Path dir = override != null && !override.isBlank() ? Path.of(override)
                : Path.of(System.getProperty("user.dir")).resolve("../shared/mail-corpus").normalize();
        if (!Files.isDirectory(dir) || !Files.exists(dir.resolve("MANIFEST.json"))) {
            fail("Corpus de messages introuvable : " + dir.toAbsolutePath()
                    + " (attendu à côté du projet : ../shared/mail-corpus ; ou -DmailCorpusDir=...)."
                    + " Ce test ne doit pas être ignoré : la CI fournit ../shared.");
        }
        return dir;
    }
}
