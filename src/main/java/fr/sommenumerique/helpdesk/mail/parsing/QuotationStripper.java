package fr.sommenumerique.helpdesk.mail.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes quoted history from a reply, keeping forwarded content. Each line is marked (e empty,
 * m quoted with '>', s reply header / splitter, f forward marker, t text) and regular expressions over
 * the marker string decide what is quotation; the approach follows mailgun/talon's, re-implemented with
 * French patterns (« Le … a écrit : », « De : … Envoyé : … », « Message d'origine ») and stricter rules
 * against false positives in French prose.
 */
public final class QuotationStripper {

    /**
     * Result of quotation removal.
     *
     * @param reply  the text without quotation
     * @param quoted the removed lines (empty when nothing was removed)
     */
    public record QuoteSplit(String reply, String quoted) {
    }

    static final int SPLITTER_MAX_LINES = 6;
    static final int MAX_LINES = 1000;

    private static final String LEAD = "On|Le|W dniu|Op|Am|På|Den|Vào|El|Il";
    private static final String END = "wrote|sent|a écrit|a ecrit|napisał|schreef|verzond|geschreven|schrieb|skrev"
            + "|đã viết|escribió|ha scritto";

    /**
     * « On <date>, <somebody> wrote: » over up to five lines; the date must start right after the lead
     * word (a digit within 25 characters), so French prose starting with « Le … » is not taken for it.
     */
    static final Pattern ON_DATE_SMB_WROTE = Pattern.compile(
            "-*>?[ ]?(?:" + LEAD + ")[ ](?=[^\\n]{0,25}\\d)[^\\n]*(?:,|użytkownik)(?:[^\\n]*\\n){0,4}?[^\\n]*(?:" + END
                    + ")[ \\u00a0]*:?[ ]*-*[ ]*$",
            Pattern.MULTILINE);
    /** Same, searched anywhere in a line (reply text and splitter sharing one line). */
    private static final Pattern ON_DATE_INLINE = Pattern.compile(
            "-*>?[ ]?(?:On|Le)[ ](?=[^\\n]{0,25}\\d)[^\\n]*,(?:[^\\n]*\\n){0,2}?[^\\n]*(?:wrote|a écrit)[ \\u00a0]*:[ ]*-*[ ]*$",
            Pattern.MULTILINE);
    /** Dutch and German: « Op <date> schreef <somebody>: ». */
    private static final Pattern ON_DATE_WROTE_SMB = Pattern.compile(
            "-*>?[ ]?(?:Op|Am)[ ](?=[^\\n]{0,25}\\d)[^\\n]*(?:\\n[^\\n]*){0,2}?(?:schreef|verzond|geschreven|schrieb)[ ]*[^\\n]*:[ ]*$",
            Pattern.MULTILINE);
    static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "[ \\t]*-+[ ]*(?:Original Message|Reply Message|Ursprüngliche Nachricht|Antwort Nachricht"
                    + "|Oprindelig meddelelse|Message d'origine|Message d’origine|Message original|Mail original"
                    + "|Mensaje original|Messaggio originale)[ ]*-+",
            Pattern.CASE_INSENSITIVE);
    private static final String FROM_WORDS = "From|De|Von|Van|Fra|Från|Expéditeur|Date|Datum|Envoyé|Sent|Gesendet"
            + "|Skickat|Sendt";
    private static final Pattern FROM_COLON_OR_DATE_COLON = Pattern.compile(
            "(?:_{5,}[ ]*\\n)?[ \\t]*\\*?(?:" + FROM_WORDS + ")[ \\u00a0]?\\*?[ \\u00a0]?:\\*?[^\\n]*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_WORD_LINE = Pattern.compile(
            "[ \\t]*\\*?(?:" + FROM_WORDS + "|To|À|A|An|Aan|Til|Till|Cc|Cci|Bcc|Subject|Objet|Betreff|Onderwerp|Emne"
                    + "|Ämne|Répondre à|Reply-To)[ \\u00a0]?\\*?[ \\u00a0]?:.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_THEN_ADDRESS = Pattern.compile(
            "[ \\t]*\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4}\\b[^\\n]*(?:\\n[^\\n]*){0,2}?@[^\\n]*[>:][ ]*$",
            Pattern.MULTILINE);
    private static final Pattern GMT_DATE_ADDRESS = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}\\s+\\d{2}:\\d{2}\\s+GMT[^\\n]*(?:\\n[^\\n]*){0,2}?@[^\\n]*[>:][ ]*$",
            Pattern.MULTILINE);
    private static final Pattern RFC_DATE_ADDRESS = Pattern.compile(
            "\\S{3,10}, \\d\\d? \\S{3,10} 20\\d\\d,? \\d\\d?:\\d\\d(?::\\d\\d)?(?: \\S+){3,6}@\\S+:");
    private static final Pattern SAMSUNG = Pattern.compile("Sent from Samsung [^\\n]*@[^\\n]*> wrote");
    private static final Pattern ANDROID_WROTE = Pattern.compile(
            "-{2,}[ ]*[^\\n]+[ ](?:wrote|a écrit)[ ]*-{2,}[ ]*$", Pattern.MULTILINE);

    /** Forward separators (the forwarded content is not a quotation). */
    static final Pattern FORWARD = Pattern.compile(
            "^[ \\t]*(?:-+[ ]*(?:Forwarded message|Forwarded Message|Message transféré|Mail transféré|Message transmis"
                    + "|Courriel transféré|Weitergeleitete Nachricht)[ ]*-*"
                    + "|Begin forwarded message[ ]*:|Début du message réexpédié[ \\u00a0]*:|Message transféré[ \\u00a0]*:)[ ]*$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern QUOTE = Pattern.compile("^>+ ?");
    private static final Pattern LINK = Pattern.compile("<(https?://[^>]*)>");
    private static final Pattern NORMALIZED_LINK = Pattern.compile("@@(https?://[^>@]*)@@");
    private static final Pattern PARENTHESIS_LINK = Pattern.compile("\\(https?://");
    private static final Pattern INLINE_REPLY = Pattern.compile("(?<=m)e*((?:t+e*)+)m");
    private static final Pattern SPLITTER_THEN_TEXT = Pattern.compile("(se*)+((t|f)+e*)+");
    private static final Pattern QUOTATION = Pattern.compile("((?:s|(?:me*){2,}).*me*)[te]*$");
    private static final Pattern EMPTY_QUOTATION = Pattern.compile("((?:(?:se*)+|(?:me*){2,}))e*");

    /** Strips quotation from plain text. */
    public QuoteSplit stripPlain(String body) {
        if (body == null || body.isBlank()) {
            return new QuoteSplit(body == null ? "" : body.strip(), "");
        }
        String text = body.replace("\r\n", "\n").replace('\r', '\n');
        text = wrapSplitterWithNewline(replaceLinkBrackets(text));
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        List<String> tail = List.of();
        if (lines.size() > MAX_LINES) {
            tail = new ArrayList<>(lines.subList(MAX_LINES, lines.size()));
            lines = new ArrayList<>(lines.subList(0, MAX_LINES));
        }
        String markers = markLines(lines);
        int[] removed = process(lines, markers);
        List<String> kept;
        List<String> quoted;
        if (removed == null) {
            kept = new ArrayList<>(lines);
            kept.addAll(tail);
            quoted = new ArrayList<>();
        } else {
            kept = new ArrayList<>(lines.subList(0, removed[0]));
            kept.addAll(lines.subList(removed[1], lines.size()));
            quoted = new ArrayList<>(lines.subList(removed[0], removed[1]));
            if (removed[1] == lines.size()) {
                quoted.addAll(tail);
            } else {
                kept.addAll(tail);
            }
        }
        if (removed != null) {
            List<String> separators = trailingSeparators(kept);
            quoted.addAll(0, separators);
        }
        return new QuoteSplit(postprocess(String.join("\n", kept)), postprocess(String.join("\n", quoted)));
    }

    private static final Pattern SEPARATOR_LINE = Pattern.compile("^[ \\t]*[-_=*~]{3,}[ \\t]*$");

    /** Removes (and returns) the separator lines left at the end once the quotation below them is gone. */
    private static List<String> trailingSeparators(List<String> kept) {
        List<String> removed = new ArrayList<>();
        int end = kept.size();
        while (end > 0 && (kept.get(end - 1).isBlank() || SEPARATOR_LINE.matcher(kept.get(end - 1)).matches())) {
            end--;
        }
        boolean hadSeparator = false;
        for (int k = end; k < kept.size(); k++) {
            hadSeparator |= !kept.get(k).isBlank();
        }
        if (!hadSeparator) {
            return removed;
        }
        removed.addAll(kept.subList(end, kept.size()));
        kept.subList(end, kept.size()).clear();
        return removed;
    }

    /** Strips quotation from an HTML body (containers cut on the DOM, then the text algorithm). */
    public QuoteSplit stripHtml(String html) {
        if (html == null || html.isBlank()) {
            return new QuoteSplit("", "");
        }
        HtmlQuotes.Cut cut = HtmlQuotes.cut(org.jsoup.Jsoup.parse(html));
        QuoteSplit text = stripPlain(HtmlToText.convert(cut.document().body()));
        String reply = text.reply();
        if (!cut.removed().isEmpty()) {
            List<String> kept = new ArrayList<>(List.of(reply.split("\n", -1)));
            trailingSeparators(kept);
            reply = String.join("\n", kept).strip();
        }
        return new QuoteSplit(reply, String.join("\n", cut.removed(), text.quoted()).strip());
    }

    /** Marks each line: e, m, s, f or t. */
    static String markLines(List<String> lines) {
        char[] markers = new char[lines.size()];
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.isBlank()) {
                markers[i] = 'e';
            } else if (QUOTE.matcher(line).lookingAt()) {
                markers[i] = 'm';
            } else if (FORWARD.matcher(line).matches()) {
                markers[i] = 'f';
            } else {
                int splitterLines = splitterLines(lines, i);
                if (splitterLines > 0) {
                    for (int j = 0; j < splitterLines && i + j < lines.size(); j++) {
                        markers[i + j] = 's';
                    }
                    i += splitterLines;
                    continue;
                }
                markers[i] = 't';
            }
            i++;
        }
        return new String(markers);
    }

    /**
     * Whether a reply header starting at line i is a header block (« De : … Envoyé : … », « -----Message d'origine----- »)
     * rather than an attribution (« Le … a écrit : »): Outlook, Zimbra and Roundcube write the same header block above
     * a quoted reply and above a forwarded message, whereas an attribution always introduces a quotation.
     */
    static boolean isHeaderBlock(List<String> lines, int i) {
        String joined = String.join("\n", lines.subList(i, Math.min(lines.size(), i + SPLITTER_MAX_LINES)));
        if (ORIGINAL_MESSAGE.matcher(joined).lookingAt()) {
            return true;
        }
        Matcher from = FROM_COLON_OR_DATE_COLON.matcher(joined);
        return from.lookingAt() && looksLikeHeaderBlock(lines, i, from.group());
    }

    /** Number of lines of a reply header starting at line i, or 0. */
    static int splitterLines(List<String> lines, int i) {
        String joined = String.join("\n", lines.subList(i, Math.min(lines.size(), i + SPLITTER_MAX_LINES)));
        for (Pattern p : new Pattern[] {ORIGINAL_MESSAGE, ON_DATE_SMB_WROTE, ON_DATE_WROTE_SMB, DATE_THEN_ADDRESS,
                GMT_DATE_ADDRESS, RFC_DATE_ADDRESS, SAMSUNG, ANDROID_WROTE}) {
            Matcher m = p.matcher(joined);
            if (m.lookingAt()) {
                return lineCount(m.group());
            }
        }
        Matcher from = FROM_COLON_OR_DATE_COLON.matcher(joined);
        if (from.lookingAt() && looksLikeHeaderBlock(lines, i, from.group())) {
            return lineCount(from.group());
        }
        return 0;
    }

    /** A From:/Date: line counts only with an address or next to another header line (not in prose). */
    private static boolean looksLikeHeaderBlock(List<String> lines, int i, String matched) {
        if (matched.contains("@") || matched.contains("[mailto:")) {
            return true;
        }
        int start = i + lineCount(matched) - 1;
        int checked = 0;
        for (int k = start + 1; k < lines.size() && checked < 2; k++) {
            String next = lines.get(k);
            if (next.isBlank()) {
                continue;
            }
            checked++;
            if (HEADER_WORD_LINE.matcher(next).matches() || next.contains("@")) {
                return true;
            }
        }
        return false;
    }

    private static int lineCount(String s) {
        int n = 1;
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) == '\n') {
                n++;
            }
        }
        return n;
    }

    /**
     * Decides what to cut. Returns {start, end} of the removed line range, or null when nothing is
     * quotation (also for forwarded messages and inline replies).
     */
    static int[] process(List<String> lines, String markers) {
        if (markers.indexOf('s') < 0 && !Pattern.compile("(me*){3}").matcher(markers).find()) {
            markers = markers.replace('m', 't');
        }
        if (Pattern.compile("^[te]*f").matcher(markers).find()) {
            return null;
        }
        Matcher inline = INLINE_REPLY.matcher(markers);
        int from = 0;
        while (from < markers.length() && inline.find(from)) {
            int start = inline.start();
            boolean link = PARENTHESIS_LINK.matcher(lines.get(start - 1)).find()
                    || PARENTHESIS_LINK.matcher(lines.get(start).strip()).lookingAt();
            if (!link) {
                return null;
            }
            from = inline.start() + 1;
        }
        Matcher cut = SPLITTER_THEN_TEXT.matcher(markers);
        if (cut.find()) {
            return new int[] {cut.start(), lines.size()};
        }
        Matcher q = QUOTATION.matcher(markers);
        if (q.find()) {
            return new int[] {q.start(1), q.end(1)};
        }
        Matcher empty = EMPTY_QUOTATION.matcher(markers);
        if (empty.find()) {
            return new int[] {empty.start(1), empty.end(1)};
        }
        return null;
    }

    /** "<http://x>" would look like a '>' quote marker on the next line: protect link brackets. */
    private static String replaceLinkBrackets(String text) {
        Matcher m = LINK.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int lineStart = text.lastIndexOf('\n', m.start() - 1) + 1;
            String replacement = lineStart < text.length() && text.charAt(lineStart) == '>' ? m.group()
                    : "@@" + m.group(1) + "@@";
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** « reply text On <date>, X wrote: » on one line: move the splitter to its own line. */
    private static String wrapSplitterWithNewline(String text) {
        Matcher m = ON_DATE_INLINE.matcher(text);
        StringBuilder sb = new StringBuilder();
        int last = 0;
        while (m.find()) {
            sb.append(text, last, m.start());
            if (m.start() > 0 && text.charAt(m.start() - 1) != '\n') {
                String group = m.group();
                String lead = group.stripLeading();
                sb.append('\n').append(group.startsWith(" ") ? lead : group);
            } else {
                sb.append(m.group());
            }
            last = m.end();
        }
        sb.append(text.substring(last));
        return sb.toString();
    }

    private static String postprocess(String text) {
        return NORMALIZED_LINK.matcher(text).replaceAll("<$1>").strip();
    }
}
