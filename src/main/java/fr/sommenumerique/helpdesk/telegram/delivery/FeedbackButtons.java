package fr.sommenumerique.helpdesk.telegram.delivery;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.stereotype.Component;

import fr.sommenumerique.helpdesk.telegram.bot.InlineButton;
import fr.sommenumerique.helpdesk.telegram.bot.InlineKeyboard;
import fr.sommenumerique.helpdesk.ticketing.AssistantInteractions;
import fr.sommenumerique.helpdesk.ticketing.Outbox;
import fr.sommenumerique.helpdesk.ticketing.OutboxMessage;

/**
 * The « 👍 Résolu » / « 👎 Pas résolu » buttons under the assistant's answers. An answer is recognised in the outbox
 * as the first message queued on a ticket, automatic, whose ticket was opened by an ANSWER decision not yet rated:
 * that is how the conversation layer records an answered question (ticket opened, answer queued, ticket resolved).
 * The callback data carries the ticket id ({@code fb:y:42}), well under Telegram's 64 bytes.
 */
@Component
public class FeedbackButtons {

    public static final String HELPFUL_PREFIX = "fb:y:";
    public static final String NOT_HELPFUL_PREFIX = "fb:n:";

    private final Outbox outbox;
    private final AssistantInteractions interactions;

    public FeedbackButtons(Outbox outbox, AssistantInteractions interactions) {
        this.outbox = outbox;
        this.interactions = interactions;
    }

    public static InlineKeyboard keyboard(long ticketId) {
        return InlineKeyboard.row(InlineButton.of("👍 Résolu", HELPFUL_PREFIX + ticketId),
                InlineButton.of("👎 Pas résolu", NOT_HELPFUL_PREFIX + ticketId));
    }

    /** The ticket id of a feedback button's data, empty when the data is not a feedback button's. */
    public static OptionalLong ticketOf(String callbackData, boolean helpful) {
        String prefix = helpful ? HELPFUL_PREFIX : NOT_HELPFUL_PREFIX;
        if (callbackData == null || !callbackData.startsWith(prefix)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(callbackData.substring(prefix.length())));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The buttons this queued message should carry, if it is an answer of the assistant. */
    Optional<InlineKeyboard> forMessage(OutboxMessage message) {
        if (!message.automatic() || message.ticketId() == null) {
            return Optional.empty();
        }
        long ticketId = message.ticketId();
        List<OutboxMessage> queued = outbox.ofTicket(ticketId);
        if (queued.isEmpty() || queued.get(0).id() != message.id()) {
            return Optional.empty();
        }
        boolean unratedAnswer = interactions.byTicket(ticketId)
                .filter(i -> AssistantInteractions.ANSWER.equals(i.decisionKind()) && i.helpful() == null)
                .isPresent();
        return unratedAnswer ? Optional.of(keyboard(ticketId)) : Optional.empty();
    }
}
