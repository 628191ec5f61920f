package fr.sommenumerique.helpdesk.web.triage;

import fr.sommenumerique.helpdesk.knowledge.Article;
import fr.sommenumerique.helpdesk.knowledge.KnowledgeBase;
import fr.sommenumerique.helpdesk.ticketing.NotFoundException;
import org.springframework.stereotype.Service;

import java.util.Comparator;
import java.util.List;

/** Knowledge-base articles for staff: the list to pick from, and an article turned into an editable reply. */
@Service
public class KnowledgeArticles {

    private final KnowledgeBase knowledge;

    public KnowledgeArticles(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /** By service, then title. */
    public List<Article> all() {
        return knowledge.articles().stream()
                .sorted(Comparator.comparing((Article a) -> a.service() == null ? "" : a.service().label())
                        .thenComparing(Article::title))
                .toList();
    }

    public Article require(String id) {
        return knowledge.article(id).orElseThrow(() -> new NotFoundException("Article « " + id + " » introuvable"));
    }

    /** The article's plain text and its source line, as the start of a reply the agent can edit. */
    public String asReply(String id) {
        Article article = require(id);
        return article.text().strip() + "\n\nSource : « " + article.title() + " »";
    }
}
