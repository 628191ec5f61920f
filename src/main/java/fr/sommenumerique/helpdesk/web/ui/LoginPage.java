package fr.sommenumerique.helpdesk.web.ui;

import fr.sommenumerique.helpdesk.web.security.ThrottledLoginException;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.security.Principal;

/** The sign-in page; Spring Security handles the POST. */
@Controller
class LoginPage {

    @GetMapping("/connexion")
    String login(@RequestParam(required = false) String erreur, @RequestParam(required = false) String deconnexion,
                 @RequestParam(required = false) String expiree, HttpSession session, Principal principal, Model model) {
        if (principal != null) {
            return "redirect:/tickets";
        }
        if (erreur != null) {
            Object last = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            model.addAttribute("error", last instanceof ThrottledLoginException e ? e.getMessage()
                    : "Identifiant ou mot de passe incorrect.");
        } else if (deconnexion != null) {
            model.addAttribute("info", "Vous êtes déconnecté.");
        } else if (expiree != null) {
            model.addAttribute("info", "Votre session a expiré : reconnectez-vous.");
        }
        return "login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/tickets";
    }
}
