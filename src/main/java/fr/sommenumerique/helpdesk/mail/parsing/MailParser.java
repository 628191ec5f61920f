package fr.sommenumerique.helpdesk.mail.parsing;

import fr.sommenumerique.helpdesk.knowledge.TextCut;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.util.StreamProvider;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.text.ParsePosition;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses raw RFC 822 bytes into a {@link ParsedMail}. Pure: no network, no Spring. Thread-safe.
 *
 * <p>Messy input is decoded as far as possible (broken charsets, broken base64/QP, missing boundaries,
 * junk header lines). {@link UnparseableMailException} is thrown only when nothing usable exists.
 */
public final class MailParser {

    /**
     * Parser options.
     *
     * @param malformedHeaderStartsBody when a line of the header block is not a header field, start the
     *                                  body there (like mime4j's option) instead of skipping the line
     * @param maxDepth                  maximum nesting of multiparts and attached messages
     */
    public record Options(boolean malformedHeaderStartsBody, int maxDepth) {
        public static Options defaults() {
            return new Options(false, 12);
        }
    }

    private static final Pattern FIELD_NAME = Pattern.compile("[!-9;-~]+");
    private static final Pattern HEADER_LINE = Pattern.compile("^[!-9;-~]+[ \\t]*:.*");
    private static final Pattern ANGLE_ID = Pattern.compile("<([^<>]*)>");
    private static final Pattern LOOSE_ADDRESS = Pattern.compile("[^\\s<>\"',;:()\\[\\]]+@[^\\s<>\"',;:()\\[\\]]+");
    private static final Pattern ZONE = Pattern.compile("([+-])(\\d{2})(\\d{2})\\s*(\\(.*\\))?\\s*$");

    /** Angus Mail's stream provider, the one the service registry would find. */
    private static final String STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        // Jakarta Mail 2.1 looks its stream provider up through ServiceLoader (a scan of every jar) each time it reads
        // a block of headers, about 4 % of the mail reader's CPU (jakartaee/mail-api#861); named in this system
        // property, it is instantiated directly. An operator's own setting is kept.
        if (System.getProperty(StreamProvider.class.getName()) == null) {
            System.setProperty(StreamProvider.class.getName(), STREAM_PROVIDER);
        }
    }

    private final Options options;
    private final Session session;
    private final ReplyStripper replyStripper = new ReplyStripper();

    public MailParser() {
        this(Options.defaults());
    }

    public MailParser(Options options) {
        this.options = options;
        Properties props = new Properties();
        props.setProperty("mail.mime.decodetext.strict", "false");
        props.setProperty("mail.mime.parameters.strict", "false");
        props.setProperty("mail.mime.address.strict", "false");
        props.setProperty("mail.mime.decodefilename", "true");
        props.setProperty("mail.mime.decodeparameters", "true");
        props.setProperty("mail.mime.base64.ignoreerrors", "true");
        props.setProperty("mail.mime.allowutf8", "false");
        this.session = Session.getInstance(props);
    }

    /** Parses one message. Never throws for messy input; see {@link UnparseableMailException}. */
    public ParsedMail parse(byte[] rawRfc822) throws UnparseableMailException {
        if (rawRfc822 == null || rawRfc822.length == 0 || isBlank(rawRfc822)) {
            throw new UnparseableMailException("Message vide : aucun octet exploitable.");
        }
        if (looksBinary(rawRfc822)) {
            throw new UnparseableMailException(
                    "Contenu binaire : ce n'est pas un message électronique (ni en-têtes ni texte lisible).");
        }
        ParsedMail mail = parseMessage(rawRfc822, 0);
        if (mail.headers().size() == 0 && mail.textBody().isBlank() && mail.attachments().isEmpty()) {
            throw new UnparseableMailException("Aucun en-tête ni texte exploitable dans le message.");
        }
        return mail;
    }

    private static boolean isBlank(byte[] raw) {
        for (byte b : raw) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** NUL bytes or many control characters near the start: not a mail. */
    private static boolean looksBinary(byte[] raw) {
        int n = Math.min(raw.length, 4096);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = raw[i] & 0xFF;
            if (b == 0) {
                return true;
            }
            if ((b < 0x09) || (b > 0x0D && b < 0x20) || b == 0x7F) {
                control++;
            }
        }
        return control * 10 > n;
    }

    // ------------------------------------------------------------------ message level

    private ParsedMail parseMessage(byte[] raw, int depth) {
        List<String> warnings = new ArrayList<>();
        byte[] fixed = fixHeaderBlock(raw, warnings);
        MimeMessage message;
        try {
            message = new MimeMessage(session, new ByteArrayInputStream(fixed));
        } catch (MessagingException e) {
            warnings.add("Structure MIME illisible, message traité comme texte brut : " + e.getMessage());
            message = null;
        }
        MailHeaders headers = message == null ? MailHeaders.empty() : readHeaders(message);
        Node root;
        if (message == null) {
            root = leafFromBytes(fixed, "1", warnings);
        } else {
            root = walk(message, "1", false, depth, warnings);
        }

        List<MailPart> parts = new ArrayList<>();
        List<Node> attachmentNodes = new ArrayList<>();
        List<ParsedMail> attached = new ArrayList<>();
        collect(root, parts, attachmentNodes, attached);
        CalendarEvent calendar = calendar(parts);
        List<MailAttachment> attachments = attachments(attachmentNodes, calendar);
        BodyChoice body = chooseBody(root);
        String html = body.html;
        String text = body.plain != null && !body.plain.isBlank() ? body.plain
                : html != null ? HtmlToText.convert(html) : body.plain;
        text = text == null ? "" : normalizeNewlines(text);

        MailAddress from = first(addresses(message, headers, "From"));
        String subject = headers.first("Subject").map(s -> s.replaceAll("\\s*\\r?\\n\\s*", " ").trim()).orElse("");
        boolean forwardedBySubject = SubjectNormalizer.isForward(subject);
        StrippedReply reply = body.plain != null && !body.plain.isBlank() || html == null
                ? replyStripper.strip(text, from, forwardedBySubject)
                : replyStripper.stripHtml(html, from, forwardedBySubject);

        // a message attached whole (message/rfc822) is forwarded when nothing else is said or the subject says so
        boolean forwardedAttachment = !attached.isEmpty() && (reply.text().isBlank() || forwardedBySubject);
        boolean forwarded = reply.isForward() || forwardedAttachment;
        MailAddress forwardedFrom = reply.forwardedFrom() != null ? reply.forwardedFrom()
                : forwardedAttachment ? attached.get(0).from() : null;
        OffsetDateTime date = parseDate(headers.get("Date"));
        return new ParsedMail(
                messageId(headers.get("Message-ID")),
                first(ids(headers.get("In-Reply-To"))),
                List.copyOf(ids(String.join(" ", headers.all("References")))),
                from,
                first(addresses(message, headers, "Sender")),
                addresses(message, headers, "Reply-To"),
                addresses(message, headers, "To"),
                addresses(message, headers, "Cc"),
                subject,
                date,
                headers,
                text,
                html,
                html == null ? null : HtmlSanitizer.sanitize(html),
                reply.text(),
                reply.signature(),
                reply.quoted(),
                forwarded,
                forwardedFrom,
                reply.forwarded(),
                attachments,
                attached,
                parts,
                contentHash(from, date, text),
                warnings,
                calendar);
    }

    /**
     * Junk lines inside the header block: skipped (default) or, with {@link Options#malformedHeaderStartsBody},
     * the body starts there. Input that does not start with a header at all is all body.
     */
    private byte[] fixHeaderBlock(byte[] raw, List<String> warnings) {
        int pos = 0;
        if (raw.length > 5 && new String(raw, 0, 5, StandardCharsets.ISO_8859_1).equals("From ")) {
            // mbox separator line ("From sender date"): not part of the message
            while (pos < raw.length && raw[pos] != '\n') {
                pos++;
            }
            raw = java.util.Arrays.copyOfRange(raw, Math.min(pos + 1, raw.length), raw.length);
            pos = 0;
        }
        int lineNo = 0;
        List<String> junk = new ArrayList<>();
        while (pos < raw.length) {
            int end = pos;
            while (end < raw.length && raw[end] != '\n') {
                end++;
            }
            int contentEnd = end;
            if (contentEnd > pos && raw[contentEnd - 1] == '\r') {
                contentEnd--;
            }
            String line = new String(raw, pos, contentEnd - pos, StandardCharsets.ISO_8859_1);
            if (line.isEmpty()) {
                break; // end of header block
            }
            boolean continuation = line.startsWith(" ") || line.startsWith("\t");
            boolean valid = HEADER_LINE.matcher(line).matches() || (continuation && lineNo > 0);
            if (!valid) {
                if (lineNo == 0 || options.malformedHeaderStartsBody()) {
                    if (lineNo == 0) {
                        warnings.add("Aucun en-tête : tout le message est traité comme du texte.");
                    } else {
                        warnings.add("Ligne d'en-tête invalide, début du corps : " + abbreviate(line));
                    }
                    return insertBlankLine(raw, pos);
                }
                junk.add(abbreviate(line));
            }
            lineNo++;
            pos = end + 1;
        }
        if (!junk.isEmpty()) {
            warnings.add("Lignes d'en-tête invalides ignorées : " + String.join(" | ", junk));
        }
        return raw;
    }

    private static byte[] insertBlankLine(byte[] raw, int at) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + 2);
        out.write(raw, 0, at);
        out.write('\r');
        out.write('\n');
        out.write(raw, at, raw.length - at);
        return out.toByteArray();
    }

    private static String abbreviate(String s) {
        return TextCut.cut(s, 81);
    }

    private MailHeaders readHeaders(Part part) {
        List<MailHeaders.Field> fields = new ArrayList<>();
        try {
            Enumeration<Header> all = part.getAllHeaders();
            while (all.hasMoreElements()) {
                Header h = all.nextElement();
                if (h.getName() == null || !FIELD_NAME.matcher(h.getName().trim()).matches()) {
                    continue;
                }
                String value = h.getValue() == null ? "" : unfold(h.getValue());
                fields.add(new MailHeaders.Field(h.getName().trim(), EncodedWords.decode(value).trim()));
            }
        } catch (MessagingException e) {
            // headers unreadable: keep what was collected
        }
        return new MailHeaders(fields);
    }

    private static String rawHeader(Part part, String name) {
        try {
            String[] values = part.getHeader(name);
            return values == null || values.length == 0 ? null : unfold(values[0]);
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String unfold(String value) {
        return value.replaceAll("\\r?\\n", "");
    }

    // ------------------------------------------------------------------ MIME tree

    /** Internal tree node. */
    private static final class Node {
        final String path;
        final HeaderParams type;
        final String disposition;
        final String filename;
        final List<Node> children = new ArrayList<>();
        MailPart leaf;
        ParsedMail message;
        byte[] messageBytes;
        String contentId;

        Node(String path, HeaderParams type, String disposition, String filename) {
            this.path = path;
            this.type = type;
            this.disposition = disposition;
            this.filename = filename;
        }

        boolean isMultipart() {
            return type.primaryType().equals("multipart") && leaf == null;
        }
    }

    private Node walk(Part part, String path, boolean inDigest, int depth, List<String> warnings) {
        String ctHeader = rawHeader(part, "Content-Type");
        HeaderParams type = HeaderParams.parse(ctHeader);
        if (type.value().isEmpty() || !type.value().matches("[a-z0-9!#$&.+^_-]+/[a-z0-9!#$&.+^_-]+")) {
            if (ctHeader != null && !ctHeader.isBlank()) {
                warnings.add("Content-Type invalide (" + abbreviate(ctHeader) + "), text/plain supposé.");
            }
            type = new HeaderParams(inDigest ? "message/rfc822" : "text/plain", type.params());
        }
        HeaderParams disposition = HeaderParams.parse(rawHeader(part, "Content-Disposition"));
        String filename = disposition.param("filename");
        if (filename == null || filename.isBlank()) {
            filename = type.param("name");
        }
        filename = filename == null || filename.isBlank() ? null : cleanFilename(filename);
        Node node = new Node(path, type, disposition.value().isEmpty() ? null : disposition.value(), filename);
        node.contentId = contentId(rawHeader(part, "Content-ID"));
        byte[] raw = rawBody(part);
        String cte = rawHeader(part, "Content-Transfer-Encoding");

        if (type.primaryType().equals("multipart") && depth < options.maxDepth()) {
            byte[] body = TransferDecoding.isKnown(cte) ? raw : TransferDecoding.decode(raw, cte);
            if (cte != null && cte.trim().equalsIgnoreCase("base64")) {
                body = TransferDecoding.decode(raw, cte);
            }
            String boundary = type.param("boundary");
            if (boundary == null || boundary.isEmpty()) {
                boundary = guessBoundary(body);
            }
            MultipartSplitter.Split split = boundary == null ? null : MultipartSplitter.split(body, boundary);
            if (split != null) {
                boolean digest = type.value().equals("multipart/digest");
                for (int i = 0; i < split.parts().size(); i++) {
                    String childPath = path + "_" + (i + 1);
                    try {
                        MimeBodyPart child = new MimeBodyPart(new ByteArrayInputStream(split.parts().get(i)));
                        node.children.add(walk(child, childPath, digest, depth + 1, warnings));
                    } catch (MessagingException | RuntimeException e) {
                        warnings.add("Partie " + childPath + " illisible : " + e.getMessage());
                        Node broken = new Node(childPath, new HeaderParams("application/octet-stream", java.util.Map.of()),
                                "attachment", null);
                        broken.leaf = leaf(childPath, broken.type, null, null, "attachment", split.parts().get(i), warnings);
                        node.children.add(broken);
                    }
                }
                return node;
            }
            warnings.add("Multipart sans séparateur trouvé, partie " + path + " conservée en texte.");
            Node fallback = new Node(path, new HeaderParams("text/plain", type.params()), node.disposition, filename);
            fallback.leaf = leaf(path, fallback.type, filename, node.contentId, node.disposition, body, warnings);
            return fallback;
        }
        byte[] decoded = TransferDecoding.decode(raw, cte);
        if ((type.value().equals("message/rfc822") || type.value().equals("message/global"))
                && depth < options.maxDepth() && decoded.length > 0) {
            node.messageBytes = decoded;
            node.message = parseNested(decoded, depth + 1);
            node.children.add(nestedRoot(node.message, path + "_1"));
            return node;
        }
        node.leaf = leaf(path, type, filename, node.contentId, node.disposition, decoded, warnings);
        return node;
    }

    /** Missing boundary parameter: the first line starting with "--" is taken as the delimiter. */
    private static String guessBoundary(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 64 * 1024), StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("(?m)^--([^\\s]{1,200}?)(--)?\\s*$").matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** Attached message: parsed as a full mail; its tree is re-rooted under the attachment path. */
    private ParsedMail parseNested(byte[] bytes, int depth) {
        return parseMessage(bytes, depth);
    }

    /** Rebuilds a tree view of the nested message parts with paths below the attaching node. */
    private Node nestedRoot(ParsedMail nested, String path) {
        Node holder = new Node(path, new HeaderParams("multipart/x-nested", java.util.Map.of()), null, null);
        for (MailPart p : nested.parts()) {
            String sub = p.path().length() > 1 ? p.path().substring(1) : "";
            MailPart moved = new MailPart(path + sub, p.contentType(), p.charset(), p.declaredCharset(), p.filename(),
                    p.contentId(), p.disposition(), p.bytes(), p.text());
            Node child = new Node(moved.path(), new HeaderParams(p.contentType(), java.util.Map.of()), p.disposition(),
                    p.filename());
            child.leaf = moved;
            holder.children.add(child);
        }
        return holder;
    }

    private Node leafFromBytes(byte[] raw, String path, List<String> warnings) {
        Node node = new Node(path, new HeaderParams("text/plain", java.util.Map.of()), null, null);
        node.leaf = leaf(path, node.type, null, null, null, raw, warnings);
        return node;
    }

    private MailPart leaf(String path, HeaderParams type, String filename, String contentId, String disposition,
                          byte[] bytes, List<String> warnings) {
        if (type.primaryType().equals("text")) {
            String declared = type.param("charset");
            if (declared == null && type.value().equals("text/html")) {
                declared = htmlMetaCharset(bytes);
            }
            TextCharsets.Decoded decoded = TextCharsets.decode(bytes, declared);
            if (decoded.fallback() && warnings != null) {
                warnings.add("Partie " + path + " : jeu de caractères déclaré « " + (declared == null ? "aucun" : declared)
                        + " » inutilisable, texte décodé en " + decoded.charset().name() + ".");
            }
            String text = decoded.text();
            if (type.value().equals("text/plain") && FlowedText.isFlowed(type.param("format"))) {
                text = FlowedText.decode(text, "yes".equalsIgnoreCase(type.param("delsp")));
            }
            return new MailPart(path, type.value(), decoded.charset().name(), declared, filename, contentId, disposition,
                    bytes, text);
        }
        return new MailPart(path, type.value(), null, type.param("charset"), filename, contentId, disposition, bytes,
                null);
    }

    private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)");

    private static String htmlMetaCharset(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    private static byte[] rawBody(Part part) {
        try {
            InputStream in = part instanceof MimeMessage mm ? mm.getRawInputStream()
                    : part instanceof MimeBodyPart bp ? bp.getRawInputStream() : part.getInputStream();
            try (in) {
                return in.readAllBytes();
            }
        } catch (MessagingException | IOException e) {
            return new byte[0];
        }
    }

    private static String cleanFilename(String name) {
        String n = name.replaceAll("[\\r\\n\\t]", " ").trim();
        // Windows paths sent by some clients
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        if (slash >= 0 && slash < n.length() - 1) {
            n = n.substring(slash + 1);
        }
        return n;
    }

    private static String contentId(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.trim();
        Matcher m = ANGLE_ID.matcher(v);
        return m.find() ? m.group(1).trim() : v;
    }

    // ------------------------------------------------------------------ body and attachments

    private record BodyChoice(String plain, String html) {
    }

    private static boolean isBodyCandidate(Node node) {
        if (node.leaf == null || !node.leaf.isText()) {
            return false;
        }
        String t = node.type.value();
        if (!t.equals("text/plain") && !t.equals("text/html") && !t.equals("text/enriched")) {
            return false;
        }
        if ("attachment".equals(node.disposition)) {
            return false;
        }
        return node.filename == null;
    }

    private BodyChoice chooseBody(Node node) {
        if (node.leaf != null) {
            if (!isBodyCandidate(node)) {
                return new BodyChoice(null, null);
            }
            return node.type.value().equals("text/html") ? new BodyChoice(null, node.leaf.text())
                    : new BodyChoice(node.leaf.text(), null);
        }
        if (node.message != null || node.type.value().equals("multipart/x-nested")) {
            return new BodyChoice(null, null);
        }
        boolean alternative = node.type.value().equals("multipart/alternative");
        String plain = null;
        String html = null;
        List<String> mixedText = new ArrayList<>();
        for (Node child : node.children) {
            BodyChoice c = chooseBody(child);
            if (alternative) {
                if (plain == null && c.plain != null) {
                    plain = c.plain;
                }
                if (c.html != null) {
                    html = c.html; // the last alternative is the richest
                }
            } else {
                if (c.plain != null && !c.plain.isBlank()) {
                    mixedText.add(c.plain);
                } else if (c.html != null) {
                    mixedText.add(HtmlToText.convert(c.html));
                }
                if (html == null && c.html != null) {
                    html = c.html;
                }
            }
        }
        if (!alternative) {
            plain = mixedText.isEmpty() ? null : String.join("\n", mixedText);
        }
        return new BodyChoice(plain, html);
    }

    /** Leaf parts in order; the nodes that are attachments (not the body); attached messages, parsed. */
    private void collect(Node node, List<MailPart> parts, List<Node> attachmentNodes, List<ParsedMail> attached) {
        if (node.leaf != null) {
            parts.add(node.leaf);
            if (!isBodyCandidate(node)) {
                attachmentNodes.add(node);
            }
            return;
        }
        if (node.message != null) {
            attached.add(node.message);
            attachmentNodes.add(node);
            for (Node child : node.children) {
                collectPartsOnly(child, parts);
            }
            return;
        }
        for (Node child : node.children) {
            collect(child, parts, attachmentNodes, attached);
        }
    }

    private void collectPartsOnly(Node node, List<MailPart> parts) {
        if (node.leaf != null) {
            parts.add(node.leaf);
        }
        for (Node child : node.children) {
            collectPartsOnly(child, parts);
        }
    }

    /**
     * The attachments: files named as sent, unnamed parts named after what they are, winmail.dat opened into the files
     * it carries, and an unnamed copy of another attachment (the inline calendar next to {@code invite.ics}) left out,
     * unless an HTML body shows it by its Content-ID.
     */
    private static List<MailAttachment> attachments(List<Node> nodes, CalendarEvent calendar) {
        List<MailAttachment> found = new ArrayList<>(); // unnamed parts have a null file name here
        for (Node node : nodes) {
            if (node.message != null) {
                String name = node.filename != null ? node.filename
                        : (node.message.subject().isBlank() ? "message" : safeName(node.message.subject())) + ".eml";
                found.add(new MailAttachment(name, node.type.value(), node.messageBytes.length, node.contentId,
                        false, node.messageBytes, node.path));
                continue;
            }
            MailPart p = node.leaf;
            List<TnefAttachments.File> files = TnefAttachments.isTnef(p.contentType(), p.filename())
                    ? TnefAttachments.files(p.bytes()) : List.of();
            for (int i = 0; i < files.size(); i++) {
                TnefAttachments.File f = files.get(i);
                found.add(new MailAttachment(f.filename(), f.contentType(), f.bytes().length, null, false, f.bytes(),
                        p.path() + "_tnef" + (i + 1)));
            }
            if (files.isEmpty()) {
                boolean inline = "inline".equals(node.disposition) || (node.contentId != null
                        && !"attachment".equals(node.disposition) && p.contentType().startsWith("image/"));
                found.add(new MailAttachment(p.filename(), p.contentType(), p.bytes().length, p.contentId(), inline,
                        p.bytes(), p.path()));
            }
        }
        PartNames names = new PartNames();
        found.stream().map(MailAttachment::filename).filter(Objects::nonNull).forEach(names::given);
        List<MailAttachment> attachments = new ArrayList<>();
        for (MailAttachment a : found) {
            if (a.filename() != null) {
                attachments.add(a);
            } else if (a.contentId() != null
                    || found.stream().noneMatch(o -> o.filename() != null && Arrays.equals(o.bytes(), a.bytes()))) {
                attachments.add(new MailAttachment(names.forUnnamed(a.contentType(), calendar), a.contentType(), a.size(),
                        a.contentId(), a.inline(), a.bytes(), a.partPath()));
            }
        }
        return attachments;
    }

    /** The event of the first calendar part ({@code text/calendar}, {@code application/ics} or a {@code .ics} file). */
    private static CalendarEvent calendar(List<MailPart> parts) {
        for (MailPart p : parts) {
            boolean ics = p.contentType().equals("text/calendar") || p.contentType().equals("application/ics")
                    || (p.filename() != null && p.filename().toLowerCase(Locale.ROOT).endsWith(".ics"));
            if (ics) {
                String text = p.text() != null ? p.text() : new String(p.bytes(), StandardCharsets.UTF_8);
                Optional<CalendarEvent> event = CalendarReader.read(text, null);
                if (event.isPresent()) {
                    return event.get();
                }
            }
        }
        return null;
    }

    private static String safeName(String subject) {
        String s = subject.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").trim();
        return TextCut.head(s, 80);
    }

    // ------------------------------------------------------------------ header values

    private static MailAddress first(List<MailAddress> list) {
        return list.isEmpty() ? null : list.get(0);
    }

    private static String first(java.util.Collection<String> list) {
        return list.isEmpty() ? null : list.iterator().next();
    }

    /**
     * An address header with encoded words is parsed before they are decoded: a display name that decodes to
     * « &lt;script&gt; » or « Dupont, Marie » stays a name instead of becoming an address.
     */
    private static List<MailAddress> addresses(MimeMessage message, MailHeaders decoded, String name) {
        try {
            String[] raw = message == null ? null : message.getHeader(name);
            if (raw != null && Arrays.stream(raw).anyMatch(v -> v != null && v.contains("=?"))) {
                return addresses(Arrays.stream(raw).map(v -> v == null ? null : unfold(v)).toList());
            }
        } catch (MessagingException e) {
            // unreadable raw header: the decoded one below
        }
        return addresses(decoded.all(name));
    }

    /** Parses address headers (already decoded) leniently. */
    static List<MailAddress> addresses(List<String> values) {
        List<MailAddress> out = new ArrayList<>();
        for (String value : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                InternetAddress[] parsed = InternetAddress.parseHeader(value, false);
                for (InternetAddress a : parsed) {
                    String address = a.getAddress() == null ? "" : a.getAddress().trim();
                    String personal = a.getPersonal();
                    if (personal != null) {
                        personal = EncodedWords.decode(personal).trim();
                        personal = personal.isEmpty() ? null : personal;
                    }
                    if (address.isEmpty() && personal == null) {
                        continue;
                    }
                    out.add(new MailAddress(address, personal));
                }
            } catch (AddressException | RuntimeException e) {
                Matcher m = LOOSE_ADDRESS.matcher(value);
                while (m.find()) {
                    out.add(new MailAddress(m.group(), null));
                }
            }
        }
        return out;
    }

    static String messageId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher m = ANGLE_ID.matcher(value);
        String id = m.find() ? m.group(1) : value.trim().split("\\s+")[0];
        id = id.trim();
        return id.isEmpty() ? null : id;
    }

    static Set<String> ids(String value) {
        Set<String> out = new LinkedHashSet<>();
        if (value == null || value.isBlank()) {
            return out;
        }
        Matcher m = ANGLE_ID.matcher(value);
        while (m.find()) {
            if (!m.group(1).isBlank()) {
                out.add(m.group(1).trim());
            }
        }
        if (out.isEmpty()) {
            for (String token : value.trim().split("[\\s,]+")) {
                if (token.contains("@")) {
                    out.add(token);
                }
            }
        }
        return out;
    }

    static OffsetDateTime parseDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            MailDateFormat format = new MailDateFormat();
            Date date = format.parse(v, new ParsePosition(0));
            if (date == null) {
                return null;
            }
            ZoneOffset offset = ZoneOffset.UTC;
            Matcher z = ZONE.matcher(v);
            if (z.find()) {
                int hours = Integer.parseInt(z.group(2));
                int minutes = Integer.parseInt(z.group(3));
                if (hours <= 18 && minutes < 60) {
                    int total = hours * 3600 + minutes * 60;
                    offset = ZoneOffset.ofTotalSeconds(z.group(1).equals("-") ? -total : total);
                }
            }
            return date.toInstant().atOffset(offset);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** SHA-256 over normalized sender, date and text; stable across re-encodings of the same mail. */
    static String contentHash(MailAddress from, OffsetDateTime date, String text) {
        String normalizedText = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC)
                .replaceAll("\\s+", " ").trim();
        String material = (from == null ? "" : from.normalizedAddress()) + "\n"
                + (date == null ? "" : Long.toString(date.toEpochSecond())) + "\n" + normalizedText;
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(material.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 indisponible", e);
        }
    }

    private static String normalizeNewlines(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
