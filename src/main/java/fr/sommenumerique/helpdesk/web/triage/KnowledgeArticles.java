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

    /**
     * The article's plain text as a person writes it, and its source line, as the start of a reply the agent can
     * edit: the articles are written for the assistant, so the sentences about its hand-over (« un ticket sera
     * ouvert », « un agent vous répondra », « écrivez-nous ») are left out; the agent is the one answering.
     */
    public String asReply(String id) {
        Article article = require(id);
        return forHumanReply(article.text()) + "\n\nSource : « " + article.title() + " »";
    }

    private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("(?<=[.!?])\\s+");
    private static final java.util.regex.Pattern ASSISTANT_TALK = java.util.regex.Pattern.compile(
            "(?i)(un ticket|ticket (sera|est) ouvert|un agent|l'agent vous|l’agent vous|l'assistant|l’assistant"
                    + "|écrivez-nous|ecrivez-nous|transmise? à un agent|précisez-la|vous échangez avec)");

    static String forHumanReply(String text) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            String kept = java.util.Arrays.stream(SENTENCE_END.split(paragraph.strip()))
                    .filter(sentence -> !ASSISTANT_TALK.matcher(sentence).find())
                    .collect(java.util.stream.Collectors.joining(" "));
            if (!kept.isBlank()) {
                out.append(out.isEmpty() ? "" : "\n\n").append(kept.strip());
            }
        }
        return out.isEmpty() ? text.strip() : out.toString();
    }
}
