package fr.sommenumerique.helpdesk.telegram.bot;

import static fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.ApiCall;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.EnqueuedUpdate;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.Failure;

class TelegramGatewayTest {

    private FakeTelegramBotApi api;
    private OkHttpTelegramGateway gateway;

    @BeforeEach
    void start() {
        api = FakeTelegramBotApi.start().addPrivateChat(SECRETARY);
        gateway = new OkHttpTelegramGateway(TestTelegram.properties(api));
    }

    @AfterEach
    void stop() {
        gateway.close();
        api.close();
    }

    @Test
    void sendsPlainTextAndReturnsTheMessageId() {
        SentMessage first = gateway.sendText(SECRETARY.chatId(), "Bonjour, votre demande est bien reçue.");
        SentMessage second = gateway.sendText(SECRETARY.chatId(), "Second message (sans mise en forme) : 1.2 * 3 !");

        assertThat(first.chatId()).isEqualTo(SECRETARY.chatId());
        assertThat(second.messageId()).isGreaterThan(first.messageId());
        ApiCall call = api.calls("sendMessage").get(1);
        assertThat(call.longValue("chat_id")).isEqualTo(SECRETARY.chatId());
        assertThat(call.text("text")).isEqualTo("Second message (sans mise en forme) : 1.2 * 3 !");
        assertThat(call.has("parse_mode")).isFalse();
        // the client lower-cases some method names: the fake matches them case-insensitively
        assertThat(call.method()).isEqualTo("sendmessage");
    }

    @Test
    void markdownV2EscapingRoundTripsEveryReservedCharacter() {
        String original = "Délai : 2 jours (ouvrés) — art. L.2131-1 ! _a_ *b* [c] {d} #1 + 2 = 3 | x > y ~z `code` \\ fin.";
        String markdown = TelegramMarkdown.bold("Réponse") + "\n" + TelegramMarkdown.escape(original);

        SentMessage sent = gateway.sendMarkdown(SECRETARY.chatId(), markdown);

        ObjectNode stored = api.botMessage(SECRETARY.chatId(), sent.messageId()).orElseThrow();
        assertThat(stored.get("text").asText()).isEqualTo("Réponse\n" + original);
        JsonNode bold = stored.get("entities").get(0);
        assertThat(bold.get("type").asText()).isEqualTo("bold");
        assertThat(bold.get("offset").asInt()).isZero();
        assertThat(bold.get("length").asInt()).isEqualTo("Réponse".length());
        assertThat(api.awaitCall("sendMessage").text("parse_mode")).isEqualTo("MarkdownV2");
    }

    @Test
    void unescapedMarkdownIsRefusedLikeTelegramDoes() {
        TelegramGatewayException error = catchThrowableOfType(TelegramGatewayException.class,
                () -> gateway.sendMarkdown(SECRETARY.chatId(), "Version 1.2 disponible"));

        assertThat(error.errorCode()).contains(400);
        assertThat(error.description()).contains("can't parse entities").contains("'.'");
        assertThat(error.isRetryable()).isFalse();
    }

    @Test
    void codeAndLinkEscapingRoundTrip() {
        String markdown = TelegramMarkdown.code("a`b\\c") + " " + TelegramMarkdown.link("le guide (PDF)",
                "https://exemple.fr/guide_(v2).pdf");

        SentMessage sent = gateway.sendMarkdown(SECRETARY.chatId(), markdown);

        ObjectNode stored = api.botMessage(SECRETARY.chatId(), sent.messageId()).orElseThrow();
        assertThat(stored.get("text").asText()).isEqualTo("a`b\\c le guide (PDF)");
        assertThat(stored.get("entities").get(1).get("url").asText()).isEqualTo("https://exemple.fr/guide_(v2).pdf");
    }

    @Test
    void inlineKeyboardThenCallbackAnswer() {
        InlineKeyboard keyboard = InlineKeyboard.builder()
                .row(InlineButton.of("Oui, ouvrir un ticket", "ticket:open"), InlineButton.of("Non", "ticket:cancel"))
                .row(InlineButton.of("Parler à un agent", "agent"))
                .build();
        SentMessage sent = gateway.sendWithKeyboard(SECRETARY.chatId(), "Voulez-vous ouvrir un ticket ?", keyboard);

        JsonNode markup = api.awaitCall("sendMessage").json("reply_markup");
        assertThat(markup.at("/inline_keyboard/0/1/callback_data").asText()).isEqualTo("ticket:cancel");
        assertThat(markup.at("/inline_keyboard/1/0/text").asText()).isEqualTo("Parler à un agent");

        EnqueuedUpdate press = api.enqueueCallbackQuery(SECRETARY, sent.messageId(), "ticket:open");
        assertThat(press.json().at("/callback_query/message/reply_markup/inline_keyboard/0/0/callback_data").asText())
                .isEqualTo("ticket:open");

        gateway.answerCallback(press.callbackQueryId(), "Ticket en cours de création…", false);

        ApiCall answer = api.awaitCall("answerCallbackQuery");
        assertThat(answer.text("callback_query_id")).isEqualTo(press.callbackQueryId());
        assertThat(answer.text("text")).isEqualTo("Ticket en cours de création…");
        // a query can be answered once
        assertThatThrownBy(() -> gateway.answerCallback(press.callbackQueryId(), null, false))
                .isInstanceOfSatisfying(TelegramGatewayException.class, e -> {
                    assertThat(e.errorCode()).contains(400);
                    assertThat(e.description()).contains("query is too old");
                });
    }

    @Test
    void editsTextAndKeyboard() {
        SentMessage sent = gateway.sendWithKeyboard(SECRETARY.chatId(), "Choisissez :",
                InlineKeyboard.row(InlineButton.of("A", "a"), InlineButton.of("B", "b")));

        gateway.edit(SECRETARY.chatId(), sent.messageId(),
                MessageContent.markdown("Vous avez choisi " + TelegramMarkdown.bold("A.")).withKeyboard(
                        InlineKeyboard.column(InlineButton.of("Annuler", "undo"))));

        ObjectNode edited = api.botMessage(SECRETARY.chatId(), sent.messageId()).orElseThrow();
        assertThat(edited.get("text").asText()).isEqualTo("Vous avez choisi A.");
        assertThat(edited.at("/reply_markup/inline_keyboard/0/0/callback_data").asText()).isEqualTo("undo");
        assertThat(edited.has("edit_date")).isTrue();

        gateway.editKeyboard(SECRETARY.chatId(), sent.messageId(), null);
        assertThat(api.botMessage(SECRETARY.chatId(), sent.messageId()).orElseThrow().has("reply_markup")).isFalse();

        TelegramGatewayException unchanged = catchThrowableOfType(TelegramGatewayException.class,
                () -> gateway.editKeyboard(SECRETARY.chatId(), sent.messageId(), InlineKeyboard.none()));
        assertThat(unchanged.isMessageNotModified()).isTrue();

        TelegramGatewayException missing = catchThrowableOfType(TelegramGatewayException.class,
                () -> gateway.edit(SECRETARY.chatId(), 999_999, MessageContent.plain("x")));
        assertThat(missing.description()).contains("message to edit not found");
    }

    @Test
    void setsTheCommandMenuWithFrenchDescriptions() {
        List<BotMenuCommand> menu = List.of(
                BotMenuCommand.of("/start", "Démarrer et lier votre mairie"),
                BotMenuCommand.of("ticket", "Ouvrir une demande d’assistance"),
                BotMenuCommand.of("suivi", "Où en est ma demande ?"));

        gateway.setCommands(menu);

        JsonNode commands = api.myCommands();
        assertThat(commands).hasSize(3);
        assertThat(commands.get(0).get("command").asText()).isEqualTo("start");
        assertThat(commands.get(1).get("description").asText()).isEqualTo("Ouvrir une demande d’assistance");
        assertThat(api.awaitCall("setMyCommands").method()).isEqualTo("setMyCommands");
    }

    @Test
    void downloadsADocumentSentByTheUser() {
        byte[] pdf = "%PDF-1.4 délibération n°2024-12".getBytes(StandardCharsets.UTF_8);
        EnqueuedUpdate update = api.enqueueDocument(SECRETARY, "délibération.pdf", "application/pdf", pdf, "Voici l’acte");
        String fileId = update.json().at("/message/document/file_id").asText();
        long declaredSize = update.json().at("/message/document/file_size").asLong();
        assertThat(TelegramGateway.exceedsDownloadLimit(declaredSize)).isFalse();

        TelegramFile file = gateway.getFile(fileId);
        byte[] bytes = gateway.download(file);

        assertThat(file.fileSize()).isEqualTo(pdf.length);
        assertThat(file.filePath()).startsWith("documents/");
        assertThat(bytes).isEqualTo(pdf);
        assertThat(api.awaitCall("download").text("file_path")).isEqualTo(file.filePath());
    }

    @Test
    void downloadsTheLargestPhotoSize() {
        byte[] jpeg = new byte[50_000];
        jpeg[0] = (byte) 0xFF;
        jpeg[49_999] = 42;
        EnqueuedUpdate update = api.enqueuePhoto(SECRETARY, jpeg, "Capture d’écran de l’erreur");
        JsonNode sizes = update.json().at("/message/photo");
        String largest = sizes.get(sizes.size() - 1).get("file_id").asText();

        assertThat(gateway.download(gateway.getFile(largest))).isEqualTo(jpeg);
    }

    @Test
    void filesAboveTwentyMegabytesAreRefusedWithTheirSize() {
        long size = 25L * 1024 * 1024;
        EnqueuedUpdate update = api.enqueueLargeDocument(SECRETARY, "archives.zip", "application/zip", size);
        long declared = update.json().at("/message/document/file_size").asLong();
        assertThat(TelegramGateway.exceedsDownloadLimit(declared)).isTrue();

        TelegramGatewayException tooBig = catchThrowableOfType(TelegramGatewayException.class,
                () -> gateway.getFile(update.file().fileId()));
        assertThat(tooBig.errorCode()).contains(400);
        assertThat(tooBig.description()).contains("file is too big");

        TelegramFileTooLargeException refused = catchThrowableOfType(TelegramFileTooLargeException.class,
                () -> gateway.download(new TelegramFile("id", "uid", "documents/x.zip", size)));
        assertThat(refused.fileSize()).isEqualTo(size);
        assertThat(refused.userMessage()).contains("25,0 Mo").contains("20 Mo");
        assertThat(api.calls("download")).isEmpty();
    }

    @Test
    void sendsTypingAction() {
        gateway.sendTyping(SECRETARY.chatId());

        assertThat(api.awaitCall("sendChatAction").text("action")).isEqualTo("typing");
    }

    @Test
    void tooManyRequestsCarriesRetryAfter() {
        api.failNext("sendMessage", 1, Failure.tooManyRequests(7));

        TelegramGatewayException error = catchThrowableOfType(TelegramGatewayException.class,
                () -> gateway.sendText(SECRETARY.chatId(), "Bonjour"));

        assertThat(error.kind()).isEqualTo(TelegramGatewayException.Kind.API_ERROR);
        assertThat(error.errorCode()).contains(429);
        assertThat(error.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(error.isRetryable()).isTrue();
        assertThat(error.getMessage()).contains("429").contains("retry after 7");
        // nothing was retried by the gateway
        assertThat(api.calls("sendMessage")).hasSize(1);
        assertThat(gateway.sendText(SECRETARY.chatId(), "Bonjour").messageId()).isPositive();
    }

    @Test
    void serverErrorsKeepTheirHttpStatusEvenWithoutJson() {
        api.failNext("sendMessage", 1, Failure.serverError());
        api.failNext("sendMessage", 1, Failure.badGateway());

        TelegramGatewayException internal = catchThrowableOfType(TelegramGatewayException.class,
                () -> gateway.sendText(SECRETARY.chatId(), "a"));
        TelegramGatewayException badGateway = catchThrowableOfType(TelegramGatewayException.class,
                () -> gateway.sendText(SECRETARY.chatId(), "b"));

        assertThat(internal.errorCode()).contains(500);
        assertThat(internal.description()).isEqualTo("Internal Server Error");
        assertThat(badGateway.errorCode()).contains(502);
        assertThat(badGateway.description()).startsWith("HTTP 502");
        assertThat(badGateway.isRetryable()).isTrue();
    }

    @Test
    void droppedConnectionIsANetworkError() {
        // OkHttp silently retries a dropped connection once or twice; drop more often than that
        api.failNext("sendChatAction", 5, Failure.dropConnection());

        TelegramGatewayException error = catchThrowableOfType(TelegramGatewayException.class,
                () -> gateway.sendTyping(SECRETARY.chatId()));

        assertThat(error.kind()).isEqualTo(TelegramGatewayException.Kind.NETWORK);
        assertThat(error.errorCode()).isEmpty();
        assertThat(error.isRetryable()).isTrue();
        assertThat(error.getMessage()).doesNotContain(api.token());
    }

    @Test
    void blockedUserAndUnknownChatAreNotRetryable() {
        long stranger = 987_654_321L;
        TelegramGatewayException unknown = catchThrowableOfType(TelegramGatewayException.class,
                () -> gateway.sendText(stranger, "Bonjour"));
        assertThat(unknown.description()).isEqualTo("Bad Request: chat not found");
        assertThat(unknown.isRetryable()).isFalse();

        api.blockBotIn(SECRETARY.chatId());
        TelegramGatewayException blocked = catchThrowableOfType(TelegramGatewayException.class,
                () -> gateway.sendText(SECRETARY.chatId(), "Bonjour"));
        assertThat(blocked.isForbidden()).isTrue();
        assertThat(blocked.isRetryable()).isFalse();
    }

    @Test
    void wrongTokenIsUnauthorizedAndNeverShown() {
        String wrongToken = "7000000001:AAH-wrongTokenWrongTokenWrongToken12";
        try (OkHttpTelegramGateway wrong = new OkHttpTelegramGateway(
                TestTelegram.properties(api).withToken(wrongToken))) {
            TelegramGatewayException error = catchThrowableOfType(TelegramGatewayException.class,
                    () -> wrong.sendText(SECRETARY.chatId(), "Bonjour"));

            assertThat(error.isUnauthorized()).isTrue();
            assertThat(error.toString()).doesNotContain(wrongToken);
        }
    }

    @Test
    void disabledGatewayRefusesEverything() {
        TelegramGateway disabled = new DisabledTelegramGateway();

        assertThat(disabled.isEnabled()).isFalse();
        assertThatThrownBy(() -> disabled.sendText(1L, "x"))
                .isInstanceOfSatisfying(TelegramGatewayException.class,
                        e -> assertThat(e.kind()).isEqualTo(TelegramGatewayException.Kind.DISABLED))
                .hasMessageContaining("TELEGRAM_BOT_TOKEN");
    }
}
