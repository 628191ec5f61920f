package fr.sommenumerique.helpdesk.mail.parsing;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Readable plain text from HTML: paragraphs, line breaks, list items ("- "), table rows and quotes
 * become lines; scripts, styles and comments disappear.
 */
public final class HtmlToText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "header", "footer", "main",
            "aside", "nav", "address", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "dt", "dd", "table",
            "thead", "tbody", "tfoot", "tr", "blockquote", "pre", "form", "fieldset", "figure", "figcaption",
            "center", "hr", "body", "html", "caption", "details", "summary");
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
            "table", "blockquote", "pre", "dl");
    private static final Set<String> SKIPPED = Set.of("script", "style", "head", "title", "meta", "link",
            "noscript", "template", "object", "embed", "iframe", "svg", "button", "select", "option", "textarea");

    private HtmlToText() {
    }

    public static String convert(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return convert(Jsoup.parse(html).body());
    }

    public static String convert(Element root) {
        if (root == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        walk(root, out, false);
        return tidy(out.toString());
    }

    private static void walk(Node node, StringBuilder out, boolean pre) {
        if (node instanceof TextNode text) {
            String t = pre ? text.getWholeText() : text.getWholeText().replaceAll("\\s+", " ");
            if (!pre) {
                if (t.startsWith(" ") && (out.length() == 0 || endsWithBlank(out))) {
                    t = t.substring(1);
                }
            }
            out.append(t);
            return;
        }
        if (!(node instanceof Element el)) {
            return;
        }
        String tag = el.normalName();
        if (SKIPPED.contains(tag)) {
            return;
        }
        if (tag.equals("br")) {
            trimTrailingSpace(out);
            out.append('\n');
            return;
        }
        if (tag.equals("img")) {
            String alt = el.attr("alt");
            if (!alt.isBlank()) {
                out.append(alt);
            }
            return;
        }
        boolean block = BLOCKS.contains(tag) || tag.equals("li");
        boolean paragraph = PARAGRAPHS.contains(tag);
        if (block) {
            newline(out, paragraph ? 2 : 1);
        }
        if (tag.equals("li")) {
            out.append(el.parent() != null && el.parent().normalName().equals("ol")
                    ? (el.elementSiblingIndex() + 1) + ". " : "- ");
        }
        if (tag.equals("hr")) {
            out.append("----");
            newline(out, 1);
            return;
        }
        boolean isPre = pre || tag.equals("pre");
        for (Node child : el.childNodes()) {
            walk(child, out, isPre);
        }
        if (tag.equals("td") || tag.equals("th")) {
            if (el.nextElementSibling() != null) {
                trimTrailingSpace(out);
                out.append('\t');
            }
        }
        if (block) {
            newline(out, paragraph ? 2 : 1);
        }
    }

    private static boolean endsWithBlank(StringBuilder out) {
        char c = out.charAt(out.length() - 1);
        return c == '\n' || c == ' ' || c == '\t';
    }

    private static void trimTrailingSpace(StringBuilder out) {
        while (out.length() > 0 && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
        }
    }

    private static void newline(StringBuilder out, int wanted) {
        trimTrailingSpace(out);
        if (out.length() == 0) {
            return;
        }
        int existing = 0;
        for (int i = out.length() - 1; i >= 0 && out.charAt(i) == '\n'; i--) {
            existing++;
        }
        for (int i = existing; i < wanted; i++) {
            out.append('\n');
        }
    }

    private static String tidy(String text) {
        String[] lines = text.replace('\u00a0', ' ').split("\n", -1);
        StringBuilder sb = new StringBuilder();
        int blank = 0;
        for (String line : lines) {
            String l = line.replaceAll("[ \\t]+$", "");
            if (l.isBlank()) {
                blank++;
                if (blank > 1) {
                    continue;
                }
                sb.append('\n');
                continue;
            }
            blank = 0;
            sb.append(l).append('\n');
        }
        return sb.toString().strip();
    }
}
