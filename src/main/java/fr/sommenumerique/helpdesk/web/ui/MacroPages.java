package fr.sommenumerique.helpdesk.web.ui;

import fr.sommenumerique.helpdesk.ticketing.Macros;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;

/** Canned replies, written and kept up to date by the team, inserted from any ticket's reply box. */
@Controller
class MacroPages {

    private final Macros macros;

    MacroPages(Macros macros) {
        this.macros = macros;
    }

    @GetMapping("/reponses-types")
    String list(@RequestParam(required = false) Long modifier, Model model) {
        model.addAttribute("macros", macros.all());
        if (modifier != null && !model.containsAttribute("editing")) {
            macros.byId(modifier).ifPresent(m -> model.addAttribute("editing", m));
        }
        return "macros";
    }

    @PostMapping("/reponses-types")
    String create(@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String body,
                  Principal principal, RedirectAttributes redirect) {
        String result = UiActions.run(redirect, "/reponses-types", "Réponse type « " + title.strip() + " » ajoutée.",
                () -> macros.create(title, body, principal.getName()));
        keepDraft(redirect, title, body);
        return result;
    }

    @PostMapping("/reponses-types/{id}")
    String update(@PathVariable long id, @RequestParam(defaultValue = "") String title,
                  @RequestParam(defaultValue = "") String body, Principal principal, RedirectAttributes redirect) {
        String result = UiActions.run(redirect, "/reponses-types", "Réponse type « " + title.strip() + " » modifiée.",
                () -> macros.update(id, title, body, principal.getName()));
        if (redirect.getFlashAttributes().containsKey(UiActions.ERROR)) {
            return "redirect:/reponses-types?modifier=" + id;
        }
        return result;
    }

    @PostMapping("/reponses-types/{id}/suppression")
    String delete(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        return UiActions.run(redirect, "/reponses-types", "Réponse type supprimée.",
                () -> macros.delete(id, principal.getName()));
    }

    private static void keepDraft(RedirectAttributes redirect, String title, String body) {
        if (redirect.getFlashAttributes().containsKey(UiActions.ERROR)) {
            redirect.addFlashAttribute("titleDraft", title);
            redirect.addFlashAttribute("bodyDraft", body);
        }
    }
}
