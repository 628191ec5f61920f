package fr.sommenumerique.helpdesk.web.ui;

import fr.sommenumerique.helpdesk.web.triage.AssistantReviewDesk;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;

/** « Réponses automatiques à vérifier »: staff mark each automatic answer right or wrong, and correct it. */
@Controller
class AssistantReviewPage {

    private final AssistantReviewDesk desk;

    AssistantReviewPage(AssistantReviewDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/assistant/revue")
    String list(@RequestParam(defaultValue = "30") int jours, Model model) {
        int days = Math.max(1, Math.min(AssistantReviewDesk.MAX_DAYS, jours));
        model.addAttribute("days", days);
        model.addAttribute("items", desk.recent(days));
        model.addAttribute("share", desk.confirmedShare(days));
        model.addAttribute("intents", desk.intents());
        model.addAttribute("articles", desk.articles());
        return "assistant-review";
    }

    @PostMapping("/assistant/revue/{id}")
    String review(@PathVariable long id, @RequestParam(required = false) String verdict,
                  @RequestParam(required = false) String intention, @RequestParam(required = false) String article,
                  @RequestParam(defaultValue = "30") int jours, Principal principal, RedirectAttributes redirect) {
        return UiActions.run(redirect, "/assistant/revue?jours=" + jours + "#reponse-" + id,
                "Vérification enregistrée" + ("fausse".equals(verdict) && (article != null && !article.isBlank()
                        || intention != null && !intention.isBlank())
                        ? " ; la correction est ajoutée aux exemples de l'assistant et à son évaluation." : "."),
                () -> desk.review(id, verdict, intention, article, principal.getName()));
    }
}
