package fr.sommenumerique.helpdesk.telegram.bot;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CancellationException;

import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * Turns what {@code OkHttpTelegramClient} throws into {@link TelegramGatewayException}.
 *
 * <p>How the library (10.2.0) reports failures: an answer with {@code "ok": false} becomes a
 * {@link TelegramApiRequestException} with {@code getErrorCode()}, the description in {@code getApiResponse()} and
 * {@code getParameters().getRetryAfter()}; an answer that is not JSON becomes a {@code TelegramApiRequestException}
 * "Unable to deserialize response" without code (the HTTP status is lost, hence {@link HttpErrorBodyInterceptor});
 * a network failure becomes a plain {@link TelegramApiException} "Unable to execute &lt;method&gt; method" whose cause
 * is the {@link IOException}.
 */
final class TelegramErrors {

    private TelegramErrors() {
    }

    static TelegramGatewayException map(String method, Throwable error, TokenMasker masker) {
        if (error instanceof TelegramGatewayException gatewayException) {
            return gatewayException;
        }
        TelegramApiValidationException invalid = find(error, TelegramApiValidationException.class);
        if (invalid != null) {
            return new TelegramGatewayException(method, TelegramGatewayException.Kind.INVALID_REQUEST, null,
                    masker.mask(invalid.toString()), null, null);
        }
        TelegramApiRequestException request = find(error, TelegramApiRequestException.class);
        if (request != null && request.getErrorCode() != null && request.getErrorCode() != 0) {
            Integer retryAfter = request.getParameters() == null ? null : request.getParameters().getRetryAfter();
            return new TelegramGatewayException(method, TelegramGatewayException.Kind.API_ERROR, request.getErrorCode(),
                    masker.mask(request.getApiResponse()), retryAfter, sanitized(request, masker));
        }
        if (find(error, InterruptedException.class) != null || find(error, CancellationException.class) != null) {
            if (find(error, InterruptedException.class) != null) {
                Thread.currentThread().interrupt();
            }
            return new TelegramGatewayException(method, TelegramGatewayException.Kind.NETWORK, null,
                    "call interrupted", null, null);
        }
        IOException io = find(error, IOException.class);
        if (io != null) {
            String what = io instanceof InterruptedIOException ? "timeout or cancelled call" : "network error";
            return new TelegramGatewayException(method, TelegramGatewayException.Kind.NETWORK, null,
                    what + ": " + masker.describe(io), null, sanitized(io, masker));
        }
        if (request != null) {
            return new TelegramGatewayException(method, TelegramGatewayException.Kind.INVALID_RESPONSE, null,
                    masker.describe(request), null, sanitized(request, masker));
        }
        return new TelegramGatewayException(method, TelegramGatewayException.Kind.INVALID_RESPONSE, null,
                masker.describe(error), null, sanitized(error, masker));
    }

    /**
     * A copy of the cause whose message is masked, keeping its stack trace: the original may be logged with its
     * stack by whoever catches the gateway exception.
     */
    private static Throwable sanitized(Throwable original, TokenMasker masker) {
        boolean leaks = false;
        Throwable t = original;
        for (int depth = 0; t != null && depth < 10; depth++) {
            String message = t.getMessage();
            leaks |= message != null && !message.equals(masker.mask(message));
            t = t.getCause();
        }
        if (!leaks) {
            return original;
        }
        RuntimeException copy = new RuntimeException(masker.describe(original));
        copy.setStackTrace(original.getStackTrace());
        return copy;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        Throwable t = error;
        for (int depth = 0; t != null && depth < 10; depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            t = t.getCause();
        }
        return null;
    }
}
