package fr.sommenumerique.helpdesk.web.ui;

import fr.sommenumerique.helpdesk.web.triage.AssistantLab;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import fr.sommenumerique.helpdesk.web.render.Formats;
import org.springframework.web.bind.annotation.RequestParam;

/** « Tester l'assistant »: the decision, articles and scores for any question, with no side effect. */
@Controller
class AssistantPage {

    private final AssistantLab lab;

    AssistantPage(AssistantLab lab) {
        this.lab = lab;
    }

    /** The longest question the box takes (a pasted mail with its history fits). */
    static final int MAX_QUESTION = 10_000;

    /** A link may still carry the question ({@code ?question=…}): it is tried as the form would. */
    @GetMapping("/assistant")
    String page(@RequestParam(required = false) String question, @RequestParam(required = false) String commune,
                Model model) {
        return question == null ? show(null, commune, model) : test(question, commune, model);
    }

    /** The form is sent by POST: a pasted mail of several thousand characters does not fit in an address. */
    @PostMapping("/assistant")
    String test(@RequestParam(defaultValue = "") String question, @RequestParam(required = false) String commune,
                Model model) {
        if (question.isBlank()) {
            model.addAttribute("error", "Saisissez une question : la zone est vide.");
        } else if (question.length() > MAX_QUESTION) {
            model.addAttribute("error", "La question fait " + Formats.countOf(question.length(), "caractère", "caractères")
                    + " : 10 000 au plus. Gardez le message sans l'historique cité.");
        } else {
            try {
                model.addAttribute("trial", lab.trial(question, commune));
            } catch (IllegalArgumentException e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        return show(question, commune, model);
    }

    private static String show(String question, String commune, Model model) {
        model.addAttribute("question", question);
        model.addAttribute("commune", commune);
        return "assistant";
    }
}
