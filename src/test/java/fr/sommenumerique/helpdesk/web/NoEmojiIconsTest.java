package fr.sommenumerique.helpdesk.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No emoji icon in the staff pages' templates, style sheet or script (the browser tests also look at the text of
 * every rendered page): without an emoji font, as on the agents' machines, « 📎 » showed as an empty box.
 */
class NoEmojiIconsTest {

    @Test
    void templates_styles_and_scripts_hold_no_emoji() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Stream.concat(Files.walk(Path.of("src/main/resources/templates")),
                Files.walk(Path.of("src/main/resources/static")))) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(html|css|js|svg)$")).toList();
        }
        assertThat(files).anyMatch(p -> p.endsWith("ticket.html")).anyMatch(p -> p.endsWith("app.css"));
        List<String> found = files.stream()
                .map(p -> p + " : " + EmojiCodePoints.in(read(p)))
                .filter(line -> !line.endsWith(" : "))
                .toList();
        assertThat(found).isEmpty();
    }

    @Test
    void the_scanner_finds_the_icons_that_rendered_as_boxes() {
        assertThat(EmojiCodePoints.in("<span>\uD83D\uDCCE capture.png</span> \u2705 \u26A0\uFE0F"))
                .isEqualTo("U+1F4CE \uD83D\uDCCE, U+2705 \u2705, U+FE0F \uFE0F");
        assertThat(EmojiCodePoints.in("Réponse envoyée « ok » — 1 351 habitants, → suite, ✓")).isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
