package fr.sommenumerique.helpdesk.web.ui;

import fr.sommenumerique.helpdesk.web.triage.AssistantLab;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** « Tester l'assistant »: the decision, articles and scores for any question, with no side effect. */
@Controller
class AssistantPage {

    private final AssistantLab lab;

    AssistantPage(AssistantLab lab) {
        this.lab = lab;
    }

    @GetMapping("/assistant")
    String test(@RequestParam(required = false) String question, @RequestParam(required = false) String commune,
                Model model) {
        model.addAttribute("question", question);
        model.addAttribute("commune", commune);
        if (question != null && !question.isBlank()) {
            try {
                model.addAttribute("trial", lab.trial(question, commune));
            } catch (IllegalArgumentException e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        return "assistant";
    }
}
