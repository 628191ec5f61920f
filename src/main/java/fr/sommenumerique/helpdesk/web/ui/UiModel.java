package fr.sommenumerique.helpdesk.web.ui;

import fr.sommenumerique.helpdesk.assistant.Priority;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.TicketStatus;
import fr.sommenumerique.helpdesk.web.account.StaffAccounts;
import fr.sommenumerique.helpdesk.web.account.StaffUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.security.Principal;

/** What every page's layout needs: the signed-in staff member and the lists behind the select boxes. */
@ControllerAdvice(basePackageClasses = UiModel.class)
class UiModel {

    private final StaffAccounts accounts;

    UiModel(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @ModelAttribute("currentUser")
    StaffUser currentUser(Principal principal) {
        return principal == null ? null : accounts.find(principal.getName()).orElse(null);
    }

    @ModelAttribute("statuses")
    TicketStatus[] statuses() {
        return TicketStatus.values();
    }

    @ModelAttribute("priorities")
    Priority[] priorities() {
        return Priority.values();
    }

    @ModelAttribute("services")
    ServiceArea[] services() {
        return ServiceArea.values();
    }

    @ModelAttribute("channels")
    Channel[] channels() {
        return Channel.values();
    }
}
