package fr.sommenumerique.helpdesk.mail.parsing;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Makes mail HTML safe to display in the staff UI: jsoup relaxed safelist (no script, style, event
 * handlers, forms, iframes, javascript: URLs), remote images removed (they leak reading to the sender),
 * cid: images kept so the UI can map them to inline attachments.
 */
public final class HtmlSanitizer {

    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeProtocols("img", "src", "http", "https")
            .addProtocols("img", "src", "cid")
            .addAttributes("a", "title")
            .addAttributes("td", "align", "valign")
            .addAttributes("th", "align", "valign")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow")
            .preserveRelativeLinks(false);

    private HtmlSanitizer() {
    }

    public static String sanitize(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document dirty = Jsoup.parse(html);
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        // images whose source was not cid: lost their src: drop them rather than leave empty boxes
        for (Element img : clean.select("img")) {
            if (!img.attr("src").toLowerCase().startsWith("cid:")) {
                img.remove();
            }
        }
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }
}
