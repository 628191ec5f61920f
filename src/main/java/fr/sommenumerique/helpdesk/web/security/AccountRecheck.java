package fr.sommenumerique.helpdesk.web.security;

import fr.sommenumerique.helpdesk.web.account.StaffAccounts;
import fr.sommenumerique.helpdesk.web.account.StaffUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A UI session must not outlive what an administrator changes: on every request the signed-in account is read
 * again, and the session ends (back to the login page) when the account was disabled or deleted, its role changed,
 * or its password was changed outside this session (reset by an administrator, changed in another browser).
 * Runs before authorization, so a demoted administrator never reaches {@code /admin} again.
 */
public class AccountRecheck extends OncePerRequestFilter {

    /** Session attribute: « username|password changed at » as known when the session was last checked. */
    static final String PASSWORD_STAMP = AccountRecheck.class.getName() + ".password";

    private final StaffAccounts accounts;

    public AccountRecheck(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    /** Form login success: records the password's date in the new session, then goes where the user was going. */
    public static AuthenticationSuccessHandler recordingLogin(StaffAccounts accounts, String defaultTarget) {
        SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
        next.setDefaultTargetUrl(defaultTarget);
        return (request, response, authentication) -> {
            accounts.find(authentication.getName()).ifPresent(user -> passwordChangedHere(request.getSession(), user));
            next.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** The owner changed their password in this session: the session stays valid. */
    public static void passwordChangedHere(HttpSession session, StaffUser user) {
        if (session != null) {
            session.setAttribute(PASSWORD_STAMP, stamp(user));
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<StaffUser> user = accounts.find(auth.getName());
        HttpSession session = request.getSession(false);
        if (user.isPresent() && user.get().enabled() && sameRole(auth, user.get()) && passwordStillValid(session, user.get())) {
            chain.doFilter(request, response);
            return;
        }
        logger.info("Session de « " + auth.getName() + " » terminée : compte désactivé, rôle ou mot de passe changé.");
        SecurityContextHolder.clearContext();
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect(request.getContextPath() + "/connexion?expiree");
    }

    private static boolean sameRole(Authentication auth, StaffUser user) {
        Set<String> granted = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).collect(Collectors.toSet());
        return granted.equals(Set.of(user.role().authority()));
    }

    /**
     * Login records the password's date (a session without it, e.g. one made by a test, records it at its first
     * request); a different date later ends the session.
     */
    private static boolean passwordStillValid(HttpSession session, StaffUser user) {
        if (session == null) {
            return true;
        }
        String current = stamp(user);
        Object known = session.getAttribute(PASSWORD_STAMP);
        if (known instanceof String s && s.startsWith(user.username() + "|")) {
            return s.equals(current);
        }
        session.setAttribute(PASSWORD_STAMP, current);
        return true;
    }

    private static String stamp(StaffUser user) {
        return user.username() + "|" + user.passwordChangedAt();
    }
}
