package fr.sommenumerique.helpdesk.telegram.bot;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Keeps the HTTP status of error answers that are not Bot API JSON (a proxy's HTML 502, an empty 500…).
 * The library only reads the body; without this it reports "Unable to deserialize response" and the status is
 * lost. Such answers are rewritten as {@code {"ok":false,"error_code":<status>,"description":"HTTP <status> …"}},
 * with {@code parameters.retry_after} taken from a {@code Retry-After} header when present. Bot API JSON error
 * answers pass through untouched.
 */
final class HttpErrorBodyInterceptor implements Interceptor {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType APPLICATION_JSON = MediaType.get("application/json");

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.isSuccessful() || isFileDownload(chain)) {
            return response;
        }
        String body = response.peekBody(64 * 1024).string();
        if (isBotApiAnswer(body)) {
            return response;
        }
        ObjectNode error = JSON.createObjectNode();
        error.put("ok", false);
        error.put("error_code", response.code());
        error.put("description", ("HTTP " + response.code() + " " + response.message()).strip());
        Integer retryAfter = retryAfterHeader(response.header("Retry-After"));
        if (retryAfter != null) {
            error.putObject("parameters").put("retry_after", retryAfter);
        }
        response.close();
        return response.newBuilder()
                .body(ResponseBody.create(JSON.writeValueAsString(error), APPLICATION_JSON))
                .build();
    }

    private static boolean isFileDownload(Chain chain) {
        return chain.request().url().pathSegments().stream().findFirst().map("file"::equals).orElse(false);
    }

    private static boolean isBotApiAnswer(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() && node.has("ok");
        } catch (IOException notJson) {
            return false;
        }
    }

    private static Integer retryAfterHeader(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException httpDate) {
            return null;
        }
    }
}
