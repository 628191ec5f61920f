package fr.sommenumerique.helpdesk.mail.parsing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Keeps only what the sender just wrote: removes quoted history and reply headers (French and English
 * clients: Gmail, Outlook, Apple Mail, Thunderbird, Zimbra, Roundcube, mobile), separates a forwarded message and
 * the signature. Plain text and HTML (quotes cut on the DOM, then converted to text).
 *
 * <p>Whether the history below the new text is quoted or forwarded is read from the body: an explicit forward
 * marker (« Message transféré », « Début du message réexpédié », "Forwarded message") makes a forward and an
 * attribution (« Le … a écrit : ») a quotation. A bare header block (« De : … Envoyé : … », « Message d'origine »),
 * which Outlook, Zimbra and Roundcube put above replies and forwards alike, is a forward only when the text above
 * announces one (« je vous transfère… ») or when the client marked this very mail as a forward (the subject's
 * outermost prefix is TR:/Fwd:, not a TR: further down a « RE: TR: » chain).
 */
public final class ReplyStripper {

    private static final Pattern FORWARD_FROM = Pattern.compile(
            "^[ \\t>*]*(?:From|De|Von|Expéditeur)[ \\u00a0]?\\*?[ \\u00a0]?:\\*?[ \\t]*(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    /** Words announcing a forward, on accent-folded lower-case text. */
    private static final Pattern FORWARD_INTRO = Pattern.compile(
            "\\b(?:transf[e]r|fais suivre|fait suivre|faire suivre|re-?transmet|pour info(?:rmation)?\\b|fyi\\b"
                    + "|(?:mail|e-?mail|message|courriel|echange|demande|reponse|notification)s? (?:ci-?dessous|ci-?apres"
                    + "|suivant|recue?s? (?:ce matin|hier|aujourd'hui|de|du|de la))"
                    + "|(?:ci-?dessous|ci-?apres)(?: le| la| les| un| une| l')? ?(?:mail|e-?mail|message|courriel|echange)"
                    + "|vous transmets? (?:le|la|les|ce|cet|cette|ces|un|une) (?:mail|e-?mail|message|courriel|echange))");
    private static final Pattern SIGNATURE_DELIMITER = Pattern.compile("^(?:-- ?|--)\\s*$");

    private final QuotationStripper quotations = new QuotationStripper();
    private final SignatureExtractor signatures = new SignatureExtractor();

    /** Strips a plain-text body. */
    public StrippedReply strip(String text, String senderName) {
        return strip(text, senderName == null ? null : new MailAddress("", senderName), false);
    }

    /**
     * Strips a plain-text body.
     *
     * @param from               the sender, whose name helps find the signature (may be null)
     * @param forwardedBySubject true when the subject's outermost prefix is a forward (TR:, Fwd:): then a bare header
     *                           block starts the forwarded part even when the text above does not announce it
     */
    public StrippedReply strip(String text, MailAddress from, boolean forwardedBySubject) {
        if (text == null || text.isBlank()) {
            return new StrippedReply("", "", "", "", null);
        }
        List<String> lines = List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
        int forwardAt = forwardStart(lines, forwardedBySubject);
        List<String> own = new ArrayList<>(forwardAt < 0 ? lines : lines.subList(0, forwardAt));
        List<String> forwardedLines = forwardAt < 0 ? List.of() : lines.subList(forwardAt, lines.size());
        if (forwardAt >= 0) {
            // a client that signs below the forwarded message (Thunderbird can): the signature is the forwarder's
            int signatureAt = forwarderSignatureStart(forwardedLines, from, forwardedFrom(String.join("\n", forwardedLines)));
            if (signatureAt > 0) {
                own.add("");
                own.addAll(forwardedLines.subList(signatureAt, forwardedLines.size()));
                forwardedLines = forwardedLines.subList(0, signatureAt);
            }
        }
        String forwarded = String.join("\n", forwardedLines).strip();
        QuotationStripper.QuoteSplit split = quotations.stripPlain(String.join("\n", own));
        SignatureExtractor.SignatureSplit signature = signatures.extract(split.reply(), nameOf(from));
        return new StrippedReply(signature.body(), split.quoted(), signature.signature(), forwarded,
                forwardedFrom(forwarded));
    }

    /** Strips an HTML body: quote containers are cut on the DOM, the rest handled as text. */
    public StrippedReply stripHtml(String html, String senderName) {
        return stripHtml(html, senderName == null ? null : new MailAddress("", senderName), false);
    }

    public StrippedReply stripHtml(String html, MailAddress from, boolean forwardedBySubject) {
        if (html == null || html.isBlank()) {
            return new StrippedReply("", "", "", "", null);
        }
        Document doc = Jsoup.parse(html);
        moveSignatureAboveForward(doc);
        HtmlQuotes.Cut cut = HtmlQuotes.cut(doc);
        String ownText = HtmlToText.convert(cut.document().body());
        boolean forward = cut.kind() == HtmlQuotes.Kind.FORWARD || (cut.kind() == HtmlQuotes.Kind.HEADER_BLOCK
                && (forwardedBySubject || announcesForward(ownText)));
        StrippedReply fromText = strip(ownText, from, forwardedBySubject);
        String forwarded = forward ? cut.removed() : fromText.forwarded();
        String quoted = String.join("\n", forward ? "" : cut.removed(), fromText.quoted()).strip();
        return new StrippedReply(fromText.text(), quoted, fromText.signature(), forwarded,
                fromText.forwardedFrom() != null ? fromText.forwardedFrom() : forwardedFrom(forwarded));
    }

    /**
     * Index of the line where a forwarded message starts, or -1. Lines inside '>' quotes are ignored, and so is
     * everything below the first quotation: a forward marker deep in a quoted chain was forwarded to someone else.
     */
    static int forwardStart(List<String> lines, boolean forwardedBySubject) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(">") || line.isBlank()) {
                continue;
            }
            if (QuotationStripper.FORWARD.matcher(line).matches()) {
                return i;
            }
            if (QuotationStripper.splitterLines(lines, i) > 0) {
                boolean forward = QuotationStripper.isHeaderBlock(lines, i)
                        && (forwardedBySubject || announcesForward(String.join("\n", lines.subList(0, i))));
                return forward ? i : -1;
            }
        }
        return -1;
    }

    /** Whether the sender's own text says that what follows is a message passed on (« je vous transfère… »). */
    static boolean announcesForward(String ownText) {
        return FORWARD_INTRO.matcher(fold(ownText)).find();
    }

    /**
     * Start (within the forwarded lines) of a signature block that closes the forwarded part but belongs to the
     * forwarder: after the last « -- » line, short, and naming the forwarder (name, address, domain) more than the
     * forwarded message's sender. -1 when there is none.
     */
    static int forwarderSignatureStart(List<String> forwarded, MailAddress forwarder, MailAddress original) {
        if (forwarder == null) {
            return -1;
        }
        int delimiter = -1;
        int nonEmptyAfter = 0;
        for (int i = forwarded.size() - 1; i > 0; i--) {
            String line = forwarded.get(i);
            if (SIGNATURE_DELIMITER.matcher(line).matches()) {
                delimiter = i;
                break;
            }
            if (!line.isBlank() && ++nonEmptyAfter > SignatureExtractor.SIGNATURE_MAX_LINES) {
                return -1;
            }
        }
        if (delimiter < 0 || nonEmptyAfter == 0) {
            return -1;
        }
        String block = fold(String.join("\n", forwarded.subList(delimiter + 1, forwarded.size())));
        Set<String> forwarderWords = words(forwarder);
        Set<String> originalWords = original == null ? Set.of() : words(original);
        originalWords.removeAll(forwarderWords);
        int forwarderHits = hits(block, forwarderWords);
        return forwarderHits > 0 && forwarderHits >= hits(block, originalWords) ? delimiter : -1;
    }

    /** Words that identify a person: display name, address local part and domain (mailbox providers left out). */
    private static Set<String> words(MailAddress person) {
        Set<String> words = new LinkedHashSet<>();
        if (person.displayName() != null) {
            words.addAll(SignatureExtractor.senderNames(person.displayName()));
        }
        words.addAll(SignatureExtractor.senderNames(person.localPart().replace('.', ' ')));
        String domain = person.domain();
        if (domain.contains(".")) {
            words.addAll(SignatureExtractor.senderNames(domain.substring(0, domain.lastIndexOf('.'))));
        }
        return words;
    }

    private static int hits(String foldedBlock, Set<String> words) {
        int n = 0;
        for (String word : words) {
            if (Pattern.compile("(?<!\\p{L})" + Pattern.quote(word) + "(?!\\p{L})").matcher(foldedBlock).find()) {
                n++;
            }
        }
        return n;
    }

    /** Thunderbird's own signature below a forwarded message (HTML): moved above it, where the sender's text is. */
    private static void moveSignatureAboveForward(Document doc) {
        Element container = doc.selectFirst("div.moz-forward-container");
        if (container == null) {
            return;
        }
        for (Element signature : doc.select(".moz-signature")) {
            if (!signature.parents().contains(container) && container.elementSiblingIndex() < signature.elementSiblingIndex()
                    && container.parent() == signature.parent()) {
                signature.remove();
                container.before(signature);
            }
        }
    }

    private static String nameOf(MailAddress from) {
        if (from == null) {
            return null;
        }
        return from.displayName() != null ? from.displayName() : from.address().isBlank() ? null : from.address();
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replace('’', '\'');
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
