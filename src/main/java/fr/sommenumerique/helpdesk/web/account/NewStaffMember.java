package fr.sommenumerique.helpdesk.web.account;

/** What an administrator fills in to add a colleague. */
public record NewStaffMember(String username, String displayName, String email, StaffRole role) {
}
