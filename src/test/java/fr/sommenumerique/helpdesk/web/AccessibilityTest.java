package fr.sommenumerique.helpdesk.web;

import fr.sommenumerique.helpdesk.conversation.HandlingResult;
import fr.sommenumerique.helpdesk.conversation.InboundAttachment;
import fr.sommenumerique.helpdesk.conversation.InboundMessage;
import fr.sommenumerique.helpdesk.web.account.StaffRole;
import fr.sommenumerique.helpdesk.web.account.StaffUser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every page, filled with real data, checked for the RGAA basics a machine can verify: French language, page title,
 * skip link to the main content, one h1 and no skipped heading level, a label for every form field, captions and
 * header scopes on tables, titled frames, named buttons, unique ids.
 */
class AccessibilityTest extends WebTestBase {

    @Test
    void every_page_meets_the_machine_checkable_accessibility_rules() throws Exception {
        StaffUser admin = newStaff("a11y", StaffRole.ADMIN);
        RequestPostProcessor as = user(admin.username()).roles("ADMIN");
        HandlingResult ticket = conversations.handle(InboundMessage.email("a11y-" + UUID.randomUUID(), unique("a11y"), "Marie",
                        "Actes bloqué", "Message d'erreur sur Actes.")
                .withBody("Message d'erreur sur Actes.", null, "Message d'erreur sur Actes.\n\n> cité", "<p>Message <b>HTML</b></p>")
                .withAttachments(List.of(new InboundAttachment("capture.png", "image/png", new byte[]{1, 2}, null, false))));
        HandlingResult request = email(unique("a11y-adh"), "Adhésion", "Bonjour, nous souhaitons adhérer à Mairie connectée.");

        List<String> pages = List.of("/tickets", "/tickets?status=all&sort=priority", "/tickets/" + ticket.ticketId(),
                "/demandes", "/demandes?status=all", "/demandes/" + request.subscriptionId(), "/communes", "/communes?q=rue",
                "/communes/80001", "/assistant", "/assistant?question=Quel+certificat+pour+Actes+%3F&commune=80001",
                "/rapports/questions-sans-reponse", "/tableau-de-bord", "/quarantaine", "/envois", "/compte",
                "/compte/mot-de-passe", "/admin/equipe");
        List<String> problems = new ArrayList<>();
        for (String page : pages) {
            String html = mvc.perform(get(page).with(as)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            problems.addAll(check(page, Jsoup.parse(html)));
        }
        problems.addAll(check("/connexion", Jsoup.parse(mvc.perform(get("/connexion")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8))));
        assertThat(problems).isEmpty();
    }

    @Test
    void the_checker_itself_reports_what_is_wrong() {
        Document bad = Jsoup.parse("<html><head><title>x</title></head><body><h1>A</h1><h3>B</h3><h1>C</h1>"
                + "<input id=q><table><thead><tr><th>T</th></tr></thead></table><button></button><iframe></iframe>"
                + "<p id=d></p><p id=d></p></body></html>");
        assertThat(check("/mauvaise", bad)).hasSize(11).contains("/mauvaise: champ sans étiquette <input id=\"q\">",
                "/mauvaise: tableau sans titre (caption)", "/mauvaise: saut de niveau de titre avant « B »");
    }

    static List<String> check(String page, Document doc) {
        List<String> problems = new ArrayList<>();
        if (!"fr".equals(doc.selectFirst("html").attr("lang"))) {
            problems.add(page + ": html sans lang=\"fr\"");
        }
        if (!doc.title().endsWith("— Assistance Mairie connectée") || doc.title().length() < 32) {
            problems.add(page + ": titre de page « " + doc.title() + " »");
        }
        Element skip = doc.body().selectFirst("a[href]");
        if (skip == null || !skip.attr("href").equals("#contenu") || doc.getElementById("contenu") == null
                || !doc.getElementById("contenu").tagName().equals("main")) {
            problems.add(page + ": le premier lien doit mener au contenu (main#contenu)");
        }
        if (doc.select("h1").size() != 1) {
            problems.add(page + ": " + doc.select("h1").size() + " titres h1");
        }
        int previous = 0;
        for (Element h : doc.select("h1, h2, h3, h4, h5, h6")) {
            int level = h.tagName().charAt(1) - '0';
            if (level > previous + 1) {
                problems.add(page + ": saut de niveau de titre avant « " + h.text() + " »");
            }
            previous = level;
        }
        for (Element field : doc.select("input:not([type=hidden]):not([type=submit]), select, textarea")) {
            boolean labelled = field.hasAttr("aria-label") || field.hasAttr("aria-labelledby")
                    || (!field.id().isEmpty() && !doc.select("label[for=" + field.id() + "]").isEmpty());
            if (!labelled) {
                problems.add(page + ": champ sans étiquette " + field.outerHtml());
            }
        }
        for (Element table : doc.select("table")) {
            if (table.selectFirst("caption") == null || table.selectFirst("caption").text().isBlank()) {
                problems.add(page + ": tableau sans titre (caption)");
            }
            for (Element th : table.select("thead th")) {
                if (!th.attr("scope").equals("col")) {
                    problems.add(page + ": en-tête sans scope=col « " + th.text() + " »");
                }
            }
            for (Element th : table.select("tbody th")) {
                if (!th.attr("scope").equals("row")) {
                    problems.add(page + ": en-tête de ligne sans scope=row « " + th.text() + " »");
                }
            }
        }
        for (Element frame : doc.select("iframe")) {
            if (frame.attr("title").isBlank()) {
                problems.add(page + ": cadre sans titre");
            }
        }
        for (Element button : doc.select("button")) {
            if (button.text().isBlank() && button.attr("aria-label").isBlank()) {
                problems.add(page + ": bouton sans nom");
            }
        }
        Set<String> ids = new HashSet<>();
        for (Element e : doc.select("[id]")) {
            if (!ids.add(e.id())) {
                problems.add(page + ": id en double « " + e.id() + " »");
            }
        }
        return problems;
    }
}
