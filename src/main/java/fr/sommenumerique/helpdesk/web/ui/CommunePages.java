package fr.sommenumerique.helpdesk.web.ui;

import fr.sommenumerique.helpdesk.web.triage.CommuneDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Communes: those that wrote in, a search over all 771, and one commune's page. */
@Controller
class CommunePages {

    private final CommuneDirectory directory;

    CommunePages(CommuneDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/communes")
    String communes(@RequestParam(required = false) String q, Model model) {
        if (q != null && !q.isBlank()) {
            model.addAttribute("results", directory.search(q, 50));
        }
        model.addAttribute("q", q);
        model.addAttribute("active", directory.active());
        return "communes";
    }

    @GetMapping("/communes/{insee}")
    String commune(@PathVariable String insee, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("view", directory.view(insee, page));
        return "commune";
    }
}
