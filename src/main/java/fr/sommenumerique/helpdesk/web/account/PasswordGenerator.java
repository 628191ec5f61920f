package fr.sommenumerique.helpdesk.web.account;

import java.security.SecureRandom;

/** Random passwords for new and reset accounts: 20 characters without look-alikes (0/O, 1/l/I). */
public final class PasswordGenerator {

    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 20;

    private final SecureRandom random = new SecureRandom();

    public String generate() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
