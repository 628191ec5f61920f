package fr.sommenumerique.helpdesk.web.security;

import fr.sommenumerique.helpdesk.web.account.ApiTokens;
import fr.sommenumerique.helpdesk.web.account.StaffUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * {@code Authorization: Bearer hd_…}: a personal API token stands for its owner. An unknown, expired or revoked
 * token is refused at once (401) rather than ignored, and counts as a failed login of its address.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final LoginThrottle throttle;
    private final ProblemResponses problems;

    public BearerTokenFilter(ApiTokens tokens, LoginThrottle throttle, ProblemResponses problems) {
        this.tokens = tokens;
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        var locked = throttle.lockRemaining(null, address);
        if (locked.isPresent()) {
            problems.commence(request, response, new ThrottledLoginException(locked.get()));
            return;
        }
        StaffUser user = tokens.authenticate(header.substring(7).strip()).orElse(null);
        if (user == null) {
            throttle.failed(null, address);
            problems.commence(request, response, new BadCredentialsException("Jeton d'API inconnu, expiré ou révoqué."));
            return;
        }
        var authentication = UsernamePasswordAuthenticationToken.authenticated(user.username(), null,
                List.of(new SimpleGrantedAuthority(user.role().authority())));
        authentication.setDetails(new WebAuthenticationDetailsSource().buildDetails(request));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
