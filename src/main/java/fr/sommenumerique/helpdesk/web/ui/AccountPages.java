package fr.sommenumerique.helpdesk.web.ui;

import fr.sommenumerique.helpdesk.web.account.ApiTokens;
import fr.sommenumerique.helpdesk.web.account.IssuedApiToken;
import fr.sommenumerique.helpdesk.web.account.StaffAccounts;
import fr.sommenumerique.helpdesk.web.account.StaffUser;
import fr.sommenumerique.helpdesk.web.security.AccountRecheck;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.time.Duration;

/** The signed-in staff member's own account: password and personal API tokens. */
@Controller
class AccountPages {

    private final StaffAccounts accounts;
    private final ApiTokens tokens;

    AccountPages(StaffAccounts accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @GetMapping("/compte")
    String account(Principal principal, Model model) {
        model.addAttribute("tokens", tokens.of(principal.getName()));
        return "account";
    }

    @GetMapping("/compte/mot-de-passe")
    String passwordForm(Principal principal, Model model) {
        model.addAttribute("forced", accounts.find(principal.getName()).map(StaffUser::mustChangePassword).orElse(false));
        return "password";
    }

    @PostMapping("/compte/mot-de-passe")
    String changePassword(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
                          @RequestParam(defaultValue = "") String confirmation, Principal principal,
                          HttpSession session, RedirectAttributes redirect) {
        if (!password.equals(confirmation)) {
            redirect.addFlashAttribute(UiActions.ERROR, "Les deux saisies du nouveau mot de passe sont différentes.");
            return "redirect:/compte/mot-de-passe";
        }
        try {
            AccountRecheck.passwordChangedHere(session, accounts.changePassword(principal.getName(), current, password));
        } catch (IllegalArgumentException | IllegalStateException e) {
            redirect.addFlashAttribute(UiActions.ERROR, e.getMessage());
            return "redirect:/compte/mot-de-passe";
        }
        redirect.addFlashAttribute(UiActions.SUCCESS, "Mot de passe changé.");
        return "redirect:/compte";
    }

    @PostMapping("/compte/jetons")
    String issueToken(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "0") int days,
                      Principal principal, RedirectAttributes redirect) {
        try {
            IssuedApiToken issued = tokens.issue(principal.getName(), name, days > 0 ? Duration.ofDays(days) : null);
            redirect.addFlashAttribute("issuedToken", issued);
            redirect.addFlashAttribute(UiActions.SUCCESS, "Jeton « " + issued.token().name()
                    + " » créé. Copiez-le maintenant : il ne sera plus jamais affiché.");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute(UiActions.ERROR, e.getMessage());
        }
        return "redirect:/compte";
    }

    @PostMapping("/compte/jetons/{id}/revoquer")
    String revoke(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        return UiActions.run(redirect, "/compte", "Jeton révoqué.", () -> tokens.revoke(principal.getName(), id));
    }
}
