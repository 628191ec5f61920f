package fr.sommenumerique.helpdesk.web.triage;

import fr.sommenumerique.helpdesk.assistant.Decision;
import fr.sommenumerique.helpdesk.assistant.DecisionEngine;
import fr.sommenumerique.helpdesk.assistant.Question;
import fr.sommenumerique.helpdesk.knowledge.KnowledgeBase;
import fr.sommenumerique.helpdesk.ticketing.Commune;
import org.springframework.stereotype.Service;

/**
 * Asks the assistant without any side effect (nothing recorded, nothing sent): the « tester l'assistant » page and
 * {@code POST /api/assistant/ask}.
 */
@Service
public class AssistantLab {

    public static final int MAX_QUESTION_LENGTH = 10_000;
    private static final int SEARCH_HITS = 8;

    private final DecisionEngine engine;
    private final KnowledgeBase knowledge;
    private final CommuneDirectory communes;

    public AssistantLab(DecisionEngine engine, KnowledgeBase knowledge, CommuneDirectory communes) {
        this.engine = engine;
        this.knowledge = knowledge;
        this.communes = communes;
    }

    /** @param inseeCode optional: the commune's name and population are given to the assistant */
    public Decision decide(String question, String inseeCode) {
        Commune commune = inseeCode == null || inseeCode.isBlank() ? null : communes.byInseeCode(inseeCode.strip());
        return engine.decide(question(question, commune));
    }

    /** @param commune optional INSEE code, name or postal code, as staff type it */
    public AssistantTrial trial(String question, String commune) {
        Commune c = resolve(commune);
        Decision decision = engine.decide(question(question, c));
        return new AssistantTrial(question.strip(), c, decision, knowledge.search(question, SEARCH_HITS));
    }

    private Commune resolve(String commune) {
        if (commune == null || commune.isBlank()) {
            return null;
        }
        return communes.resolve(commune.strip());
    }

    private static Question question(String text, Commune commune) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("La question est vide.");
        }
        if (text.length() > MAX_QUESTION_LENGTH) {
            throw new IllegalArgumentException("La question dépasse " + MAX_QUESTION_LENGTH + " caractères.");
        }
        return commune == null ? Question.of(text) : new Question(text, commune.name(), commune.population());
    }
}
