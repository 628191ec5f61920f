package fr.sommenumerique.helpdesk.telegram;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Parses MarkdownV2 the way the Bot API does (https://core.telegram.org/bots/api#markdownv2-style), for the fake
 * server: returns the plain text and entities, or the error Telegram gives ("Character '.' is reserved and must
 * be escaped with the preceding '\'", "Can't find end of Bold entity at byte offset 5"). Covers bold, italic,
 * underline, strikethrough, spoiler, code, pre, links and block quotes; not custom emoji nor expandable quotes.
 */
final class FakeMarkdownV2 {

    static final String RESERVED = "_*[]()~`>#+-=|{}.!";

    private static final Map<String, String> NAMES = Map.of(
            "bold", "Bold", "italic", "Italic", "underline", "Underline", "strikethrough", "Strikethrough",
            "spoiler", "Spoiler", "text_link", "TextUrl", "code", "Code", "pre", "Pre");

    record Entity(String type, int offset, int length, String url, String language) {
    }

    record Parsed(String text, List<Entity> entities) {
    }

    static final class ParseError extends Exception {
        ParseError(String message) {
            super(message);
        }
    }

    private record Open(String type, int outOffset, int byteOffset) {
    }

    private final String in;
    private final StringBuilder out = new StringBuilder();
    private final List<Entity> entities = new ArrayList<>();
    private final Deque<Open> open = new ArrayDeque<>();
    private int i;

    private FakeMarkdownV2(String in) {
        this.in = in;
    }

    static Parsed parse(String markdown) throws ParseError {
        return new FakeMarkdownV2(markdown).run();
    }

    private Parsed run() throws ParseError {
        while (i < in.length()) {
            char c = in.charAt(i);
            if (c == '\\') {
                escape();
            } else if (c == '`') {
                code();
            } else if (c == '*') {
                toggle("bold", 1);
            } else if (c == '_') {
                toggle(in.startsWith("__", i) ? "underline" : "italic", in.startsWith("__", i) ? 2 : 1);
            } else if (c == '~') {
                toggle("strikethrough", 1);
            } else if (c == '|' && in.startsWith("||", i)) {
                toggle("spoiler", 2);
            } else if (c == '[') {
                open.push(new Open("text_link", out.length(), byteOffset(i)));
                i++;
            } else if (c == ']') {
                closeLink();
            } else if (c == '>' && (i == 0 || in.charAt(i - 1) == '\n')) {
                quote();
            } else if (RESERVED.indexOf(c) >= 0) {
                throw new ParseError("Character '" + c + "' is reserved and must be escaped with the preceding '\\'");
            } else {
                out.append(c);
                i++;
            }
        }
        if (!open.isEmpty()) {
            Open o = open.peek();
            throw new ParseError("Can't find end of " + NAMES.get(o.type()) + " entity at byte offset " + o.byteOffset());
        }
        entities.sort((a, b) -> a.offset() != b.offset() ? Integer.compare(a.offset(), b.offset())
                : Integer.compare(b.length(), a.length()));
        return new Parsed(out.toString(), List.copyOf(entities));
    }

    private void escape() throws ParseError {
        if (i + 1 >= in.length()) {
            throw new ParseError("Character '\\' is reserved and must be escaped with the preceding '\\'");
        }
        char next = in.charAt(i + 1);
        if (next < 1 || next > 126) {
            // Telegram keeps a backslash before non-ASCII characters as is
            out.append('\\');
            i++;
            return;
        }
        out.append(next);
        i += 2;
    }

    private void toggle(String type, int width) throws ParseError {
        Open top = open.peek();
        if (top != null && top.type().equals(type)) {
            open.pop();
            addEntity(type, top.outOffset(), null, null);
        } else if (open.stream().anyMatch(o -> o.type().equals(type))) {
            Open unclosed = open.peek();
            throw new ParseError("Can't find end of " + NAMES.get(unclosed.type()) + " entity at byte offset "
                    + unclosed.byteOffset());
        } else {
            open.push(new Open(type, out.length(), byteOffset(i)));
        }
        i += width;
    }

    private void closeLink() throws ParseError {
        Open top = open.peek();
        if (top == null || !top.type().equals("text_link")) {
            throw new ParseError("Character ']' is reserved and must be escaped with the preceding '\\'");
        }
        open.pop();
        i++;
        if (i >= in.length() || in.charAt(i) != '(') {
            throw new ParseError("Can't find end of TextUrl entity at byte offset " + top.byteOffset());
        }
        i++;
        StringBuilder url = new StringBuilder();
        while (true) {
            if (i >= in.length()) {
                throw new ParseError("Can't find end of a URL at byte offset " + top.byteOffset());
            }
            char c = in.charAt(i);
            if (c == '\\' && i + 1 < in.length()) {
                url.append(in.charAt(i + 1));
                i += 2;
            } else if (c == ')') {
                i++;
                break;
            } else {
                url.append(c);
                i++;
            }
        }
        addEntity("text_link", top.outOffset(), url.toString(), null);
    }

    private void code() throws ParseError {
        boolean pre = in.startsWith("```", i);
        String fence = pre ? "```" : "`";
        int startByte = byteOffset(i);
        i += fence.length();
        int start = out.length();
        String language = null;
        if (pre) {
            int newline = in.indexOf('\n', i);
            int close = in.indexOf("```", i);
            if (newline >= 0 && (close < 0 || newline < close)) {
                String firstLine = in.substring(i, newline);
                if (firstLine.matches("[A-Za-z0-9_+#-]+")) {
                    language = firstLine;
                    i = newline + 1;
                }
            }
        }
        while (true) {
            if (i >= in.length()) {
                throw new ParseError("Can't find end of " + (pre ? "Pre" : "Code") + " entity at byte offset " + startByte);
            }
            char c = in.charAt(i);
            if (c == '\\' && i + 1 < in.length() && (in.charAt(i + 1) == '`' || in.charAt(i + 1) == '\\')) {
                out.append(in.charAt(i + 1));
                i += 2;
            } else if (in.startsWith(fence, i)) {
                i += fence.length();
                break;
            } else {
                out.append(c);
                i++;
            }
        }
        addEntity(pre ? "pre" : "code", start, null, language);
    }

    /** A line starting with {@code >}: a block quote; the line itself is parsed like any text. */
    private void quote() throws ParseError {
        i++;
        int end = in.indexOf('\n', i);
        int lineEnd = end < 0 ? in.length() : end;
        int start = out.length();
        Parsed line = new FakeMarkdownV2(in.substring(i, lineEnd)).run();
        out.append(line.text());
        for (Entity e : line.entities()) {
            entities.add(new Entity(e.type(), e.offset() + start, e.length(), e.url(), e.language()));
        }
        i = lineEnd;
        addEntity("blockquote", start, null, null);
    }

    private void addEntity(String type, int start, String url, String language) {
        int length = out.length() - start;
        if (length > 0) {
            entities.add(new Entity(type, start, length, url, language));
        }
    }

    private int byteOffset(int charIndex) {
        return in.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
    }
}
