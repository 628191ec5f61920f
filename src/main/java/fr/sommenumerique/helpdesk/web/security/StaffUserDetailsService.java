package fr.sommenumerique.helpdesk.web.security;

import fr.sommenumerique.helpdesk.web.account.StaffUser;
import fr.sommenumerique.helpdesk.web.account.StaffUserStore;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.util.Locale;

/** Staff accounts for Spring Security: username, password hash, role, enabled flag. */
public class StaffUserDetailsService implements UserDetailsService {

    private final StaffUserStore store;

    public StaffUserDetailsService(StaffUserStore store) {
        this.store = store;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String key = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        StaffUser user = store.byUsername(key).orElseThrow(() -> new UsernameNotFoundException("unknown"));
        String hash = store.passwordHash(key).orElseThrow(() -> new UsernameNotFoundException("unknown"));
        return toDetails(user, hash);
    }

    static UserDetails toDetails(StaffUser user, String hash) {
        return User.withUsername(user.username()).password(hash).authorities(user.role().authority())
                .disabled(!user.enabled()).build();
    }
}
