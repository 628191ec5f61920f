package fr.sommenumerique.helpdesk.mail.parsing;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * Keeps only what the sender just wrote: removes quoted history and reply headers (French and English
 * clients: Gmail, Outlook, Apple Mail, Thunderbird, mobile), separates a forwarded message and the
 * signature. Plain text and HTML (quotes cut on the DOM, then converted to text).
 */
public final class ReplyStripper {

    private static final Pattern FORWARD_FROM = Pattern.compile(
            "^[ \\t>*]*(?:From|De|Von|Expéditeur)[ \\u00a0]?\\*?[ \\u00a0]?:\\*?[ \\t]*(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    private final QuotationStripper quotations = new QuotationStripper();
    private final SignatureExtractor signatures = new SignatureExtractor();

    /** Strips a plain-text body. */
    public StrippedReply strip(String text, String senderName) {
        return strip(text, senderName, false);
    }

    /**
     * Strips a plain-text body.
     *
     * @param forwardHint true when the subject says the mail is a forward (TR:, Fwd:): then the first reply
     *                    header block ("De : … Envoyé : …", « Message d'origine ») starts the forwarded part
     */
    public StrippedReply strip(String text, String senderName, boolean forwardHint) {
        if (text == null || text.isBlank()) {
            return new StrippedReply("", "", "", "", null);
        }
        List<String> lines = List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
        int forwardAt = forwardStart(lines, forwardHint);
        String own = forwardAt < 0 ? String.join("\n", lines) : String.join("\n", lines.subList(0, forwardAt));
        String forwarded = forwardAt < 0 ? "" : String.join("\n", lines.subList(forwardAt, lines.size())).strip();
        QuotationStripper.QuoteSplit split = quotations.stripPlain(own);
        SignatureExtractor.SignatureSplit signature = signatures.extract(split.reply(), senderName);
        return new StrippedReply(signature.body(), split.quoted(), signature.signature(), forwarded,
                forwardedFrom(forwarded));
    }

    /** Strips an HTML body: quote containers are cut on the DOM, the rest handled as text. */
    public StrippedReply stripHtml(String html, String senderName) {
        return stripHtml(html, senderName, false);
    }

    public StrippedReply stripHtml(String html, String senderName, boolean forwardHint) {
        if (html == null || html.isBlank()) {
            return new StrippedReply("", "", "", "", null);
        }
        HtmlQuotes.Cut cut = HtmlQuotes.cut(Jsoup.parse(html), forwardHint);
        StrippedReply fromText = strip(HtmlToText.convert(cut.document().body()), senderName, forwardHint);
        String forwarded = !cut.forwarded().isEmpty() ? cut.forwarded() : fromText.forwarded();
        String quoted = String.join("\n", cut.quoted().isEmpty() ? "" : cut.quoted(), fromText.quoted()).strip();
        return new StrippedReply(fromText.text(), quoted, fromText.signature(), forwarded,
                fromText.forwardedFrom() != null ? fromText.forwardedFrom() : forwardedFrom(forwarded));
    }

    /** Index of the line where a forwarded message starts, or -1. Lines inside '>' quotes are ignored. */
    static int forwardStart(List<String> lines, boolean forwardHint) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(">")) {
                continue;
            }
            if (QuotationStripper.FORWARD.matcher(line).matches()) {
                return i;
            }
            if (forwardHint && !line.isBlank() && (QuotationStripper.ORIGINAL_MESSAGE.matcher(line).lookingAt()
                    || QuotationStripper.splitterLines(lines, i) > 0)) {
                return i;
            }
        }
        return -1;
    }

    /** Sender of a forwarded block: its first "From:" / « De : » line. */
    static MailAddress forwardedFrom(String forwarded) {
        if (forwarded == null || forwarded.isBlank()) {
            return null;
        }
        String head = forwarded.length() > 2000 ? forwarded.substring(0, 2000) : forwarded;
        Matcher m = FORWARD_FROM.matcher(head);
        if (!m.find()) {
            return null;
        }
        String value = m.group(1).trim().replaceAll("\\[mailto:([^\\]]+)]", "<$1>").replaceAll("\\*", "");
        List<MailAddress> parsed = MailParser.addresses(List.of(value));
        if (!parsed.isEmpty() && parsed.get(0).address().contains("@")) {
            return parsed.get(0);
        }
        Matcher email = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+").matcher(value);
        if (email.find()) {
            String name = value.substring(0, email.start()).replaceAll("[<\"'(\\[]+\\s*$", "").replace("\"", "").trim();
            return new MailAddress(email.group(), name.isEmpty() ? null : name);
        }
        return null;
    }
}
