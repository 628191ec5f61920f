package fr.sommenumerique.helpdesk.telegram.delivery;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a long text into Telegram messages of at most {@code max} characters, preferably between paragraphs, then
 * between lines, then between words. Never cuts a surrogate pair nor right after a MarkdownV2 escape backslash;
 * our MarkdownV2 entities never span lines, so a cut between lines keeps them whole.
 */
final class TextChunks {

    private TextChunks() {
    }

    static List<String> split(String text, int max) {
        if (max < 2) {
            throw new IllegalArgumentException("max must be at least 2");
        }
        List<String> chunks = new ArrayList<>();
        String rest = text;
        while (rest.length() > max) {
            int cut = cutPoint(rest, max);
            String head = rest.substring(0, cut).stripTrailing();
            if (!head.isEmpty()) {
                chunks.add(head);
            }
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isBlank()) {
            chunks.add(rest.stripTrailing());
        }
        return chunks;
    }

    private static int cutPoint(String text, int max) {
        String window = text.substring(0, max);
        int paragraph = window.lastIndexOf("\n\n");
        if (paragraph > max / 2) {
            return paragraph;
        }
        int line = window.lastIndexOf('\n');
        if (line > max / 2) {
            return line;
        }
        int space = window.lastIndexOf(' ');
        if (space > max / 2) {
            return space;
        }
        int cut = max;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        int backslashes = 0;
        for (int i = cut - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        if (backslashes % 2 == 1) {
            cut--; // an escape backslash stays with the character it escapes
        }
        return cut;
    }
}
