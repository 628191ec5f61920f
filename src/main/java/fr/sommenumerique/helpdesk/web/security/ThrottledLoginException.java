package fr.sommenumerique.helpdesk.web.security;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/** Too many failed logins: attempts are refused for a while, even with the right password. */
public class ThrottledLoginException extends AuthenticationException {

    public ThrottledLoginException(Duration remaining) {
        super("Trop de tentatives de connexion échouées. Réessayez dans " + minutes(remaining) + ".");
    }

    private static String minutes(Duration remaining) {
        long seconds = Math.max(1, remaining.toSeconds());
        if (seconds < 60) {
            return seconds + " seconde" + (seconds > 1 ? "s" : "");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + " minute" + (minutes > 1 ? "s" : "");
    }
}
