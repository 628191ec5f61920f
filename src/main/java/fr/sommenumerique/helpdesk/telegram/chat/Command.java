package fr.sommenumerique.helpdesk.telegram.chat;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A command typed in the chat: {@code /ticket@mon_bot Le certificat a expiré} → ticket, « Le certificat a expiré ». */
record Command(String name, String arguments) {

    private static final Pattern COMMAND = Pattern.compile("^/([A-Za-z0-9_]{1,32})(?:@[A-Za-z0-9_]{1,64})?(?:\\s+([\\s\\S]*))?$");

    static Optional<Command> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = COMMAND.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String arguments = m.group(2) == null ? "" : m.group(2).strip();
        return Optional.of(new Command(m.group(1).toLowerCase(Locale.ROOT), arguments));
    }
}
