package fr.sommenumerique.helpdesk.telegram.bot;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/** {@link TelegramGateway} over the library's {@link OkHttpTelegramClient}; downloads are done here directly. */
public final class OkHttpTelegramGateway implements TelegramGateway, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OkHttpTelegramGateway.class);

    private final OkHttpClient http;
    private final TelegramClient client;
    private final TelegramUrl telegramUrl;
    private final String token;
    private final TokenMasker masker;

    public OkHttpTelegramGateway(TelegramProperties properties) {
        if (!properties.enabled()) {
            throw new IllegalArgumentException("OkHttpTelegramGateway needs a bot token");
        }
        this.http = TelegramHttpClients.apiClient(properties);
        this.telegramUrl = properties.telegramUrl();
        this.token = properties.token();
        this.client = new OkHttpTelegramClient(http, token, telegramUrl);
        this.masker = new TokenMasker(token);
    }

    @Override
    public boolean isEnabled() {
        return true;
    }

    @Override
    public SentMessage send(long chatId, MessageContent content) {
        Objects.requireNonNull(content, "content");
        SendMessage send = SendMessage.builder()
                .chatId(chatId)
                .text(content.text())
                .parseMode(content.parseMode().apiValue())
                .replyMarkup(content.keyboard() == null || content.keyboard().isEmpty() ? null : content.keyboard().toMarkup())
                .build();
        Message message = execute(send);
        Instant sentAt = message.getDate() == null ? Instant.now() : Instant.ofEpochSecond(message.getDate());
        return new SentMessage(message.getChatId() == null ? chatId : message.getChatId(), message.getMessageId(), sentAt);
    }

    @Override
    public void edit(long chatId, int messageId, MessageContent content) {
        Objects.requireNonNull(content, "content");
        EditMessageText edit = EditMessageText.builder()
                .chatId(chatId)
                .messageId(messageId)
                .text(content.text())
                .parseMode(content.parseMode().apiValue())
                .replyMarkup(content.keyboard() == null || content.keyboard().isEmpty() ? null : content.keyboard().toMarkup())
                .build();
        execute(edit);
    }

    @Override
    public void editKeyboard(long chatId, int messageId, InlineKeyboard keyboard) {
        InlineKeyboard effective = keyboard == null ? InlineKeyboard.none() : keyboard;
        // an empty inline_keyboard removes the buttons; omitting reply_markup would too, but say it explicitly
        EditMessageReplyMarkup edit = EditMessageReplyMarkup.builder()
                .chatId(chatId)
                .messageId(messageId)
                .replyMarkup(effective.toMarkup())
                .build();
        execute(edit);
    }

    @Override
    public void answerCallback(String callbackQueryId, String text, boolean showAlert) {
        AnswerCallbackQuery answer = AnswerCallbackQuery.builder()
                .callbackQueryId(callbackQueryId)
                .text(text)
                .showAlert(showAlert ? Boolean.TRUE : null)
                .build();
        execute(answer);
    }

    @Override
    public void setCommands(List<BotMenuCommand> commands) {
        List<BotCommand> botCommands = commands.stream()
                .map(c -> new BotCommand(c.command(), c.description()))
                .toList();
        execute(new SetMyCommands(botCommands));
    }

    @Override
    public void sendTyping(long chatId) {
        execute(SendChatAction.builder().chatId(chatId).action(ActionType.TYPING.toString()).build());
    }

    @Override
    public TelegramFile getFile(String fileId) {
        File file = execute(new GetFile(fileId));
        return new TelegramFile(file.getFileId(), file.getFileUniqueId(), file.getFilePath(), file.getFileSize());
    }

    @Override
    public byte[] download(TelegramFile file) {
        Objects.requireNonNull(file, "file");
        if (file.exceedsDownloadLimit()) {
            throw new TelegramFileTooLargeException("download", file.fileSize());
        }
        if (file.filePath() == null || file.filePath().isBlank()) {
            throw new TelegramGatewayException("download", TelegramGatewayException.Kind.INVALID_RESPONSE, null,
                    "getFile gave no file_path for this file", null, null);
        }
        HttpUrl.Builder url = new HttpUrl.Builder()
                .scheme(telegramUrl.getSchema())
                .host(telegramUrl.getHost())
                .port(telegramUrl.getPort())
                .addPathSegment("file")
                .addPathSegment("bot" + token);
        for (String segment : file.filePath().split("/")) {
            if (!segment.isEmpty()) {
                url.addPathSegment(segment);
            }
        }
        Request request = new Request.Builder().url(url.build()).get().build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new TelegramGatewayException("download", TelegramGatewayException.Kind.API_ERROR, response.code(),
                        ("HTTP " + response.code() + " " + response.message()).strip(), null, null);
            }
            ResponseBody body = response.body();
            if (body == null) {
                return new byte[0];
            }
            if (body.contentLength() > MAX_DOWNLOAD_BYTES) {
                throw new TelegramFileTooLargeException("download", body.contentLength());
            }
            try (InputStream in = body.byteStream()) {
                // read one byte more than allowed to detect files larger than declared
                byte[] bytes = in.readNBytes((int) MAX_DOWNLOAD_BYTES + 1);
                if (bytes.length > MAX_DOWNLOAD_BYTES) {
                    throw new TelegramFileTooLargeException("download", bytes.length);
                }
                return bytes;
            }
        } catch (IOException e) {
            throw TelegramErrors.map("download", e, masker);
        }
    }

    @Override
    public void close() {
        TelegramHttpClients.shutdown(http);
    }

    private <T extends java.io.Serializable> T execute(BotApiMethod<T> method) {
        try {
            return client.execute(method);
        } catch (TelegramApiException | RuntimeException e) {
            TelegramGatewayException mapped = TelegramErrors.map(method.getMethod(), e, masker);
            log.debug("Telegram call failed: {}", mapped.getMessage());
            throw mapped;
        }
    }
}
