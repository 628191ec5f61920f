package fr.sommenumerique.helpdesk.web.account;

import java.io.Serializable;

/**
 * A new account, or an account whose password was reset.
 *
 * @param generatedPassword the password to hand over once (never stored in clear), null when it was chosen
 */
public record CreatedAccount(StaffUser user, String generatedPassword) implements Serializable {
}
