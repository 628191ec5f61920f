package fr.sommenumerique.helpdesk.telegram.bot;

import java.util.regex.Pattern;

/**
 * An entry of the bot's command menu ({@code setMyCommands}).
 *
 * @param command     without the slash; 1 to 32 characters among lowercase letters, digits and underscore
 * @param description French, 1 to 256 characters
 */
public record BotMenuCommand(String command, String description) {

    private static final Pattern COMMAND = Pattern.compile("[a-z0-9_]{1,32}");

    public BotMenuCommand {
        if (command != null && command.startsWith("/")) {
            command = command.substring(1);
        }
        if (command == null || !COMMAND.matcher(command).matches()) {
            throw new IllegalArgumentException("bot command must be 1-32 characters of a-z, 0-9 and _: " + command);
        }
        if (description == null || description.isBlank() || description.length() > 256) {
            throw new IllegalArgumentException("bot command description must be 1-256 characters: /" + command);
        }
    }

    public static BotMenuCommand of(String command, String description) {
        return new BotMenuCommand(command, description);
    }
}
