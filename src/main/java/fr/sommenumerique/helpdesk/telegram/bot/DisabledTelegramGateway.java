package fr.sommenumerique.helpdesk.telegram.bot;

import java.util.List;

/** The gateway when no token is configured: every call fails with a DISABLED exception, nothing is sent. */
final class DisabledTelegramGateway implements TelegramGateway {

    @Override
    public boolean isEnabled() {
        return false;
    }

    @Override
    public SentMessage send(long chatId, MessageContent content) {
        throw TelegramGatewayException.disabled("sendMessage");
    }

    @Override
    public void edit(long chatId, int messageId, MessageContent content) {
        throw TelegramGatewayException.disabled("editMessageText");
    }

    @Override
    public void editKeyboard(long chatId, int messageId, InlineKeyboard keyboard) {
        throw TelegramGatewayException.disabled("editMessageReplyMarkup");
    }

    @Override
    public void answerCallback(String callbackQueryId, String text, boolean showAlert) {
        throw TelegramGatewayException.disabled("answerCallbackQuery");
    }

    @Override
    public void setCommands(List<BotMenuCommand> commands) {
        throw TelegramGatewayException.disabled("setMyCommands");
    }

    @Override
    public void sendTyping(long chatId) {
        throw TelegramGatewayException.disabled("sendChatAction");
    }

    @Override
    public TelegramFile getFile(String fileId) {
        throw TelegramGatewayException.disabled("getFile");
    }

    @Override
    public byte[] download(TelegramFile file) {
        throw TelegramGatewayException.disabled("download");
    }
}
