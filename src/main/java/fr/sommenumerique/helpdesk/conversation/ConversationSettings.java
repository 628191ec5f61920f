package fr.sommenumerique.helpdesk.conversation;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param reopenWindow how long after a ticket is resolved or closed a reply reopens it; later, a new ticket is
 *                     opened and linked to the old one
 * @param signature    the closing lines of every message the helpdesk sends
 * @param chatFollowUp in chat, how long after a conversation last moved a file or a precision still completes it
 *                     when it is finished, and an unclear message is offered to join it (30 minutes)
 */
@ConfigurationProperties("helpdesk.conversation")
public record ConversationSettings(Duration reopenWindow, String signature, Duration chatFollowUp) {

    public ConversationSettings {
        reopenWindow = reopenWindow == null ? Duration.ofDays(14) : reopenWindow;
        chatFollowUp = chatFollowUp == null ? Duration.ofMinutes(30) : chatFollowUp;
        signature = signature == null || signature.isBlank()
                ? "L'assistance Mairie connectée\nSomme Numérique" : signature;
    }
}
