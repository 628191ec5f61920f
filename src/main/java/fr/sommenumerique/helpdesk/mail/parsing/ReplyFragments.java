package fr.sommenumerique.helpdesk.mail.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a plain-text reply into fragments flagged quoted / signature / hidden, reading the text from
 * the bottom up, the way GitHub's email_reply_parser does (re-implemented). Useful to show a reply with
 * its history folded; {@link ReplyStripper} is the main entry point for new-text extraction.
 */
public final class ReplyFragments {

    /** One block of lines sharing the same nature. */
    public record Fragment(String content, boolean quoted, boolean signature, boolean hidden) {
        @Override
        public String toString() {
            return content;
        }
    }

    private static final Pattern MULTILINE_ON_WROTE = Pattern.compile(
            "^(?!On.*On\\s.+?wrote:)(On\\s(.+?)wrote:)$", Pattern.MULTILINE | Pattern.DOTALL);
    private static final Pattern WINDOWS_LIVE_HEADER = Pattern.compile(
            "^(From:\\s.+?Subject:.+?)$", Pattern.MULTILINE | Pattern.DOTALL);
    private static final Pattern BEFORE_UNDERSCORES = Pattern.compile("([^\\n])(?=\\n_{7}_+)$", Pattern.MULTILINE);
    /** Matched against reversed lines. */
    private static final Pattern SIGNATURE = Pattern.compile(
            "(--\\s*$|__\\s*$|\\w-$)|(^\\w++(?:\\s++\\w++){0,2}\\s* ym morf tneS$)", Pattern.MULTILINE);
    private static final Pattern REVERSED_ON_WROTE = Pattern.compile("^:etorw.*nO$");
    private static final Pattern REVERSED_HEADER = Pattern.compile("^.*:(morF|tneS|oT|tcejbuS)$");

    private final List<Fragment> fragments = new ArrayList<>();
    private boolean foundVisible;
    private Building current;

    private static final class Building {
        final boolean quoted;
        boolean signature;
        final List<String> lines = new ArrayList<>();

        Building(boolean quoted, String first) {
            this.quoted = quoted;
            lines.add(first);
        }
    }

    private ReplyFragments() {
    }

    /** Splits the text into fragments, top to bottom. */
    public static List<Fragment> read(String text) {
        ReplyFragments parser = new ReplyFragments();
        parser.parse(text == null ? "" : text);
        return List.copyOf(parser.fragments);
    }

    /** The visible fragments joined: the reply without trailing quotes and signatures. */
    public static String visibleText(String text) {
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (Fragment f : read(text)) {
            if (f.hidden()) {
                continue;
            }
            if (!first) {
                sb.append('\n');
            }
            sb.append(f.content());
            first = false;
        }
        return sb.toString().stripTrailing();
    }

    private void parse(String input) {
        String text = input.replace("\r\n", "\n");
        Matcher on = MULTILINE_ON_WROTE.matcher(text);
        if (on.find()) {
            text = text.replace(on.group(1), on.group(1).replace("\n", " "));
        }
        Matcher live = WINDOWS_LIVE_HEADER.matcher(text);
        if (live.find()) {
            text = text.replace(live.group(1), live.group(1).replace("\n", " "));
        }
        text = BEFORE_UNDERSCORES.matcher(text).replaceAll("$1\n");
        String reversed = new StringBuilder(text).reverse().toString();
        int pos = 0;
        while (true) {
            int nl = reversed.indexOf('\n', pos);
            if (nl < 0) {
                break;
            }
            scanLine(reversed.substring(pos, nl));
            pos = nl + 1;
        }
        if (pos < reversed.length()) {
            scanLine(reversed.substring(pos));
        }
        finishFragment();
        java.util.Collections.reverse(fragments);
    }

    private void scanLine(String raw) {
        String line = raw;
        if (!SIGNATURE.matcher(line).find()) {
            line = line.stripLeading();
        }
        boolean quoted = line.endsWith(">"); // the reversed line ends with ">": a quoted line
        if (current != null && line.isEmpty()) {
            String last = current.lines.get(current.lines.size() - 1);
            if (SIGNATURE.matcher(last).find()) {
                current.signature = true;
                finishFragment();
            }
        }
        if (current != null && (current.quoted == quoted
                || (current.quoted && (isQuoteHeader(line) || line.isEmpty())))) {
            current.lines.add(line);
        } else {
            finishFragment();
            current = new Building(quoted, line);
        }
    }

    private static boolean isQuoteHeader(String reversedLine) {
        return REVERSED_ON_WROTE.matcher(reversedLine).find() || REVERSED_HEADER.matcher(reversedLine).find();
    }

    private void finishFragment() {
        if (current == null) {
            return;
        }
        String content = new StringBuilder(String.join("\n", current.lines)).reverse().toString();
        boolean hidden = false;
        if (!foundVisible) {
            if (current.quoted || current.signature || content.strip().isEmpty()) {
                hidden = true;
            } else {
                foundVisible = true;
            }
        }
        fragments.add(new Fragment(content, current.quoted, current.signature, hidden));
        current = null;
    }
}
