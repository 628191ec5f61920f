package fr.sommenumerique.helpdesk.telegram.bot;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/** Builds the OkHttp clients the gateway and the poller use; no logging interceptor (URLs carry the token). */
final class TelegramHttpClients {

    private TelegramHttpClients() {
    }

    /** For ordinary API calls and downloads. */
    static OkHttpClient apiClient(TelegramProperties properties) {
        return base(properties)
                .readTimeout(properties.requestTimeout())
                .writeTimeout(properties.requestTimeout())
                .build();
    }

    /**
     * For getUpdates: the read timeout must outlast the long-poll timeout; its own dispatcher so that stopping the
     * poller can cancel the pending long poll without touching other calls.
     */
    static OkHttpClient pollingClient(TelegramProperties properties) {
        Duration read = properties.pollingTimeout().plus(properties.requestTimeout());
        return base(properties)
                .dispatcher(new Dispatcher())
                .readTimeout(read)
                .writeTimeout(properties.requestTimeout())
                .build();
    }

    static void shutdown(OkHttpClient client) {
        client.dispatcher().cancelAll();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    private static OkHttpClient.Builder base(TelegramProperties properties) {
        return new OkHttpClient.Builder()
                .connectTimeout(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .addInterceptor(new HttpErrorBodyInterceptor());
    }
}
