package fr.sommenumerique.helpdesk.web.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * A second, stricter clean of e-mail HTML before it is shown to staff (the mail layer already sanitized it: this is
 * defence in depth). No scripts, styles, forms, frames, event handlers or remote resources: images may only be
 * inline {@code data:} ones; links keep http(s)/mailto and open outside the sandboxed frame.
 */
public final class EmailHtml {

    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeTags("img")
            .addTags("hr", "font", "center")
            .addAttributes("td", "align", "valign", "colspan", "rowspan")
            .addAttributes("th", "align", "valign", "colspan", "rowspan", "scope")
            .addAttributes(":all", "dir", "lang")
            .removeProtocols("a", "href", "ftp")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow")
            .addEnforcedAttribute("a", "target", "_blank");

    private EmailHtml() {
    }

    /** Safe body markup, or an empty string. */
    public static String clean(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document.OutputSettings settings = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, "", SAFELIST, settings);
    }

    /**
     * A complete document for the {@code srcdoc} of a sandboxed iframe: the cleaned body, a base target so links do
     * not navigate the frame, and a restrictive policy of its own.
     */
    public static String document(String html) {
        return "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:\">"
                + "<base target=\"_blank\"></head><body>"
                + clean(html) + "</body></html>";
    }

    /** Search passages from the knowledge base: escaped text whose only markup is {@code <mark>}. */
    public static String passage(String html) {
        if (html == null) {
            return "";
        }
        return Jsoup.clean(html, "", Safelist.none().addTags("mark"), new Document.OutputSettings().prettyPrint(false));
    }
}
