package fr.sommenumerique.helpdesk.web.api;

import fr.sommenumerique.helpdesk.assistant.Decision;
import fr.sommenumerique.helpdesk.knowledge.Article;
import fr.sommenumerique.helpdesk.knowledge.KnowledgeBase;
import fr.sommenumerique.helpdesk.knowledge.SearchResult;
import fr.sommenumerique.helpdesk.web.triage.AssistantLab;
import fr.sommenumerique.helpdesk.web.triage.KnowledgeArticles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Tag(name = "Assistant et base de connaissances")
class AssistantApi {

    /** An article without its file path. */
    record ArticleJson(String id, String title, String service, List<String> tags, List<String> questions,
                       String reviewed, boolean handover, String text, String reply) {

        static ArticleJson of(Article a, boolean withText, String reply) {
            return new ArticleJson(a.id(), a.title(), a.service() == null ? null : a.service().code(), a.tags(),
                    a.questions(), a.reviewed() == null ? null : a.reviewed().toString(), a.handover(),
                    withText ? a.text() : null, reply);
        }
    }

    record HitJson(String articleId, String title, String service, float score, double coverage,
                   List<String> matchedTerms, String passage) {
    }

    record SearchJson(List<String> queryTerms, List<String> unknownTerms, List<HitJson> hits) {

        static SearchJson of(SearchResult r) {
            return new SearchJson(r.queryTerms(), r.unknownTerms(), r.hits().stream()
                    .map(h -> new HitJson(h.article().id(), h.article().title(),
                            h.article().service() == null ? null : h.article().service().code(), h.score(),
                            h.coverage(), h.matchedTerms(), h.passage()))
                    .toList());
        }
    }

    private final AssistantLab lab;
    private final KnowledgeArticles articles;
    private final KnowledgeBase knowledge;

    AssistantApi(AssistantLab lab, KnowledgeArticles articles, KnowledgeBase knowledge) {
        this.lab = lab;
        this.articles = articles;
        this.knowledge = knowledge;
    }

    @PostMapping("/api/assistant/ask")
    @Operation(summary = "La décision de l'assistant pour une question (même JSON que « helpdesk.jar ask »), sans effet")
    Decision ask(@Valid @RequestBody ApiRequests.Ask body) {
        return lab.decide(body.question(), body.commune());
    }

    @GetMapping("/api/knowledge/articles")
    @Operation(summary = "Les articles de la base de connaissances")
    List<ArticleJson> articles() {
        return articles.all().stream().map(a -> ArticleJson.of(a, false, null)).toList();
    }

    @GetMapping("/api/knowledge/articles/{id}")
    @Operation(summary = "Un article, son texte, et ce texte prêt à servir de réponse (avec « Source : … »)")
    ArticleJson article(@PathVariable String id) {
        return ArticleJson.of(articles.require(id), true, articles.asReply(id));
    }

    @GetMapping("/api/knowledge/search")
    @Operation(summary = "Recherche dans la base : articles, scores, couverture et passages")
    SearchJson search(@RequestParam String q, @RequestParam(defaultValue = "8") int limit) {
        if (q.isBlank() || q.length() > 10_000) {
            throw new IllegalArgumentException("La recherche doit compter de 1 à 10 000 caractères.");
        }
        return SearchJson.of(knowledge.search(q, Math.max(1, Math.min(limit, 50))));
    }
}
