package fr.sommenumerique.helpdesk.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import fr.sommenumerique.helpdesk.knowledge.KnowledgeBase;

/**
 * Issue 9, point 8: the preview of each question part that a multi-part reply quotes back is cut between
 * characters, never inside an emoji.
 */
class ReplyHeadingCutTest {

    private final DecisionEngine engine = new DecisionEngine(KnowledgeBase.load(Path.of("knowledge-base")),
            AssistantSettings.DEFAULTS);

    @Test
    void a_long_question_part_is_quoted_back_without_a_broken_emoji() {
        // the first part is 88 chars and a space, then 🙂 on chars 89-90 where the 90-char preview is cut
        String head = "jusqu'a quelle heure etes-vous ouverts le vendredi, quels sont les horaires d'ouverture du support";
        String first = head.substring(0, 87) + " 🙂 svp";
        Decision decision = engine.decide(first + " ? Et quel certificat faut-il pour télétransmettre sur Actes ?");

        assertThat(decision.parts()).hasSize(2);
        assertThat(decision.parts().get(0).text()).as("the part the preview is cut from").startsWith(first);
        assertThat(first.indexOf("🙂")).isEqualTo(88);
        assertThat(decision.reply()).contains("1. « " + head.substring(0, 87).stripTrailing() + "… »");
        assertThat(decision.reply().chars().filter(c -> Character.isSurrogate((char) c)).count() % 2).isZero();
    }
}
