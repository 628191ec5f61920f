package fr.sommenumerique.helpdesk.conversation;

import java.util.Optional;

/**
 * The name a staff member signs with, provided by the module that keeps the staff accounts. Without it (or for an
 * unknown username) replies are signed by the team.
 */
public interface StaffNames {

    /** The display name of that staff username (« Claire Martin »), empty when unknown. */
    Optional<String> displayName(String username);
}
