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

    /**
     * Library quirk (10.2.0): {@code Message.isCommand()}/{@code getCommand()} read the entities' text, which is
     * only computed inside {@code getEntities()}/{@code getCaptionEntities()}; before those are called a command
     * is not recognised. Calling them once makes the update behave as expected.
     */
    static void primeEntities(Update update) {
        prime(update.getMessage());
        prime(update.getEditedMessage());
        if (update.hasCallbackQuery() && update.getCallbackQuery().getMessage() instanceof Message message) {
            prime(message);
        }
    }

    private static void prime(Message message) {
        if (message != null) {
            message.getEntities();
            message.getCaptionEntities();
        }
    }

    private static String ids(Message message) {
        return " chat=" + message.getChatId() + " message=" + message.getMessageId();
    }
}
