package fr.sommenumerique.helpdesk.knowledge;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the knowledge base tells communes must come from the sources: every number of every article and topic card
 * (amounts, dates, delays, thresholds, article numbers, phone numbers) is found in the domain brief or the seed
 * deliberation, copied in the test resources; and no body answers with a bare « Oui » or « Non » written for
 * another question.
 */
class ArticleFactsTest {

    /** A phone number, a number with its thousands groups (« 216 000 »), a decimal (« 25,5 » or « 25.5 »), a number. */
    private static final Pattern NUMBER = Pattern.compile(
            "0\\d(?:[ .]\\d{2}){4}|\\d{1,3}(?:[ ]\\d{3})+(?!\\d)|\\d+[.,]\\d{1,2}(?!\\d)|\\d+");

    private static KnowledgeBase knowledgeBase;
    private static Set<String> sourceNumbers;

    @BeforeAll
    static void load() throws IOException {
        knowledgeBase = KnowledgeBase.load(Path.of("knowledge-base"));
        String sources = Files.readString(Path.of("src/test/resources/shared/domain-brief.md"), StandardCharsets.UTF_8);
        try (Stream<Path> seeds = Files.list(Path.of("src/test/resources/shared/seeds"))) {
            for (Path seed : seeds.toList()) {
                sources += "\n" + Files.readString(seed, StandardCharsets.UTF_8);
            }
        }
        sourceNumbers = numbers(sources);
    }

    @Test
    void every_number_of_every_article_and_topic_card_is_in_the_domain_brief_or_the_seed() {
        List<String> unsourced = new ArrayList<>();
        for (Article article : allArticles()) {
            for (String number : numbers(article.text())) {
                if (!sourceNumbers.contains(number)) {
                    unsourced.add(article.id() + " : " + number);
                }
            }
        }
        assertThat(unsourced).as("numbers found in no source").isEmpty();
    }

    @Test
    void no_body_opens_with_a_bare_yes_or_no() {
        List<String> bare = allArticles().stream()
                .filter(a -> a.text().strip().matches("(?s)^(?:Oui|Non)\\b.*"))
                .map(Article::id).toList();
        assertThat(bare).as("articles opening with « Oui » or « Non »").isEmpty();
    }

    @Test
    void the_checker_sees_an_invented_figure() {
        assertThat(numbers("un seuil de 45 000 € HT depuis le 3 mars 2019, 25,5 %")).contains("45000", "3", "2019", "25.5");
        assertThat(sourceNumbers).contains("216000", "0322222727", "2000", "80", "2022").doesNotContain("45000");
    }

    private static List<Article> allArticles() {
        List<Article> all = new ArrayList<>(knowledgeBase.articles());
        all.addAll(knowledgeBase.outOfScopeTopics());
        assertThat(all).hasSizeGreaterThan(40);
        return all;
    }

    /** Numbers in a normal form: group separators removed (« 216 000 » and « 216000 » are one number). */
    private static Set<String> numbers(String text) {
        Set<String> numbers = new LinkedHashSet<>();
        Matcher matcher = NUMBER.matcher(text.replace('\u202f', ' ').replace('\u00a0', ' '));
        while (matcher.find()) {
            String number = matcher.group();
            numbers.add(number.matches("\\d+[.,]\\d{1,2}") ? number.replace(',', '.') : number.replaceAll("[ .]", ""));
        }
        return numbers;
    }
}
