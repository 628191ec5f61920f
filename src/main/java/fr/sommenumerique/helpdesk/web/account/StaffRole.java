package fr.sommenumerique.helpdesk.web.account;

/** What a staff member may do. ADMIN includes everything an AGENT may do, plus managing the team. */
public enum StaffRole {
    AGENT("Agent"),
    ADMIN("Administrateur");

    private final String label;

    StaffRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The Spring Security authority, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
