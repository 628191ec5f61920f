package fr.sommenumerique.helpdesk.web.security;

import fr.sommenumerique.helpdesk.web.account.PasswordRules;
import fr.sommenumerique.helpdesk.web.account.StaffAccounts;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Username and password checks (form login and HTTP Basic) with throttling of repeated failures: a locked
 * (username, address) pair or a locked address is refused before the password is even looked at.
 */
public class ThrottlingAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;
    private final StaffAccounts accounts;

    public ThrottlingAuthenticationProvider(DaoAuthenticationProvider passwords, LoginThrottle throttle,
                                            StaffAccounts accounts) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        var remaining = throttle.lockRemaining(username, address);
        if (remaining.isPresent()) {
            throw new ThrottledLoginException(remaining.get());
        }
        if (authentication.getCredentials() instanceof String password && PasswordRules.tooLong(password)) {
            // bcrypt cannot even compare it (it would throw): no stored password can be that long
            throw failure(username, address);
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(username, address);
            accounts.recordLogin(result.getName());
            return result;
        } catch (BadCredentialsException | DisabledException e) {
            throw failure(username, address);
        }
    }

    private BadCredentialsException failure(String username, String address) {
        throttle.failed(username, address);
        return new BadCredentialsException("Identifiant ou mot de passe incorrect.");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
