package fr.sommenumerique.helpdesk.mail.parsing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hand-written French fixtures of issue 11 ({@code src/test/resources/mail/fidelite}): each {@code NAME.eml} is a
 * mail as one client writes it, and {@code NAME.json} says what must come out of it (client, class, kind, text,
 * signature, forward, attachments, event, report note, commune, assistant outcome).
 */
public final class FidelityFixtures {

    /** One fixture: the raw mail and its expectations. */
    public record Fixture(String name, byte[] raw, JsonNode expect) {

        public String text(String field) {
            JsonNode node = expect.get(field);
            return node == null || node.isNull() ? null : node.asString();
        }

        public List<String> list(String field) {
            List<String> values = new ArrayList<>();
            JsonNode node = expect.get(field);
            if (node != null) {
                node.forEach(v -> values.add(v.asString()));
            }
            return values;
        }

        public String kind() {
            return text("kind");
        }

        public String type() {
            return text("classe");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FidelityFixtures() {
    }

    public static List<Fixture> all() {
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().map(FidelityFixtures::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Fixture named(String name) {
        return load(folder().resolve(name + ".json"));
    }

    private static Fixture load(Path json) {
        String name = json.getFileName().toString().replaceFirst("\\.json$", "");
        try {
            return new Fixture(name, Files.readAllBytes(json.resolveSibling(name + ".eml")), JSON.readTree(json.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path folder() {
        try {
            return Path.of(FidelityFixtures.class.getResource("/mail/fidelite").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
