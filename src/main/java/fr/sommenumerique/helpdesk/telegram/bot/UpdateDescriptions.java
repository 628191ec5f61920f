package fr.sommenumerique.helpdesk.telegram.bot;

import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/** Short, content-free description of an update for log lines: type, chat and message ids. */
public final class UpdateDescriptions {

    private UpdateDescriptions() {
    }

    public static String describe(Update update) {
        if (update.hasMessage()) {
            return "message" + ids(update.getMessage());
        }
        if (update.hasEditedMessage()) {
            return "edited_message" + ids(update.getEditedMessage());
        }
        if (update.hasCallbackQuery()) {
            var query = update.getCallbackQuery();
            String chat = query.getMessage() == null ? "" : " chat=" + query.getMessage().getChatId()
                    + " message=" + query.getMessage().getMessageId();
            return "callback_query id=" + query.getId() + chat;
        }
        return "other";
    }

    private static String ids(Message message) {
        return " chat=" + message.getChatId() + " message=" + message.getMessageId();
    }
}
