package fr.sommenumerique.helpdesk.web.ui;

import fr.sommenumerique.helpdesk.ticketing.NotFoundException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs a staff action from a form and redirects (post/redirect/get): success and refusal are shown on the next
 * page as a message; a refusal (bad input, forbidden transition) changes nothing.
 */
final class UiActions {

    static final String SUCCESS = "success";
    static final String ERROR = "error";

    private UiActions() {
    }

    static String run(RedirectAttributes redirect, String target, String successMessage, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute(SUCCESS, successMessage);
        } catch (IllegalArgumentException | IllegalStateException | NotFoundException e) {
            redirect.addFlashAttribute(ERROR, e.getMessage());
        }
        return "redirect:" + target;
    }
}
