package fr.sommenumerique.helpdesk.web.api;

import fr.sommenumerique.helpdesk.ticketing.CommuneActivity;
import fr.sommenumerique.helpdesk.web.api.ApiViews.CommuneJson;
import fr.sommenumerique.helpdesk.web.render.SubsidyEligibility;
import fr.sommenumerique.helpdesk.web.triage.CommuneDirectory;
import fr.sommenumerique.helpdesk.web.triage.CommuneView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/communes")
@Tag(name = "Communes", description = "Les 771 communes de la Somme, leurs contacts, tickets et demandes")
class CommuneApi {

    private final CommuneDirectory directory;
    private final SubsidyEligibility subsidy;

    CommuneApi(CommuneDirectory directory, SubsidyEligibility subsidy) {
        this.directory = directory;
        this.subsidy = subsidy;
    }

    @GetMapping
    @Operation(summary = "Chercher une commune (nom, code INSEE ou code postal)")
    List<CommuneJson> search(@RequestParam String q, @RequestParam(defaultValue = "20") int limit) {
        return directory.search(q, limit).stream().map(c -> new CommuneJson(c, subsidy.eligible(c))).toList();
    }

    @GetMapping("/active")
    @Operation(summary = "Communes qui ont écrit, avec leurs compteurs")
    List<CommuneActivity> active() {
        return directory.active();
    }

    @GetMapping("/{insee}")
    @Operation(summary = "Une commune : population, EPCI, contacts, tickets (25 par page) et demandes")
    CommuneView commune(@PathVariable String insee, @RequestParam(defaultValue = "0") int page) {
        return directory.view(insee, page);
    }
}
