package fr.sommenumerique.helpdesk.ticketing;

import java.time.Instant;

/**
 * Someone who writes to the helpdesk (usually a commune secretary or mayor).
 *
 * @param email          lower case, unique, null for a Telegram-only contact
 * @param communeInsee   the commune the contact works for, when known
 * @param telegramChatId private chat with the bot, unique, null when none
 * @param emailFailing   mail to this address bounced (see {@code emailFailingReason})
 * @param role           what the contact does for the commune (« Secrétaire de mairie », « Maire »…), when known
 */
public record Contact(long id, String email, String displayName, String communeInsee, Long telegramChatId,
                      boolean emailFailing, String emailFailingReason, Instant emailFailingSince, Instant createdAt,
                      String role) {

    /** What to show staff: the name, else the address, else the Telegram chat. */
    public String label() {
        if (displayName != null && !displayName.isBlank()) {
            return displayName;
        }
        if (email != null) {
            return email;
        }
        return "Telegram " + telegramChatId;
    }
}
