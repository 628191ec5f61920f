package fr.sommenumerique.helpdesk.mail.parsing;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the mail corpus: the copy of {@code ../shared/mail-corpus} under src/test/resources/shared (see its README). */
final class CorpusLocation {

    private CorpusLocation() {
    }

    static Path corpus() {
        String override = System.getProperty("mailCorpusDir");
        Path dir = override != null && !override.isBlank() ? Path.of(override)
                : Path.of(System.getProperty("user.dir")).resolve("src/test/resources/shared/mail-corpus").normalize();
        if (!Files.isDirectory(dir) || !Files.exists(dir.resolve("MANIFEST.json"))) {
            fail("Corpus de messages introuvable : " + dir.toAbsolutePath()
                    + " (copie attendue dans src/test/resources/shared/mail-corpus ; ou -DmailCorpusDir=...).");
        }
        return dir;
    }
}
