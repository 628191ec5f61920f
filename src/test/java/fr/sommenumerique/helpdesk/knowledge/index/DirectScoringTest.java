package fr.sommenumerique.helpdesk.knowledge.index;

import fr.sommenumerique.helpdesk.knowledge.Article;
import fr.sommenumerique.helpdesk.knowledge.files.KnowledgeFiles;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scoring a query directly gives Lucene's hits bit for bit (same documents, same order, same float scores), on the
 * real knowledge base and the evaluation questions, in both indexes (articles, and articles with topic cards).
 */
class DirectScoringTest {

    @Test
    void scores_the_evaluation_questions_as_lucene_does() throws Exception {
        FrenchAnalysis analysis = new FrenchAnalysis();
        KnowledgeFiles.Contents contents = new KnowledgeFiles().read(Path.of("knowledge-base"));
        var synonyms = analysis.parseSynonyms(contents.synonyms());
        ArticleIndex articles = new ArticleIndex(contents.articles(), synonyms, analysis);
        List<Article> withCards = new ArrayList<>(contents.articles());
        withCards.addAll(contents.outOfScopeTopics());
        ArticleIndex topics = new ArticleIndex(withCards, synonyms, analysis);

        List<String> questions = questions();
        assertThat(questions).hasSizeGreaterThan(500);
        for (String question : questions) {
            for (ArticleIndex index : List.of(articles, topics)) {
                List<ScoreDoc[]> both = index.topDocsBothWays(question, 10);
                assertThat(describe(both.get(0))).as(question).isEqualTo(describe(both.get(1)));
            }
        }
    }

    private static List<String> describe(ScoreDoc[] hits) {
        List<String> described = new ArrayList<>();
        for (ScoreDoc hit : hits) {
            described.add(hit.doc + ":" + Integer.toHexString(Float.floatToIntBits(hit.score)));
        }
        return described;
    }

    private static List<String> questions() throws IOException {
        List<String> questions = new ArrayList<>();
        try (var files = Files.list(Path.of("knowledge-base/eval"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                Files.readAllLines(file).stream().skip(1).map(line -> line.split("\t")[0])
                        .filter(q -> !q.isBlank()).forEach(questions::add);
            }
        }
        return questions;
    }
}
