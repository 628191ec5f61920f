package fr.sommenumerique.helpdesk.web;

import fr.sommenumerique.helpdesk.web.render.EmailHtml;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailHtmlTest {

    @Test
    void scripts_handlers_styles_frames_forms_and_remote_images_are_removed() {
        String cleaned = EmailHtml.clean("<div onmouseover=\"x()\"><p>Bonjour <b>Marie</b></p><script>alert(1)</script>"
                + "<style>p{}</style><iframe src=\"https://x\"></iframe><form action=\"https://x\"><input name=p></form>"
                + "<img src=\"https://pisteur.example/p.gif\"><svg onload=\"alert(1)\"></svg>"
                + "<a href=\"javascript:alert(1)\">a</a><a href=\"https://sommenumerique.fr\">site</a></div>");
        assertThat(cleaned).contains("<p>Bonjour <b>Marie</b></p>")
                .doesNotContain("script").doesNotContain("style").doesNotContain("iframe").doesNotContain("form")
                .doesNotContain("img").doesNotContain("svg").doesNotContain("onmouseover").doesNotContain("javascript:")
                .contains("<a href=\"https://sommenumerique.fr\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">site</a>");
    }

    @Test
    void the_frame_document_forbids_everything_but_inline_images() {
        String doc = EmailHtml.document("<p>Bonjour</p>");
        assertThat(doc).startsWith("<!DOCTYPE html>").contains("content=\"default-src 'none'; img-src data:\"")
                .contains("<p>Bonjour</p>");
        assertThat(EmailHtml.clean(null)).isEmpty();
    }

    @Test
    void knowledge_passages_keep_only_mark() {
        assertThat(EmailHtml.passage("Le <mark>certificat</mark> RGS** <script>x</script><b>gras</b> &lt;i&gt;"))
                .isEqualTo("Le <mark>certificat</mark> RGS** gras &lt;i&gt;");
    }
}
