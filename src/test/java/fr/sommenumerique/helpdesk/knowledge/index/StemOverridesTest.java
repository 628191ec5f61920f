package fr.sommenumerique.helpdesk.knowledge.index;

import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.fst.FST;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The stem overrides' FST, built here as Lucene's builder builds it, and as the build bundles it. */
class StemOverridesTest {

    @TempDir
    Path classes;

    @Test
    void the_fst_built_here_maps_every_word_as_the_one_lucene_builds() throws IOException {
        String list = shippedList();
        StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
        List<String> words = new ArrayList<>(List.of("forme", "formations", "mairie", "", "é"));
        list.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(line -> {
            String[] pair = line.split("\t");
            builder.add(pair[0], pair[1]);
            words.add(pair[0]);
        });

        assertThat(stems(new StemmerOverrideFilter.StemmerOverrideMap(FrenchAnalysis.buildStemOverrides(list), false),
                words)).isEqualTo(stems(builder.build(), words)).contains("formation");
    }

    @Test
    void the_bundled_fst_is_read_for_the_same_list_only() throws IOException {
        String list = shippedList();
        Path folder = classes.resolve(BundledIndexes.FOLDER);
        FrenchAnalysis.writeStemOverrides(folder);
        BundledIndexes bundled = new BundledIndexes(new URLClassLoader(new URL[]{classes.toUri().toURL()}, null));

        FST<BytesRef> read = bundled.findStemOverrides(list).orElseThrow();
        List<String> words = List.of("formation", "formations", "forme", "mairie");
        assertThat(stems(new StemmerOverrideFilter.StemmerOverrideMap(read, false), words)).isEqualTo(
                stems(new StemmerOverrideFilter.StemmerOverrideMap(FrenchAnalysis.buildStemOverrides(list), false), words));
        assertThat(bundled.findStemOverrides(list + "mairies\tmairie\n")).isEmpty();
    }

    private static List<String> stems(StemmerOverrideFilter.StemmerOverrideMap map, List<String> words) throws IOException {
        List<String> stems = new ArrayList<>();
        FST.BytesReader reader = map.getBytesReader();
        for (String word : words) {
            BytesRef stem = map.get(word.toCharArray(), word.length(), new FST.Arc<>(), reader);
            stems.add(stem == null ? null : stem.utf8ToString());
        }
        return stems;
    }

    private static String shippedList() throws IOException {
        try (InputStream in = FrenchAnalysis.class.getResourceAsStream("stem-overrides.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
