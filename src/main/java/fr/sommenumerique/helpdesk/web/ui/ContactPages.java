package fr.sommenumerique.helpdesk.web.ui;

import fr.sommenumerique.helpdesk.ticketing.Contacts;
import fr.sommenumerique.helpdesk.web.triage.CommuneDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;

/** Staff correct what is known of a contact: name, role, commune. */
@Controller
class ContactPages {

    private final Contacts contacts;
    private final CommuneDirectory communes;

    ContactPages(Contacts contacts, CommuneDirectory communes) {
        this.contacts = contacts;
        this.communes = communes;
    }

    /** {@code back}: the page the form was on (a ticket), shown again afterwards. */
    @PostMapping("/contacts/{id}")
    String update(@PathVariable long id, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "") String commune,
                  @RequestParam(defaultValue = "/tickets") String back, Principal principal, RedirectAttributes redirect) {
        String target = back.startsWith("/") && !back.startsWith("//") ? back : "/tickets";
        return UiActions.run(redirect, target, "Contact mis à jour.", () -> {
            String insee = commune.isBlank() ? null : communes.resolve(commune).inseeCode();
            contacts.updateProfile(id, name, role, insee, principal.getName());
        });
    }
}
