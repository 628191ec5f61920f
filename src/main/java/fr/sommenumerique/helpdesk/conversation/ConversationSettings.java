package fr.sommenumerique.helpdesk.conversation;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param reopenWindow how long after a ticket is resolved or closed a reply reopens it; later, a new ticket is
 *                     opened and linked to the old one
 * @param signature    the closing lines of every message the helpdesk sends
 */
@ConfigurationProperties("helpdesk.conversation")
public record ConversationSettings(Duration reopenWindow, String signature) {

    public ConversationSettings {
        reopenWindow = reopenWindow == null ? Duration.ofDays(14) : reopenWindow;
        signature = signature == null || signature.isBlank()
                ? "L'assistance Mairie connectée\nSomme Numérique" : signature;
    }
}
