package fr.sommenumerique.helpdesk.telegram.chat;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import fr.sommenumerique.helpdesk.knowledge.Article;
import fr.sommenumerique.helpdesk.knowledge.KnowledgeBase;

/**
 * What the bot says about funding and eligibility, taken from the knowledge-base article on the European funding
 * (its « Communes visées » line and its warning paragraph), so that /souscrire and the FAQ say the same thing from
 * one source: a maintainer who edits the article changes both.
 */
@Component
class FundingText {

    static final String ARTICLE = "subvention-europeenne";
    private static final String FALLBACK = "Un agent de Somme Numérique vous indiquera les financements possibles.";

    private final KnowledgeBase knowledgeBase;

    FundingText(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    String summary() {
        return knowledgeBase.article(ARTICLE).map(FundingText::summaryOf).orElse(FALLBACK);
    }

    static String summaryOf(Article article) {
        List<String> kept = new ArrayList<>();
        for (String paragraph : article.text().split("\\n\\s*\\n")) {
            for (String line : paragraph.strip().split("\\n")) {
                String l = line.strip();
                if (l.startsWith("- Communes visées")) {
                    kept.add(l.substring(2));
                }
            }
            if (paragraph.strip().startsWith("Attention")) {
                kept.add(paragraph.strip().replaceAll("\\s+", " "));
            }
        }
        return kept.isEmpty() ? FALLBACK : String.join("\n", kept);
    }
}
