package fr.sommenumerique.helpdesk.web.security;

import fr.sommenumerique.helpdesk.web.account.StaffAccounts;
import fr.sommenumerique.helpdesk.web.account.StaffUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;

/**
 * An account whose password was generated (first administrator, reset) may do nothing but change it: the UI
 * redirects to the password page, the API answers 403.
 */
public class PasswordChangeGate extends OncePerRequestFilter {

    public static final String CHANGE_PAGE = "/compte/mot-de-passe";
    private static final Set<String> ALLOWED = Set.of(CHANGE_PAGE, "/deconnexion", "/error");

    private final StaffAccounts accounts;
    private final ProblemResponses problems;

    public PasswordChangeGate(StaffAccounts accounts, ProblemResponses problems) {
        this.accounts = accounts;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()
                || ALLOWED.contains(path) || path.startsWith("/css/") || path.startsWith("/js/")
                || !accounts.find(auth.getName()).map(StaffUser::mustChangePassword).orElse(false)) {
            chain.doFilter(request, response);
            return;
        }
        if (path.startsWith("/api/") || path.startsWith("/actuator/")) {
            problems.write(request, response, HttpStatus.FORBIDDEN, "Mot de passe à changer",
                    "Changez d'abord le mot de passe provisoire de ce compte dans l'interface (" + CHANGE_PAGE + ").");
            return;
        }
        response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
    }
}
