package fr.sommenumerique.helpdesk.telegram.chat;

import org.springframework.stereotype.Component;

import fr.sommenumerique.helpdesk.knowledge.Funding;
import fr.sommenumerique.helpdesk.knowledge.KnowledgeBase;

/**
 * What the bot says about funding and eligibility: the knowledge base's {@link Funding} (the article on the European
 * funding), so that /souscrire, the FAQ, the mail replies and the staff pages say the same thing from one source.
 */
@Component
class FundingText {

    private static final String FALLBACK = "Un agent de Somme Numérique vous indiquera les financements possibles.";

    private final KnowledgeBase knowledgeBase;

    FundingText(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    String summary() {
        return knowledgeBase.funding().map(Funding::summary).orElse(FALLBACK);
    }
}
