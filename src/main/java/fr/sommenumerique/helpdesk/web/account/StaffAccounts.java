package fr.sommenumerique.helpdesk.web.account;

import fr.sommenumerique.helpdesk.ticketing.AuditLog;
import fr.sommenumerique.helpdesk.ticketing.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Staff accounts: creation, passwords, roles, activation. Passwords are stored only as hashes; generated ones are
 * returned once and must be changed at the next login. Changes are written to the audit log (entity « staff »).
 */
@Service
@Transactional
public class StaffAccounts {

    public static final String AUDIT_ENTITY = "staff";

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,49}");
    /** Actor names the ticketing module already uses for non-humans. */
    private static final Set<String> RESERVED = Set.of("assistant", "system", "systeme", "anonymous", "contact");

    private final StaffUserStore store;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;
    private final PasswordGenerator generator = new PasswordGenerator();

    public StaffAccounts(StaffUserStore store, PasswordEncoder encoder, AuditLog audit, ObjectProvider<Clock> clock) {
        this.store = store;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    @Transactional(readOnly = true)
    public Optional<StaffUser> find(String username) {
        return username == null ? Optional.empty() : store.byUsername(username.strip().toLowerCase(Locale.ROOT));
    }

    @Transactional(readOnly = true)
    public StaffUser require(String username) {
        return find(username).orElseThrow(() -> new NotFoundException("Compte inconnu : " + username));
    }

    @Transactional(readOnly = true)
    public List<StaffUser> all() {
        return store.all();
    }

    /** Enabled accounts: the people a ticket can be assigned to. */
    @Transactional(readOnly = true)
    public List<StaffUser> active() {
        return store.all().stream().filter(StaffUser::enabled).toList();
    }

    @Transactional(readOnly = true)
    public boolean noAccountYet() {
        return store.count() == 0;
    }

    /** An administrator adds a colleague: a password is generated, to be changed at first login. */
    public CreatedAccount create(NewStaffMember member, String actor) {
        String password = generator.generate();
        StaffUser user = insert(member, password, true, actor);
        return new CreatedAccount(user, password);
    }

    /**
     * Creates an account with a chosen password (the first administrator from {@code HELPDESK_ADMIN_PASSWORD}, or
     * scripts and tests).
     */
    public StaffUser createWithPassword(NewStaffMember member, String password, boolean mustChange, String actor) {
        PasswordRules.check(password, member.username());
        return insert(member, password, mustChange, actor);
    }

    /** A new generated password, to be changed at the next login. */
    public CreatedAccount resetPassword(String username, String actor) {
        StaffUser user = require(username);
        String password = generator.generate();
        store.updatePassword(user.id(), encoder.encode(password), true, clock.instant());
        audit.record(actor, AUDIT_ENTITY, user.username(), "password.reset", "Mot de passe réinitialisé par " + actor);
        return new CreatedAccount(store.byId(user.id()).orElseThrow(), password);
    }

    /** The owner changes their password; the current one is required. */
    public StaffUser changePassword(String username, String currentPassword, String newPassword) {
        StaffUser user = require(username);
        String hash = store.passwordHash(user.username()).orElseThrow();
        if (currentPassword == null || PasswordRules.tooLong(currentPassword) || !encoder.matches(currentPassword, hash)) {
            throw new IllegalArgumentException("Le mot de passe actuel est incorrect.");
        }
        PasswordRules.check(newPassword, user.username());
        if (newPassword.equals(currentPassword)) {
            throw new IllegalArgumentException("Le nouveau mot de passe doit être différent de l'actuel.");
        }
        store.updatePassword(user.id(), encoder.encode(newPassword), false, clock.instant());
        audit.record(user.username(), AUDIT_ENTITY, user.username(), "password.changed", "Mot de passe changé");
        return store.byId(user.id()).orElseThrow();
    }

    public StaffUser update(String username, String displayName, String email, StaffRole role, String actor) {
        StaffUser user = require(username);
        String name = required(displayName, "Le nom affiché est obligatoire.");
        if (user.role() == StaffRole.ADMIN && role != StaffRole.ADMIN && user.enabled() && store.countEnabledAdmins() <= 1) {
            throw new IllegalStateException("Il doit rester au moins un administrateur actif.");
        }
        store.updateProfile(user.id(), name, normalizeEmail(email), role);
        if (user.role() != role) {
            audit.record(actor, AUDIT_ENTITY, user.username(), "role.changed",
                    "Rôle : " + user.role().label() + " → " + role.label());
        }
        return store.byId(user.id()).orElseThrow();
    }

    /** Profile, role and activation at once: all of it or, when one part is refused, nothing (one transaction). */
    public StaffUser update(String username, String displayName, String email, StaffRole role, boolean enabled,
                            String actor) {
        update(username, displayName, email, role, actor);
        return setEnabled(username, enabled, actor);
    }

    /** Disables or re-enables an account. Nobody disables themselves, and the last active administrator stays. */
    public StaffUser setEnabled(String username, boolean enabled, String actor) {
        StaffUser user = require(username);
        if (!enabled && user.username().equals(actor)) {
            throw new IllegalStateException("Vous ne pouvez pas désactiver votre propre compte.");
        }
        if (!enabled && user.isAdmin() && user.enabled() && store.countEnabledAdmins() <= 1) {
            throw new IllegalStateException("Il doit rester au moins un administrateur actif.");
        }
        if (user.enabled() != enabled) {
            store.setEnabled(user.id(), enabled);
            audit.record(actor, AUDIT_ENTITY, user.username(), enabled ? "enabled" : "disabled",
                    enabled ? "Compte réactivé" : "Compte désactivé");
        }
        return store.byId(user.id()).orElseThrow();
    }

    public void recordLogin(String username) {
        store.touchLogin(username, clock.instant());
    }

    private StaffUser insert(NewStaffMember member, String password, boolean mustChange, String actor) {
        String username = checkUsername(member.username());
        String name = member.displayName() == null || member.displayName().isBlank() ? username : member.displayName().strip();
        if (member.role() == null) {
            throw new IllegalArgumentException("Le rôle est obligatoire.");
        }
        try {
            long id = store.insert(username, name, normalizeEmail(member.email()), member.role(), encoder.encode(password),
                    mustChange, clock.instant());
            audit.record(actor, AUDIT_ENTITY, username, "created", "Compte créé (" + member.role().label() + ")");
            return store.byId(id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw new IllegalStateException("L'identifiant « " + username + " » est déjà pris.");
        }
    }

    static String checkUsername(String username) {
        String u = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(u).matches()) {
            throw new IllegalArgumentException("Identifiant invalide : 2 à 50 caractères parmi a-z, 0-9, point, tiret"
                    + " et tiret bas, en commençant par une lettre ou un chiffre.");
        }
        if (RESERVED.contains(u) || u.startsWith("contact")) {
            throw new IllegalArgumentException("L'identifiant « " + u + " » est réservé.");
        }
        return u;
    }

    private static String normalizeEmail(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String e = email.strip().toLowerCase(Locale.ROOT);
        if (!e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("Adresse e-mail invalide : " + email);
        }
        return e;
    }

    private static String required(String value, String message) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(message);
        }
        return value.strip();
    }
}
