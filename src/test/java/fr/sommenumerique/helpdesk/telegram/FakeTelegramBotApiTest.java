package fr.sommenumerique.helpdesk.telegram;

import static fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.SECRETARY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.EnqueuedUpdate;

/** The fake itself, over raw HTTP: the encodings and semantics the real client does not exercise. */
class FakeTelegramBotApiTest {

    private final FakeTelegramBotApi api = FakeTelegramBotApi.start().addPrivateChat(SECRETARY);
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        api.close();
    }

    private HttpResponse<String> post(String method, String contentType, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.apiUrl() + "/bot" + api.token() + "/" + method))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode postJson(String method, String body) throws Exception {
        return json.readTree(post(method, "application/json", body.getBytes(StandardCharsets.UTF_8)).body());
    }

    @Test
    void methodNamesAreCaseInsensitiveAndFormBodiesWork() throws Exception {
        String form = "chat_id=" + SECRETARY.chatId() + "&text=" + java.net.URLEncoder.encode("Hé & ça ?", StandardCharsets.UTF_8)
                + "&reply_markup=" + java.net.URLEncoder.encode(
                "{\"inline_keyboard\":[[{\"text\":\"OK\",\"callback_data\":\"ok\"}]]}", StandardCharsets.UTF_8);

        HttpResponse<String> response = post("SENDMESSAGE", "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.UTF_8));

        JsonNode answer = json.readTree(response.body());
        assertThat(answer.get("ok").asBoolean()).isTrue();
        assertThat(answer.at("/result/text").asText()).isEqualTo("Hé & ça ?");
        assertThat(answer.at("/result/reply_markup/inline_keyboard/0/0/callback_data").asText()).isEqualTo("ok");
        var call = api.awaitCall("sendMessage");
        assertThat(call.method()).isEqualTo("SENDMESSAGE");
        assertThat(call.json("reply_markup").at("/inline_keyboard/0/0/text").asText()).isEqualTo("OK");
    }

    @Test
    void multipartUploadsAreParsed() throws Exception {
        String boundary = "----fake" + System.nanoTime();
        byte[] pdf = {'%', 'P', 'D', 'F', 0, (byte) 0xFF, 10, 13};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"chat_id\"\r\n\r\n"
                + SECRETARY.chatId() + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\nRécépissé\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\"acte.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(pdf);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = post("sendDocument", "multipart/form-data; boundary=" + boundary,
                body.toByteArray());

        assertThat(json.readTree(response.body()).at("/result/caption").asText()).isEqualTo("Récépissé");
        var call = api.awaitCall("sendDocument");
        assertThat(call.uploads().get("document")).isEqualTo(pdf);
        assertThat(call.json("document").get("filename").asText()).isEqualTo("acte.pdf");
    }

    @Test
    void wrongTokenAndUnknownMethodsAnswerLikeTelegram() throws Exception {
        HttpRequest wrongToken = HttpRequest.newBuilder(URI.create(api.apiUrl() + "/bot1:wrong/getMe"))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> unauthorized = http.send(wrongToken, HttpResponse.BodyHandlers.ofString());
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(json.readTree(unauthorized.body()).get("description").asText()).isEqualTo("Unauthorized");

        HttpResponse<String> unknown = post("sendTelepathy", "application/json", "{}".getBytes());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(postJson("getMe", "{}").at("/result/is_bot").asBoolean()).isTrue();
        assertThat(postJson("deleteWebhook", "{}").get("result").asBoolean()).isTrue();
    }

    @Test
    void getUpdatesHonoursOffsetLimitAndAllowedUpdates() throws Exception {
        EnqueuedUpdate a = api.enqueueText(SECRETARY, "a");
        EnqueuedUpdate b = api.enqueueCallbackQuery(SECRETARY, 5, "x");
        EnqueuedUpdate c = api.enqueueText(SECRETARY, "c");

        JsonNode firstTwo = postJson("getUpdates", "{\"limit\":2}");
        assertThat(firstTwo.get("result")).hasSize(2);
        assertThat(firstTwo.at("/result/0/update_id").asInt()).isEqualTo(a.updateId());
        // without a higher offset nothing is confirmed
        assertThat(postJson("getUpdates", "{}").get("result")).hasSize(3);

        JsonNode messagesOnly = postJson("getUpdates",
                "{\"offset\":" + b.updateId() + ",\"allowed_updates\":[\"message\"]}");
        assertThat(messagesOnly.get("result")).hasSize(1);
        assertThat(messagesOnly.at("/result/0/update_id").asInt()).isEqualTo(c.updateId());
        assertThat(api.pendingUpdateCount()).isEqualTo(2);
        assertThat(api.confirmedOffset()).isEqualTo(b.updateId());
    }

    @Test
    void longPollWaitsForTheTimeoutOrTheNextUpdate() throws Exception {
        Instant start = Instant.now();
        assertThat(postJson("getUpdates", "{\"timeout\":1}").get("result")).isEmpty();
        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(950));

        CompletableFuture<JsonNode> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return postJson("getUpdates", "{\"timeout\":10}");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        api.awaitCalls("getUpdates", 2);
        Thread.sleep(100);
        Instant enqueued = Instant.now();
        api.enqueueText(SECRETARY, "enfin");

        JsonNode result = waiting.get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(result.at("/result/0/message/text").asText()).isEqualTo("enfin");
        assertThat(Duration.between(enqueued, Instant.now())).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aSecondPollerEndsTheFirstWithConflict() throws Exception {
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
            try {
                return post("getUpdates", "application/json", "{\"timeout\":10}".getBytes());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        api.awaitCalls("getUpdates", 1);
        Thread.sleep(100);

        postJson("getUpdates", "{\"timeout\":0}");

        HttpResponse<String> conflict = first.get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("terminated by other getUpdates request");
    }

    @Test
    void markdownV2ErrorsLookLikeTelegrams() throws Exception {
        JsonNode unescaped = postJson("sendMessage",
                "{\"chat_id\":" + SECRETARY.chatId() + ",\"text\":\"fin.\",\"parse_mode\":\"MarkdownV2\"}");
        assertThat(unescaped.get("description").asText())
                .isEqualTo("Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'");

        JsonNode unclosed = postJson("sendMessage",
                "{\"chat_id\":" + SECRETARY.chatId() + ",\"text\":\"ab *gras\",\"parse_mode\":\"MarkdownV2\"}");
        assertThat(unclosed.get("description").asText()).endsWith("Can't find end of Bold entity at byte offset 3");

        JsonNode nested = postJson("sendMessage", "{\"chat_id\":" + SECRETARY.chatId()
                + ",\"text\":\">*cité* __souligné__ ||spoiler|| ~barré~\",\"parse_mode\":\"MarkdownV2\"}");
        assertThat(nested.at("/result/text").asText()).isEqualTo("cité souligné spoiler barré");
        assertThat(nested.at("/result/entities").findValuesAsText("type"))
                .containsExactlyInAnyOrder("blockquote", "bold", "underline", "spoiler", "strikethrough");
    }

    @Test
    void filesAreServedAtTheirPathWithTheToken() throws IOException, InterruptedException {
        var file = api.registerFile("photos/file_9.jpg", new byte[]{1, 2, 3});

        HttpResponse<byte[]> ok = http.send(HttpRequest.newBuilder(
                URI.create(api.apiUrl() + "/file/bot" + api.token() + "/" + file.filePath())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> missing = http.send(HttpRequest.newBuilder(
                URI.create(api.apiUrl() + "/file/bot" + api.token() + "/photos/none.jpg")).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(ok.body()).containsExactly(1, 2, 3);
        assertThat(missing.statusCode()).isEqualTo(404);
    }
}
