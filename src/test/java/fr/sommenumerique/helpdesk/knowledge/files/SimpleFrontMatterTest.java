package fr.sommenumerique.helpdesk.knowledge.files;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SimpleFrontMatterTest {

    @Test
    void reads_every_shipped_front_matter_exactly_as_snakeyaml() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path folder : List.of(Path.of("knowledge-base"), Path.of("knowledge-base/hors-sujet"))) {
            try (Stream<Path> listed = Files.list(folder)) {
                listed.filter(f -> f.toString().endsWith(".md") && !f.getFileName().toString().equals("README.md"))
                        .forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThan(40);
        for (Path file : files) {
            String content = Files.readString(file).replace("\r\n", "\n").strip();
            String frontMatter = content.substring(4, content.indexOf("\n---", 4));
            assertThat(SimpleFrontMatter.read(frontMatter)).as(file.toString())
                    .isNotNull().isEqualTo(snakeYaml(frontMatter));
        }
    }

    @Test
    void leaves_to_snakeyaml_what_it_does_not_read_exactly() {
        for (String yaml : List.of("id: a\ntitle: a # comment", "id: a\ntitle: 'quoted'", "id: a\ntitle: \"a \\\" b\"",
                "id: a\ntags: [a, \"b, c\"]", "id: a\ntitle: a: b", "id: a\nid: b", "id: a\ntitle: ~",
                "id: a\ntitle: first\n  continued", "id: a\nquestions:\n- indentless", "id: a\nreviewed: 2026-02-30",
                "id: a\nreviewed: 2026-01-02 10:00:00", "id: a\nn: 1e3", "id: a\nn: 0755", "id: a\nn: 1_000", "id: a\nn: 12345678901", "on: a", "id: a\ntitle: |\n  block")) {
            assertThat(SimpleFrontMatter.read(yaml)).as(yaml).isNull();
        }
        assertThat(SimpleFrontMatter.read("id: a\nhandover: No\nreviewed: 2026-01-02\ntags: [préfet, 2 mois, d'abord, 2003]"))
                .isEqualTo(snakeYaml("id: a\nhandover: No\nreviewed: 2026-01-02\ntags: [préfet, 2 mois, d'abord, 2003]"));
    }

    private static Object snakeYaml(String yaml) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    }
}
