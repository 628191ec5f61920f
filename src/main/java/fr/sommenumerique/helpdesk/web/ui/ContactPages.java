package fr.sommenumerique.helpdesk.web.ui;

import fr.sommenumerique.helpdesk.ticketing.Contacts;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.web.triage.CommuneDirectory;
import fr.sommenumerique.helpdesk.web.triage.TicketWorkspace;
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
    private final TicketWorkspace workspace;

    ContactPages(Contacts contacts, CommuneDirectory communes, TicketWorkspace workspace) {
        this.contacts = contacts;
        this.communes = communes;
        this.workspace = workspace;
    }

    /**
     * {@code back}: the page the form was on (a ticket), shown again afterwards. {@code ticket}: the ticket the form
     * was on; when its commune is unknown it takes the commune given for its requester (an agent who names the
     * requester's commune means the ticket's too), otherwise it keeps its own.
     */
    @PostMapping("/contacts/{id}")
    String update(@PathVariable long id, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "") String commune,
                  @RequestParam(required = false) Long ticket, @RequestParam(defaultValue = "/tickets") String back,
                  Principal principal, RedirectAttributes redirect) {
        String target = back.startsWith("/") && !back.startsWith("//") ? back : "/tickets";
        return UiActions.run(redirect, target, "Contact mis à jour.", () -> {
            String insee = commune.isBlank() ? null : communes.resolve(commune).inseeCode();
            contacts.updateProfile(id, name, role, insee, principal.getName());
            if (ticket != null && insee != null) {
                Ticket t = workspace.ticket(ticket);
                if (t.communeInsee() == null && t.requesterId() == id) {
                    workspace.changeCommune(t.id(), insee, principal.getName());
                }
            }
        });
    }
}
