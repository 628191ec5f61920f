package fr.sommenumerique.helpdesk.mail.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Elements;

/**
 * Cuts quote containers from mail HTML on the DOM: Gmail ({@code gmail_quote}), Outlook web
 * ({@code divRplyFwdMsg}, {@code appendonsend}), Outlook desktop (border-top header div), Thunderbird
 * ({@code moz-cite-prefix}), Apple Mail ({@code blockquote type=cite}), Yahoo ({@code yahoo_quoted}),
 * Zimbra ({@code data-marker=__DIVIDER__}). The text left is then handled by {@link QuotationStripper}.
 */
final class HtmlQuotes {

    /**
     * @param document  the document with quotes removed (modified in place)
     * @param quoted    text of the removed quote containers
     * @param forwarded text of a forwarded message container
     */
    record Cut(Document document, String quoted, String forwarded) {
    }

    private static final Pattern OUTLOOK_BORDER = Pattern.compile(
            "(?i)border:\\s*none;\\s*border-top:\\s*solid\\s*#(?:E1E1E1|B5C4DF)\\s*1\\.0pt;\\s*padding:\\s*3\\.0pt\\s*0(?:in|cm)\\s*0(?:in|cm)\\s*0(?:in|cm).*");
    private static final Pattern WINDOWS_MAIL = Pattern.compile(
            "(?i)\\s*padding-top:\\s*5px;\\s*border-top-color:\\s*rgb\\(229,\\s*229,\\s*229\\);\\s*border-top-width:\\s*1px;\\s*border-top-style:\\s*solid;?\\s*");

    private HtmlQuotes() {
    }

    static Cut cut(Document doc) {
        return cut(doc, false);
    }

    static Cut cut(Document doc, boolean forwardHint) {
        List<String> quoted = new ArrayList<>();
        List<String> forwarded = new ArrayList<>();

        // Gmail: forwarded message block first, then the reply quote
        for (Element q : doc.select("div.gmail_quote, div.gmail_quote_container")) {
            if (q.parents().is("div.gmail_quote, div.gmail_quote_container")) {
                continue;
            }
            String text = HtmlToText.convert(q);
            String firstLine = text.strip().split("\n", 2)[0];
            if (QuotationStripper.FORWARD.matcher(firstLine).matches() || forwardHint) {
                forwarded.add(text);
            } else {
                quoted.add(text);
            }
            removeWithAttribution(q);
            return new Cut(doc, join(quoted), join(forwarded));
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
            Element first = earliest(splitters);
            String text = removeWithFollowing(first);
            (forwardHint ? forwarded : quoted).add(text);
            return new Cut(doc, join(quoted), join(forwarded));
        }
        Element olk = doc.getElementById("OLK_SRC_BODY_SECTION");
        if (olk != null) {
            quoted.add(HtmlToText.convert(olk));
            olk.remove();
            return new Cut(doc, join(quoted), join(forwarded));
        }
        // Thunderbird / Apple Mail / generic: last top-level blockquote (with its attribution line)
        Elements cites = doc.select("blockquote");
        Element last = null;
        for (Element b : cites) {
            if (!b.parents().is("blockquote")) {
                last = b;
            }
        }
        if (last != null) {
            Element prefix = last.previousElementSibling();
            if (prefix != null && prefix.hasClass("moz-cite-prefix")) {
                quoted.add(HtmlToText.convert(prefix));
                prefix.remove();
            }
            for (Element p : doc.select("div.moz-cite-prefix")) {
                quoted.add(HtmlToText.convert(p));
                p.remove();
            }
            (forwardHint ? forwarded : quoted).add(HtmlToText.convert(last));
            last.remove();
        }
        return new Cut(doc, join(quoted), join(forwarded));
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
