package fr.sommenumerique.helpdesk.telegram.bot;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * Settings of the Telegram channel ({@code helpdesk.telegram.*}).
 *
 * <p><b>The bot token comes from the {@code TELEGRAM_BOT_TOKEN} environment variable only.</b>
 * {@code application.yml} maps it with {@code helpdesk.telegram.token: ${TELEGRAM_BOT_TOKEN:}} and
 * {@link TelegramConfiguration} refuses to start when {@code helpdesk.telegram.token} was set any other way
 * (file, command line, other variable). When the variable is absent or blank the channel is OFF: no polling,
 * the gateway refuses to send, the application starts normally. The token is never logged: {@link #toString()}
 * masks it and every error text coming from the library goes through {@link TokenMasker}.
 *
 * @param token           bot token from BotFather, e.g. {@code 123456:ABC-DEF…}; blank = channel off
 * @param apiUrl          Bot API base URL (scheme, host, port only); tests point it at a fake server
 * @param pollingTimeout  long-polling {@code timeout} sent to getUpdates (0 to 50 s)
 * @param pollingLimit    maximum updates per getUpdates answer (1 to 100)
 * @param allowedUpdates  update types asked from Telegram
 * @param requestTimeout  read timeout of ordinary API calls and downloads
 * @param connectTimeout  TCP connect timeout
 * @param shutdownTimeout how long shutdown waits for the update being handled
 * @param backoff         retry delays after polling errors
 */
@ConfigurationProperties("helpdesk.telegram")
public record TelegramProperties(
        String token,
        @DefaultValue("https://api.telegram.org") URI apiUrl,
        @DefaultValue("50s") Duration pollingTimeout,
        @DefaultValue("100") int pollingLimit,
        @DefaultValue({"message", "edited_message", "callback_query"}) List<String> allowedUpdates,
        @DefaultValue("30s") Duration requestTimeout,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("10s") Duration shutdownTimeout,
        @DefaultValue Backoff backoff) {

    public static final URI TELEGRAM_API = URI.create("https://api.telegram.org");

    public TelegramProperties {
        token = token == null ? "" : token.strip();
        apiUrl = apiUrl == null ? TELEGRAM_API : apiUrl;
        if (apiUrl.getScheme() == null || apiUrl.getHost() == null) {
            throw new IllegalArgumentException("helpdesk.telegram.api-url must be an absolute http(s) URL, got " + apiUrl);
        }
        pollingTimeout = pollingTimeout == null ? Duration.ofSeconds(50) : pollingTimeout;
        if (pollingTimeout.isNegative() || pollingTimeout.compareTo(Duration.ofSeconds(50)) > 0) {
            throw new IllegalArgumentException("helpdesk.telegram.polling-timeout must be between 0 and 50s, got " + pollingTimeout);
        }
        if (pollingLimit < 1 || pollingLimit > 100) {
            throw new IllegalArgumentException("helpdesk.telegram.polling-limit must be between 1 and 100, got " + pollingLimit);
        }
        allowedUpdates = allowedUpdates == null ? List.of("message", "edited_message", "callback_query") : List.copyOf(allowedUpdates);
        requestTimeout = positive(requestTimeout, Duration.ofSeconds(30), "request-timeout");
        connectTimeout = positive(connectTimeout, Duration.ofSeconds(10), "connect-timeout");
        shutdownTimeout = positive(shutdownTimeout, Duration.ofSeconds(10), "shutdown-timeout");
        backoff = backoff == null ? Backoff.DEFAULT : backoff;
    }

    /** Production defaults with the given token and API URL (tests, tools). */
    public static TelegramProperties of(String token, URI apiUrl) {
        return new TelegramProperties(token, apiUrl, null, 100, null, null, null, null, null);
    }

    /** True when a token is configured: the channel is ON. */
    public boolean enabled() {
        return !token.isBlank();
    }

    /** The library's URL object for {@link #apiUrl()}; port defaults to the scheme's. */
    public TelegramUrl telegramUrl() {
        String scheme = apiUrl.getScheme().toLowerCase();
        int port = apiUrl.getPort() > 0 ? apiUrl.getPort() : ("http".equals(scheme) ? 80 : 443);
        return new TelegramUrl(scheme, apiUrl.getHost(), port, false);
    }

    public TelegramProperties withToken(String newToken) {
        return new TelegramProperties(newToken, apiUrl, pollingTimeout, pollingLimit, allowedUpdates, requestTimeout,
                connectTimeout, shutdownTimeout, backoff);
    }

    public TelegramProperties withPollingTimeout(Duration timeout) {
        return new TelegramProperties(token, apiUrl, timeout, pollingLimit, allowedUpdates, requestTimeout,
                connectTimeout, shutdownTimeout, backoff);
    }

    public TelegramProperties withPollingLimit(int limit) {
        return new TelegramProperties(token, apiUrl, pollingTimeout, limit, allowedUpdates, requestTimeout,
                connectTimeout, shutdownTimeout, backoff);
    }

    public TelegramProperties withRequestTimeout(Duration timeout) {
        return new TelegramProperties(token, apiUrl, pollingTimeout, pollingLimit, allowedUpdates, timeout,
                connectTimeout, shutdownTimeout, backoff);
    }

    public TelegramProperties withBackoff(Backoff newBackoff) {
        return new TelegramProperties(token, apiUrl, pollingTimeout, pollingLimit, allowedUpdates, requestTimeout,
                connectTimeout, shutdownTimeout, newBackoff);
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "TelegramProperties[token=" + (enabled() ? "******" : "<none>") + ", apiUrl=" + apiUrl
                + ", pollingTimeout=" + pollingTimeout + ", pollingLimit=" + pollingLimit
                + ", allowedUpdates=" + allowedUpdates + ", requestTimeout=" + requestTimeout
                + ", connectTimeout=" + connectTimeout + ", shutdownTimeout=" + shutdownTimeout
                + ", backoff=" + backoff + "]";
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        Duration d = value == null ? fallback : value;
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("helpdesk.telegram." + name + " must be positive, got " + d);
        }
        return d;
    }

    /**
     * Exponential backoff after polling errors: {@code initial × multiplier^(n-1)}, capped at {@code max},
     * randomised by ± {@code jitter}. A {@code retry_after} from Telegram is always waited at least.
     */
    public record Backoff(
            @DefaultValue("1s") Duration initial,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("2m") Duration max,
            @DefaultValue("0.2") double jitter) {

        public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(2), 0.2);

        public Backoff {
            initial = initial == null ? Duration.ofSeconds(1) : initial;
            max = max == null ? Duration.ofMinutes(2) : max;
            if (initial.isNegative() || initial.isZero()) {
                throw new IllegalArgumentException("helpdesk.telegram.backoff.initial must be positive, got " + initial);
            }
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("helpdesk.telegram.backoff.max must be >= initial, got " + max);
            }
            if (multiplier < 1.0) {
                throw new IllegalArgumentException("helpdesk.telegram.backoff.multiplier must be >= 1, got " + multiplier);
            }
            if (jitter < 0 || jitter >= 1) {
                throw new IllegalArgumentException("helpdesk.telegram.backoff.jitter must be in [0, 1), got " + jitter);
            }
        }
    }
}
