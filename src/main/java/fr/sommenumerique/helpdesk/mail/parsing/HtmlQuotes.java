package fr.sommenumerique.helpdesk.mail.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Cuts quote containers from mail HTML on the DOM: Gmail ({@code gmail_quote}), Outlook web
 * ({@code divRplyFwdMsg}, {@code appendonsend}), Outlook desktop (border-top header div), Thunderbird
 * ({@code moz-cite-prefix}), Apple Mail ({@code blockquote type=cite}), Yahoo ({@code yahoo_quoted}),
 * Zimbra ({@code data-marker=__DIVIDER__}). The text left is then handled by {@link QuotationStripper}.
 */
final class HtmlQuotes {

    /** What the removed container was. */
    enum Kind {
        /** Nothing was removed. */
        NONE,
        /** A quotation (attribution « … a écrit : », cite prefix): never a forward. */
        QUOTE,
        /** A forwarded message (explicit marker such as « Message transféré »). */
        FORWARD,
        /** A header block (« De : … Envoyé : … ») that clients put above replies and forwards alike. */
        HEADER_BLOCK
    }

    /**
     * @param document the document with the container removed (modified in place)
     * @param removed  text of the removed container(s)
     * @param kind     what it was
     */
    record Cut(Document document, String removed, Kind kind) {
    }

    private static final Pattern OUTLOOK_BORDER = Pattern.compile(
            "(?i)border:\\s*none;\\s*border-top:\\s*solid\\s*#(?:E1E1E1|B5C4DF)\\s*1\\.0pt;\\s*padding:\\s*3\\.0pt\\s*0(?:in|cm)\\s*0(?:in|cm)\\s*0(?:in|cm).*");
    private static final Pattern WINDOWS_MAIL = Pattern.compile(
            "(?i)\\s*padding-top:\\s*5px;\\s*border-top-color:\\s*rgb\\(229,\\s*229,\\s*229\\);\\s*border-top-width:\\s*1px;\\s*border-top-style:\\s*solid;?\\s*");

    private static final Pattern SEPARATOR = Pattern.compile("^[ \\t]*[-_=*]{3,}[ \\t]*$");

    private HtmlQuotes() {
    }

    static Cut cut(Document doc) {
        // Gmail: the container says itself whether it forwards (« ---------- Forwarded message --------- ») or quotes
        for (Element q : doc.select("div.gmail_quote, div.gmail_quote_container")) {
            if (q.parents().is("div.gmail_quote, div.gmail_quote_container")) {
                continue;
            }
            String text = HtmlToText.convert(q);
            Kind kind = startsWithForwardMarker(text) ? Kind.FORWARD : Kind.QUOTE;
            removeWithAttribution(q);
            return new Cut(doc, text, kind);
        }
        Element thunderbirdForward = doc.selectFirst("div.moz-forward-container");
        if (thunderbirdForward != null) {
            String text = HtmlToText.convert(thunderbirdForward);
            thunderbirdForward.remove();
            return new Cut(doc, text, Kind.FORWARD);
        }
        List<Element> splitters = new ArrayList<>();
        splitters.addAll(doc.select("div.yahoo_quoted, div[id$=yahoo_quoted], div.ydp_yahoo_quoted"));
        splitters.addAll(doc.select("hr[data-marker=__DIVIDER__]"));
        splitters.addAll(doc.select("div#divRplyFwdMsg, div#appendonsend, div#mail-editor-reference-message-container"));
        for (Element div : doc.select("div[style]")) {
            if (OUTLOOK_BORDER.matcher(div.attr("style")).matches() || WINDOWS_MAIL.matcher(div.attr("style")).matches()) {
                Element parent = div.parent();
                splitters.add(parent != null && parent.children().first() == div && parent != doc.body() ? parent : div);
                break;
            }
        }
        for (Element hr : doc.select("div > div.MsoNormal[align=center] > font > span > hr[size=3][width=100%]")) {
            Element outer = hr.parent().parent().parent().parent();
            splitters.add(outer);
            break;
        }
        if (!splitters.isEmpty()) {
            String text = removeWithFollowing(earliest(splitters));
            return new Cut(doc, text, kindOfHeaderContainer(text));
        }
        Element olk = doc.getElementById("OLK_SRC_BODY_SECTION");
        if (olk != null) {
            String text = HtmlToText.convert(olk);
            olk.remove();
            return new Cut(doc, text, kindOfHeaderContainer(text));
        }
        // Thunderbird / Apple Mail / Roundcube / generic: last top-level blockquote (with its attribution line)
        Element last = null;
        for (Element b : doc.select("blockquote")) {
            if (!b.parents().is("blockquote")) {
                last = b;
            }
        }
        if (last == null) {
            return new Cut(doc, "", Kind.NONE);
        }
        List<String> removed = new ArrayList<>();
        for (Element p : doc.select("div.moz-cite-prefix")) {
            removed.add(HtmlToText.convert(p));
            p.remove();
        }
        // Apple Mail: « Début du message réexpédié : » just before or at the top of the quote
        Element before = last.previousElementSibling();
        String quote = HtmlToText.convert(last);
        boolean forward = startsWithForwardMarker(quote);
        if (!forward && before != null && startsWithForwardMarker(HtmlToText.convert(before))) {
            removed.add(HtmlToText.convert(before));
            before.remove();
            forward = true;
        }
        removed.add(quote);
        last.remove();
        return new Cut(doc, join(removed), forward ? Kind.FORWARD : Kind.QUOTE);
    }

    /**
     * A removed header container is a forward when it says so (Zimbra's « Mail transféré »), a quotation when it starts
     * with an attribution (Yahoo's « … a écrit : »), else undecided: a bare header block.
     */
    private static Kind kindOfHeaderContainer(String text) {
        List<String> lines = contentLines(text);
        if (lines.isEmpty()) {
            return Kind.QUOTE;
        }
        if (QuotationStripper.FORWARD.matcher(lines.get(0)).matches()) {
            return Kind.FORWARD;
        }
        boolean attribution = QuotationStripper.splitterLines(lines, 0) > 0 && !QuotationStripper.isHeaderBlock(lines, 0);
        return attribution ? Kind.QUOTE : Kind.HEADER_BLOCK;
    }

    private static boolean startsWithForwardMarker(String text) {
        List<String> lines = contentLines(text);
        return !lines.isEmpty() && QuotationStripper.FORWARD.matcher(lines.get(0)).matches();
    }

    /** The lines of a container's text from its first one that is neither blank nor a separator (----, ____). */
    private static List<String> contentLines(String text) {
        List<String> lines = List.of(text.split("\n", -1));
        int first = 0;
        while (first < lines.size() && (lines.get(first).isBlank() || SEPARATOR.matcher(lines.get(first)).matches())) {
            first++;
        }
        return lines.subList(first, lines.size());
    }

    private static String join(List<String> parts) {
        return String.join("\n", parts).strip();
    }

    /** Removes a Gmail quote and a separate attribution line just before it. */
    private static void removeWithAttribution(Element quote) {
        Element previous = quote.previousElementSibling();
        if (previous != null && previous.hasClass("gmail_attr")) {
            previous.remove();
        }
        quote.remove();
    }

    /** Removes the element, its following siblings, and an {@code <hr>} just before it. */
    private static String removeWithFollowing(Element start) {
        StringBuilder text = new StringBuilder();
        Element previous = start.previousElementSibling();
        if (previous != null && previous.normalName().equals("hr")) {
            previous.remove();
        }
        List<Node> toRemove = new ArrayList<>();
        Node node = start;
        while (node != null) {
            toRemove.add(node);
            node = node.nextSibling();
        }
        for (Node n : toRemove) {
            if (n instanceof Element e) {
                text.append(HtmlToText.convert(e)).append('\n');
            }
            n.remove();
        }
        return text.toString().strip();
    }

    private static Element earliest(List<Element> elements) {
        Element best = null;
        int bestIndex = Integer.MAX_VALUE;
        Document doc = elements.get(0).ownerDocument();
        List<Element> all = doc == null ? List.of() : doc.getAllElements();
        for (Element e : elements) {
            int index = all.indexOf(e);
            if (index >= 0 && index < bestIndex) {
                bestIndex = index;
                best = e;
            }
        }
        return best == null ? elements.get(0) : best;
    }
}
