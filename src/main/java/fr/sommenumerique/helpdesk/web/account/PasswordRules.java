package fr.sommenumerique.helpdesk.web.account;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/** What a chosen password must satisfy (ANSSI-style length rather than composition rules). */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    /** bcrypt reads at most 72 bytes and Spring Security refuses longer passwords: the limit is in UTF-8 bytes. */
    public static final int MAX_BYTES = 72;

    private static final Set<String> TOO_COMMON = Set.of("motdepasse123", "azertyuiop12", "123456789012",
            "password1234", "administrateur", "mairieconnectee");

    private PasswordRules() {
    }

    /** Longer than bcrypt accepts (such a password can be neither set nor checked). */
    public static boolean tooLong(String password) {
        return password != null && password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    /** @throws IllegalArgumentException with a French message saying what is wrong */
    public static void check(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("Le mot de passe doit contenir au moins " + MIN_LENGTH + " caractères.");
        }
        if (tooLong(password)) {
            throw new IllegalArgumentException("Le mot de passe est trop long : " + MAX_BYTES + " octets au plus, soit "
                    + MAX_BYTES + " caractères sans accents (une lettre accentuée compte pour deux).");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Le mot de passe ne doit pas contenir l'identifiant.");
        }
        if (TOO_COMMON.contains(lower) || password.chars().distinct().count() < 5) {
            throw new IllegalArgumentException("Ce mot de passe est trop facile à deviner.");
        }
    }
}
