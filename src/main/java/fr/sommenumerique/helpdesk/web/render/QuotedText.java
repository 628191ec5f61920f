package fr.sommenumerique.helpdesk.web.render;

import fr.sommenumerique.helpdesk.knowledge.TextCut;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits the full text of an e-mail into what the sender wrote and the quoted history, so staff see the new part
 * first and the rest collapsed. Quoted: lines starting with {@code >}, and everything from a reply or forward header
 * on (« Le … a écrit : », « De : … » followed by « Envoyé : » / « Date : », « -----Message d'origine----- »,
 * « -------- Message transféré -------- », « Début du message réexpédié : », and their English forms).
 */
public final class QuotedText {

    /** One block of the text: shown as is, or collapsed when {@code quoted}. */
    public record Segment(String text, boolean quoted) {

        /** Past this, a message is shown folded: its start, then « Afficher la suite ». */
        static final int LONG_LINES = 25;
        static final int LONG_CHARS = 2_500;

        public int lineCount() {
            return (int) text.lines().count();
        }

        /** What is shown at first: the whole text, or the start of a long one (cut at a line end). */
        public String head() {
            List<String> lines = text.lines().toList();
            if (lines.size() <= LONG_LINES && text.length() <= LONG_CHARS) {
                return text;
            }
            StringBuilder head = new StringBuilder();
            for (String line : lines.subList(0, Math.min(LONG_LINES, lines.size()))) {
                if (head.length() + line.length() > LONG_CHARS) {
                    if (head.isEmpty()) {
                        head.append(line, 0, LONG_CHARS);
                    }
                    break;
                }
                head.append(line).append('\n');
            }
            return head.toString().stripTrailing();
        }

        /** The rest of a long text, folded; null when the text is shown whole. */
        public String rest() {
            String head = head();
            return head.length() >= text.length() ? null : text.substring(Math.min(text.length(), head.length())).strip();
        }
    }

    /** The first words of what the sender wrote this time (quotes left out), on one line, for a list. */
    public static String preview(String text, int maxChars) {
        String fresh = split(text).stream().filter(s -> !s.quoted()).map(Segment::text).findFirst().orElse("");
        String line = fresh.replaceAll("\\s+", " ").strip();
        return TextCut.cut(line, maxChars);
    }

    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "(?i)^\\s*(?:-{2,}\\s*(message d'origine|message d’origine|original message|message original|mail original"
                    + "|message transféré|mail transféré|forwarded message)\\s*-{2,}"
                    + "|début du message réexpédié\\s*:|begin forwarded message\\s*:)\\s*$");
    private static final Pattern WROTE = Pattern.compile("(?i)^\\s*(le|on)\\s.+(a écrit|wrote)\\s*:\\s*$");
    /** « Le lun. 3 mars 2026 à 10:02, Marie Dupont <marie@…> a » + next line « écrit : » (Gmail wraps). */
    private static final Pattern WROTE_START = Pattern.compile("(?i)^\\s*(le|on)\\s.*\\d.*$");
    private static final Pattern WROTE_END = Pattern.compile("(?i)^.*(a écrit|écrit|wrote)\\s*:\\s*$");
    private static final Pattern FROM = Pattern.compile("(?i)^\\s*\\*?(de|from)\\s*\\*?\\s*:.+$");
    private static final Pattern SENT = Pattern.compile("(?i)^\\s*\\*?(envoyé|date|sent|à|to|objet|subject)\\s*\\*?\\s*:.*$");

    private QuotedText() {
    }

    public static List<Segment> split(String text) {
        List<Segment> segments = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return segments;
        }
        List<String> lines = text.lines().toList();
        int historyStart = historyStart(lines);
        StringBuilder current = new StringBuilder();
        boolean currentQuoted = false;
        for (int i = 0; i < historyStart; i++) {
            String line = lines.get(i);
            boolean quoted = line.stripLeading().startsWith(">");
            if (quoted != currentQuoted && !current.isEmpty()) {
                add(segments, current.toString(), currentQuoted);
                current.setLength(0);
            }
            currentQuoted = quoted;
            current.append(line).append('\n');
        }
        add(segments, current.toString(), currentQuoted);
        if (historyStart < lines.size()) {
            add(segments, String.join("\n", lines.subList(historyStart, lines.size())), true);
        }
        return segments;
    }

    /** Index of the first line of the quoted history (a reply/forward header), or the number of lines. */
    static int historyStart(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && !FROM.matcher(line).matches()) {
                // a message never starts with history, except a bare forward
                if (ORIGINAL_MESSAGE.matcher(line).matches()) {
                    return 0;
                }
                continue;
            }
            if (ORIGINAL_MESSAGE.matcher(line).matches() || WROTE.matcher(line).matches()) {
                return i;
            }
            if (WROTE_START.matcher(line).matches() && i + 1 < lines.size() && WROTE_END.matcher(lines.get(i + 1)).matches()
                    && line.length() < 200) {
                return i;
            }
            if (FROM.matcher(line).matches() && followedByHeader(lines, i)) {
                return i;
            }
        }
        return lines.size();
    }

    private static boolean followedByHeader(List<String> lines, int from) {
        for (int j = from + 1; j < Math.min(lines.size(), from + 4); j++) {
            if (SENT.matcher(lines.get(j)).matches()) {
                return true;
            }
        }
        return false;
    }

    private static void add(List<Segment> segments, String text, boolean quoted) {
        String trimmed = text.stripTrailing();
        if (trimmed.isBlank()) {
            return;
        }
        segments.add(new Segment(quoted ? trimmed.stripLeading() : stripLeadingBlankLines(trimmed), quoted));
    }

    private static String stripLeadingBlankLines(String s) {
        int i = 0;
        while (i < s.length()) {
            int nl = s.indexOf('\n', i);
            if (nl < 0 || !s.substring(i, nl).isBlank()) {
                break;
            }
            i = nl + 1;
        }
        return s.substring(i);
    }
}
