package fr.sommenumerique.helpdesk.web.ui;

import fr.sommenumerique.helpdesk.web.account.CreatedAccount;
import fr.sommenumerique.helpdesk.web.account.NewStaffMember;
import fr.sommenumerique.helpdesk.web.account.StaffAccounts;
import fr.sommenumerique.helpdesk.web.account.StaffRole;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;

/** ADMIN only ({@code /admin/**}): the team's accounts. Generated passwords are shown once. */
@Controller
class TeamAdminPages {

    private final StaffAccounts accounts;

    TeamAdminPages(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/admin/equipe")
    String team(Model model) {
        model.addAttribute("members", accounts.all());
        model.addAttribute("roles", StaffRole.values());
        return "team";
    }

    @PostMapping("/admin/equipe")
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String displayName,
                  @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "AGENT") StaffRole role,
                  Principal principal, RedirectAttributes redirect) {
        try {
            CreatedAccount created = accounts.create(new NewStaffMember(username, displayName, email, role), principal.getName());
            redirect.addFlashAttribute("generated", created);
            redirect.addFlashAttribute(UiActions.SUCCESS, "Compte « " + created.user().username() + " » créé.");
        } catch (IllegalArgumentException | IllegalStateException e) {
            redirect.addFlashAttribute(UiActions.ERROR, e.getMessage());
            redirect.addFlashAttribute("form", new NewStaffMember(username, displayName, email, role));
        }
        return "redirect:/admin/equipe";
    }

    @PostMapping("/admin/equipe/{username}/reinitialiser")
    String reset(@PathVariable String username, Principal principal, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("generated", accounts.resetPassword(username, principal.getName()));
            redirect.addFlashAttribute(UiActions.SUCCESS, "Mot de passe de « " + username + " » réinitialisé.");
        } catch (IllegalArgumentException | IllegalStateException e) {
            redirect.addFlashAttribute(UiActions.ERROR, e.getMessage());
        }
        return "redirect:/admin/equipe";
    }

    @PostMapping("/admin/equipe/{username}/activation")
    String enable(@PathVariable String username, @RequestParam boolean enabled, Principal principal,
                  RedirectAttributes redirect) {
        return UiActions.run(redirect, "/admin/equipe",
                enabled ? "Compte « " + username + " » réactivé." : "Compte « " + username + " » désactivé.",
                () -> accounts.setEnabled(username, enabled, principal.getName()));
    }

    @PostMapping("/admin/equipe/{username}")
    String update(@PathVariable String username, @RequestParam(defaultValue = "") String displayName,
                  @RequestParam(defaultValue = "") String email, @RequestParam StaffRole role, Principal principal,
                  RedirectAttributes redirect) {
        return UiActions.run(redirect, "/admin/equipe", "Compte « " + username + " » modifié.",
                () -> accounts.update(username, displayName, email, role, principal.getName()));
    }
}
