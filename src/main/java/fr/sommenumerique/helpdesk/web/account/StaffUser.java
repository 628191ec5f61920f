package fr.sommenumerique.helpdesk.web.account;

import java.io.Serializable;
import java.time.Instant;

/**
 * A member of the support staff. The password hash never leaves {@link StaffUserStore}.
 *
 * @param username           lower case; the actor name recorded on tickets and in the audit log
 * @param mustChangePassword the current password was generated (first admin, reset): it must be replaced at login
 */
public record StaffUser(long id, String username, String displayName, String email, StaffRole role, boolean enabled,
                        boolean mustChangePassword, Instant createdAt, Instant passwordChangedAt, Instant lastLoginAt) implements Serializable {

    public boolean isAdmin() {
        return role == StaffRole.ADMIN;
    }

    /** « Claire Martin (cmartin) ». */
    public String label() {
        return displayName.equals(username) ? username : displayName + " (" + username + ")";
    }
}
