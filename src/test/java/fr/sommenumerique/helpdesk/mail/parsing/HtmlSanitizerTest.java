package fr.sommenumerique.helpdesk.mail.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlSanitizerTest {

    @Test
    void xssPayloadsComeOutInert() {
        String dirty = "<p onclick=\"steal()\">Bonjour <b>Madame</b></p>"
                + "<img src=x onerror=alert(1)>"
                + "<script>alert('script')</script>"
                + "<a href=\"javascript:alert(2)\">cliquez</a>"
                + "<a href=\"https://www.somme-numerique.fr/aide\">aide</a>"
                + "<iframe src=\"https://evil.example\"></iframe>"
                + "<form action=\"https://evil.example\"><input name=p></form>"
                + "<style>body{display:none}</style>"
                + "<div style=\"background:url(javascript:alert(3))\">texte</div>"
                + "<svg onload=alert(4)></svg>";
        String clean = HtmlSanitizer.sanitize(dirty);

        assertThat(clean).doesNotContainIgnoringCase("script")
                .doesNotContainIgnoringCase("onerror")
                .doesNotContainIgnoringCase("onclick")
                .doesNotContainIgnoringCase("onload")
                .doesNotContainIgnoringCase("javascript:")
                .doesNotContainIgnoringCase("alert")
                .doesNotContainIgnoringCase("<iframe")
                .doesNotContainIgnoringCase("<form")
                .doesNotContainIgnoringCase("<input")
                .doesNotContainIgnoringCase("<style")
                .doesNotContainIgnoringCase("style=")
                .doesNotContainIgnoringCase("<img");
        assertThat(clean).contains("<b>Madame</b>").contains(">cliquez</a>")
                .contains("href=\"https://www.somme-numerique.fr/aide\"").contains("texte");
    }

    @Test
    void keepsCidImagesAndDropsRemoteOnes() {
        String clean = HtmlSanitizer.sanitize("<p>Logo <img src=\"cid:logo@mairie\" alt=\"logo\">"
                + "<img src=\"https://tracker.example/p.gif\"><img src=\"data:image/png;base64,AAAA\"></p>");
        assertThat(clean).contains("<img src=\"cid:logo@mairie\" alt=\"logo\">")
                .doesNotContain("tracker.example").doesNotContain("data:");
    }

    @Test
    void htmlToTextKeepsParagraphsAndLists() {
        String text = HtmlToText.convert("<html><head><title>x</title><style>p{}</style></head><body>"
                + "<p>Bonjour,</p><p>Ligne un<br>Ligne deux</p><ul><li>premier</li><li>second</li></ul>"
                + "<ol><li>un</li><li>deux</li></ol><table><tr><td>a</td><td>b</td></tr></table></body></html>");
        assertThat(text).isEqualTo("Bonjour,\n\nLigne un\nLigne deux\n\n- premier\n- second\n\n1. un\n2. deux\n\na\tb");
    }
}
