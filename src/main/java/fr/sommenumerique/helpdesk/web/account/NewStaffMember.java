package fr.sommenumerique.helpdesk.web.account;

import java.io.Serializable;

/** What an administrator fills in to add a colleague. */
public record NewStaffMember(String username, String displayName, String email, StaffRole role) implements Serializable {
}
