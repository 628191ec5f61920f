package fr.sommenumerique.helpdesk.web.ui;

import fr.sommenumerique.helpdesk.web.account.StaffAccounts;
import java.security.Principal;
import fr.sommenumerique.helpdesk.ticketing.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Errors of the UI pages as a French page (never a stack trace). */
@ControllerAdvice(basePackageClasses = UiErrors.class)
class UiErrors {

    private final StaffAccounts accounts;

    UiErrors(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    /** An error page keeps the site's navigation for the signed-in staff member. */
    private void signedIn(Principal principal, Model model) {
        if (principal != null) {
            accounts.find(principal.getName()).ifPresent(u -> model.addAttribute("currentUser", u));
        }
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFoundException e, Model model, Principal principal) {
        signedIn(principal, model);
        model.addAttribute("status", 404);
        model.addAttribute("title", "Introuvable");
        model.addAttribute("message", e.getMessage());
        return "error-page";
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            IllegalArgumentException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(Exception e, Model model, Principal principal) {
        signedIn(principal, model);
        model.addAttribute("status", 400);
        model.addAttribute("title", "Demande invalide");
        model.addAttribute("message", e instanceof IllegalArgumentException && !(e instanceof MethodArgumentTypeMismatchException)
                ? e.getMessage() : "Un paramètre de la page est absent ou invalide.");
        return "error-page";
    }
}
