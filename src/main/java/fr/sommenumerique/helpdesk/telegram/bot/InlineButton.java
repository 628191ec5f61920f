package fr.sommenumerique.helpdesk.telegram.bot;

import java.nio.charset.StandardCharsets;

/**
 * A button under a message; pressing it sends a callback query carrying {@code callbackData} back to the bot.
 *
 * @param text         label shown (French)
 * @param callbackData 1 to 64 bytes (UTF-8), Bot API limit
 */
public record InlineButton(String text, String callbackData) {

    public static final int MAX_CALLBACK_DATA_BYTES = 64;

    public InlineButton {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("inline button text must not be blank");
        }
        if (callbackData == null || callbackData.isEmpty()) {
            throw new IllegalArgumentException("inline button callback data must not be empty");
        }
        int bytes = callbackData.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_CALLBACK_DATA_BYTES) {
            throw new IllegalArgumentException("inline button callback data is " + bytes + " bytes, Telegram allows "
                    + MAX_CALLBACK_DATA_BYTES + ": " + callbackData);
        }
    }

    public static InlineButton of(String text, String callbackData) {
        return new InlineButton(text, callbackData);
    }
}
