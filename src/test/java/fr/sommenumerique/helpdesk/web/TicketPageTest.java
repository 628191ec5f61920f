package fr.sommenumerique.helpdesk.web;

import fr.sommenumerique.helpdesk.assistant.Priority;
import fr.sommenumerique.helpdesk.conversation.HandlingResult;
import fr.sommenumerique.helpdesk.conversation.InboundAttachment;
import fr.sommenumerique.helpdesk.conversation.InboundMessage;
import fr.sommenumerique.helpdesk.knowledge.KnowledgeBase;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.MessageDirection;
import fr.sommenumerique.helpdesk.ticketing.Outbox;
import fr.sommenumerique.helpdesk.ticketing.OutboxMessage;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.TicketMessage;
import fr.sommenumerique.helpdesk.ticketing.TicketStatus;
import fr.sommenumerique.helpdesk.ticketing.Tickets;
import fr.sommenumerique.helpdesk.web.account.StaffUser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The ticket page: safe rendering of e-mails, collapsed quotes, and every staff action through the real forms. */
class TicketPageTest extends WebTestBase {

    @Autowired
    Tickets tickets;
    @Autowired
    Outbox outbox;
    @Autowired
    KnowledgeBase knowledge;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private StaffUser agent;
    private RequestPostProcessor asAgent;

    @BeforeEach
    void agent() {
        agent = newAgent("page");
        asAgent = user(agent.username()).roles("AGENT");
    }

    @Test
    void an_xss_payload_in_an_email_is_shown_as_inert_text_and_cleaned_html() throws Exception {
        String html = "<p onclick=\"steal()\">Bonjour</p><script>alert('html')</script>"
                + "<img src=\"https://pisteur.example/p.gif\" onerror=\"alert(1)\"><a href=\"javascript:alert(2)\">lien</a>"
                + "<iframe src=\"https://evil.example\"></iframe><style>body{display:none}</style>";
        String text = "<script>alert('texte')</script> Le certificat RGS** est-il obligatoire pour Actes ?";
        HandlingResult r = conversations.handle(InboundMessage.email("xss-" + UUID.randomUUID(), unique("pirate"),
                        "<b>Pirate</b>", "<script>alert('objet')</script>", text)
                .withBody(text, null, text, html));

        String page = page("/tickets/" + r.ticketId());
        Document doc = Jsoup.parse(page);
        assertThat(doc.select("script").eachAttr("src")).allMatch(src -> src.endsWith("/js/app.js"));
        assertThat(doc.select("script").stream().filter(s -> !s.hasAttr("src"))).isEmpty();
        assertThat(doc.select("[onclick], [onerror]")).isEmpty();
        assertThat(doc.select("h1").text()).contains("<script>alert('objet')</script>");
        assertThat(doc.select(".conversation .text").text()).contains("<script>alert('texte')</script>");
        assertThat(page).doesNotContain("<script>alert(");

        Element frame = doc.selectFirst("iframe.mail-frame");
        assertThat(frame).isNotNull();
        assertThat(frame.attr("sandbox")).isEmpty();
        assertThat(frame.hasAttr("sandbox")).isTrue();
        Document framed = Jsoup.parse(frame.attr("srcdoc"));
        assertThat(framed.select("p").text()).isEqualTo("Bonjour");
        assertThat(framed.select("script, style, iframe, img")).isEmpty();
        assertThat(framed.select("[onclick], [onerror]")).isEmpty();
        assertThat(framed.select("a").attr("href")).isEmpty();
        assertThat(framed.select("meta[http-equiv=Content-Security-Policy]").attr("content")).contains("default-src 'none'");
    }

    @Test
    void quoted_history_is_collapsed_and_the_new_text_is_shown_first() throws Exception {
        String full = """
                Bonjour,

                Le problème persiste ce matin sur Actes.

                Le lun. 2 mars 2026 à 10:02, Assistance Mairie connectée <support@mairie-connectee.local> a écrit :
                > Bonjour,
                > Pouvez-vous préciser le message d'erreur ?
                """;
        HandlingResult r = conversations.handle(InboundMessage.email("quote-" + UUID.randomUUID(), unique("quote"), null,
                        "Actes toujours en erreur", "Le problème persiste ce matin sur Actes, message d'erreur.")
                .withBody("Le problème persiste ce matin sur Actes, message d'erreur.", null, full, null));

        Document doc = Jsoup.parse(page("/tickets/" + r.ticketId()));
        Element first = doc.selectFirst(".conversation .msg-in .message-body");
        assertThat(first.selectFirst("div.text").text()).contains("Le problème persiste ce matin");
        Element quoted = first.selectFirst("details.quoted");
        assertThat(quoted).isNotNull();
        assertThat(quoted.hasAttr("open")).isFalse();
        assertThat(quoted.select("summary").text()).startsWith("Texte cité");
        assertThat(quoted.text()).contains("a écrit :").contains("Pouvez-vous préciser");
        assertThat(first.selectFirst("div.text").text()).doesNotContain("Pouvez-vous préciser");
    }

    @Test
    void a_reply_is_recorded_and_queued_on_the_tickets_channel_with_threading() throws Exception {
        String requester = unique("reponse");
        HandlingResult r = email(requester, "Actes bloqué", "Message d'erreur « fichier non conforme » sur Actes.");
        Ticket ticket = tickets.findById(r.ticketId()).orElseThrow();

        mvc.perform(post("/tickets/" + ticket.id() + "/reponse").with(asAgent).with(csrf())
                        .param("text", "Bonjour, déposez le PDF sans accent dans le nom.").param("statusAfter", "PENDING"))
                .andExpect(redirectedUrl("/tickets/" + ticket.id()))
                .andExpect(flash().attribute("success", "Réponse envoyée."));

        Ticket after = tickets.findById(ticket.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(TicketStatus.PENDING);
        assertThat(after.firstResponseAt()).isNotNull();
        TicketMessage sent = last(tickets.messages(ticket.id()));
        assertThat(sent.direction()).isEqualTo(MessageDirection.OUTBOUND);
        assertThat(sent.author()).isEqualTo(agent.username());
        OutboxMessage queued = outbox.ofTicket(ticket.id()).stream().filter(m -> !m.automatic()).findFirst().orElseThrow();
        assertThat(queued.channel()).isEqualTo(Channel.EMAIL);
        assertThat(queued.recipient()).isEqualTo(requester);
        assertThat(queued.subject()).contains("[" + ticket.reference() + "]");
        assertThat(queued.textBody()).contains("déposez le PDF sans accent");
        assertThat(queued.references()).isNotBlank();
    }

    @Test
    void an_empty_reply_is_refused_and_what_was_typed_is_kept() throws Exception {
        HandlingResult r = email(unique("vide"), "Marchés", "je n'arrive plus à me connecter à la plateforme marchés");
        int before = tickets.messages(r.ticketId()).size();
        mvc.perform(post("/tickets/" + r.ticketId() + "/reponse").with(asAgent).with(csrf())
                        .param("text", "   ").param("statusAfter", "RESOLVED"))
                .andExpect(flash().attribute("error", "La réponse est vide."))
                .andExpect(flash().attribute("draft", "   "));
        assertThat(tickets.messages(r.ticketId())).hasSize(before);
        assertThat(tickets.findById(r.ticketId()).orElseThrow().status()).isNotEqualTo(TicketStatus.RESOLVED);
    }

    @Test
    void notes_assignment_status_priority_service_and_commune_change_through_the_forms() throws Exception {
        StaffUser colleague = newAgent("collegue");
        HandlingResult r = email(unique("actions"), "Partage", "Le lien de partage de fichiers que j'ai envoyé au notaire ne fonctionne plus.");
        String base = "/tickets/" + r.ticketId();

        mvc.perform(post(base + "/note").with(asAgent).with(csrf()).param("text", "Appelé la mairie, rappel demain."))
                .andExpect(flash().attribute("success", "Note ajoutée."));
        mvc.perform(post(base + "/proprietes").with(asAgent).with(csrf()).param("assignee", "inconnu"))
                .andExpect(flash().attribute("error", "« inconnu » n'est pas un membre actif de l'équipe."));
        // one form, one save: assignee, status, priority, service and commune together
        mvc.perform(post(base + "/proprietes").with(asAgent).with(csrf()).param("assignee", colleague.username())
                        .param("status", "OPEN").param("priority", "URGENT").param("service", "MARCHES")
                        .param("commune", "Abbeville"))
                .andExpect(redirectedUrl(base))
                .andExpect(flash().attribute("success", "Enregistré : attribué à " + colleague.displayName()
                        + ", ouvert, priorité urgente."));
        // the one-field endpoints the page no longer calls are gone
        for (String old : List.of("/attribution", "/statut", "/priorite", "/service", "/commune")) {
            mvc.perform(post(base + old).with(asAgent).with(csrf()).param("status", "OPEN"))
                    .andExpect(status().is4xxClientError());
        }

        Ticket t = tickets.findById(r.ticketId()).orElseThrow();
        assertThat(t.assignee()).isEqualTo(colleague.username());
        assertThat(t.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(t.priority()).isEqualTo(Priority.URGENT);
        assertThat(t.service()).isEqualTo(ServiceArea.MARCHES);
        assertThat(t.communeInsee()).isEqualTo("80001");
        assertThat(last(tickets.messages(t.id())).direction()).isEqualTo(MessageDirection.NOTE);
        Document doc = Jsoup.parse(page(base));
        assertThat(doc.select(".msg-note").text()).contains("Appelé la mairie");
        assertThat(doc.select("#historique-titre + details").text()).contains("Priorité").contains("Urgente");
    }

    @Test
    void a_reply_on_a_ticket_a_colleague_reassigned_or_changed_is_held_and_shows_what_changed() throws Exception {
        StaffUser colleague = newAgent("collision");
        RequestPostProcessor asColleague = user(colleague.username()).roles("AGENT");
        HandlingResult r = email(unique("collision"), "Actes", "Message d'erreur sur Actes : le dépôt échoue.");
        String base = "/tickets/" + r.ticketId();
        Document loaded = Jsoup.parse(page(base));
        String seen = loaded.select("#reply-form input[name=seen]").val();
        String seenChange = loaded.select("#reply-form input[name=seenChange]").val();
        int messagesBefore = tickets.messages(r.ticketId()).size();

        // the agent's own change after loading the page does not hold the reply back…
        mvc.perform(post(base + "/proprietes").with(asAgent).with(csrf()).param("priority", "HIGH"));
        // …a colleague's does: the reply is kept, not sent, and the page says what changed
        mvc.perform(post(base + "/proprietes").with(asColleague).with(csrf()).param("assignee", colleague.username())
                .param("status", "PENDING").param("priority", "URGENT"));
        // the open page learns it from its presence report, before sending
        String report = mvc.perform(post(base + "/presence").with(asAgent).with(csrf()).param("seen", seen)
                        .param("seenChange", seenChange))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(report).contains(colleague.displayName() + " : Statut : Nouveau → En attente de la commune")
                .doesNotContain("→ Haute");
        MvcResult held = mvc.perform(post(base + "/reponse").with(asAgent).with(csrf()).param("text", "Déposez le PDF.")
                        .param("seen", seen).param("seenChange", seenChange))
                .andExpect(redirectedUrl(base + "#repondre"))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.startsWith(
                        "L'attribution, le statut ou la priorité de ce ticket a changé pendant que vous écriviez")))
                .andExpect(flash().attribute("draft", "Déposez le PDF."))
                .andReturn();
        @SuppressWarnings("unchecked")
        List<String> changes = (List<String>) held.getFlashMap().get("changes");
        assertThat(changes).containsExactly(
                colleague.displayName() + " : Attribué à " + colleague.displayName(),
                colleague.displayName() + " : Statut : Nouveau → En attente de la commune",
                colleague.displayName() + " : Priorité : Haute → Urgente");
        assertThat(tickets.messages(r.ticketId())).hasSize(messagesBefore);
        Document warned = Jsoup.parse(mvc.perform(get(base).with(asAgent).cookie(held.getResponse().getCookies()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(warned.select("#changes li").eachText()).isEqualTo(changes);
        assertThat(warned.select("#reply-text").text()).isEqualTo("Déposez le PDF.");

        // sending again from the page that shows the changes sends it
        mvc.perform(post(base + "/reponse").with(asAgent).with(csrf()).param("text", "Déposez le PDF.")
                        .param("seen", warned.select("#reply-form input[name=seen]").val())
                        .param("seenChange", warned.select("#reply-form input[name=seenChange]").val()))
                .andExpect(flash().attribute("success", "Réponse envoyée."));
        assertThat(tickets.messages(r.ticketId())).hasSize(messagesBefore + 1);
    }

    @Test
    void the_history_names_staff_members_not_their_logins() throws Exception {
        StaffUser colleague = newAgent("homonyme");
        HandlingResult r = email(unique("historique"), "Partage", "Le lien de partage de fichiers ne fonctionne plus.");
        String base = "/tickets/" + r.ticketId();
        mvc.perform(post(base + "/proprietes").with(asAgent).with(csrf()).param("assignee", colleague.username()));
        mvc.perform(post(base + "/proprietes").with(asAgent).with(csrf()).param("assignToMe", ""));
        mvc.perform(post(base + "/proprietes").with(asAgent).with(csrf()).param("assignee", ""));
        mvc.perform(post(base + "/reponse").with(asAgent).with(csrf()).param("text", "Nous regardons."))
                .andExpect(flash().attribute("success", "Réponse envoyée."));

        List<String> details = Jsoup.parse(page(base)).select("#historique-titre ~ details tbody tr td:nth-child(3)").eachText();
        assertThat(details)
                .contains("Attribué à " + colleague.displayName(),
                        "Attribué à " + agent.displayName() + " (était " + colleague.displayName() + ")",
                        "Attribution retirée (était " + agent.displayName() + ")",
                        "Première réponse envoyée par " + agent.displayName())
                .noneMatch(d -> d.matches(".*(à|était|par) (" + agent.username() + "|" + colleague.username() + ")\\b.*"));
    }

    @Test
    void a_duplicate_is_merged_into_the_other_ticket() throws Exception {
        String from = unique("doublon");
        HandlingResult first = email(from, "Certificat expiré", "Mon certificat a expiré ce matin, impossible de télétransmettre !!");
        HandlingResult second = email(unique("doublon2"), "Certificat expiré (bis)", "Certificat expiré, Actes refuse le dépôt du budget.");
        Ticket target = tickets.findById(first.ticketId()).orElseThrow();

        mvc.perform(post("/tickets/" + second.ticketId() + "/fusion").with(asAgent).with(csrf()).param("into", target.reference()))
                .andExpect(redirectedUrl("/tickets/" + target.id()));
        Ticket merged = tickets.findById(second.ticketId()).orElseThrow();
        assertThat(merged.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(merged.mergedIntoId()).isEqualTo(target.id());
        assertThat(tickets.messages(target.id())).anyMatch(m -> m.text().contains("refuse le dépôt du budget"));

        mvc.perform(post("/tickets/" + target.id() + "/fusion").with(asAgent).with(csrf()).param("into", "MC-1999-99999"))
                .andExpect(flash().attribute("error", "Ticket « MC-1999-99999 » introuvable"));
    }

    @Test
    void the_side_panel_lists_the_requesters_other_tickets() throws Exception {
        String from = unique("habitue");
        HandlingResult first = email(from, "Plateforme marchés", "je n'arrive plus à me connecter à la plateforme marchés");
        HandlingResult second = email(from, "Partage de fichiers", "Le lien de partage de fichiers ne fonctionne plus.");
        assertThat(second.ticketId()).isNotEqualTo(first.ticketId());
        Document doc = Jsoup.parse(page("/tickets/" + second.ticketId()));
        assertThat(doc.select(".other-tickets a").eachText())
                .containsExactly(tickets.findById(first.ticketId()).orElseThrow().reference());
    }

    @Test
    void a_knowledge_base_article_starts_an_editable_reply() throws Exception {
        HandlingResult r = email(unique("article"), "Question", "Le lien de partage ne fonctionne plus depuis hier.");
        var article = knowledge.articles().get(0);
        Document doc = Jsoup.parse(page("/tickets/" + r.ticketId() + "?article=" + article.id()));
        String draft = doc.selectFirst("textarea#reply-text").text();
        assertThat(draft).contains("Source : « " + article.title() + " »");
        assertThat(draft).contains(article.text().strip().lines().findFirst().orElseThrow().strip());

        MvcResult plain = mvc.perform(get("/connaissances/articles/" + article.id() + "/reponse").with(asAgent))
                .andExpect(status().isOk()).andReturn();
        assertThat(plain.getResponse().getContentAsString(StandardCharsets.UTF_8)).endsWith("Source : « " + article.title() + " »");
    }

    @Test
    void attachments_download_as_files_and_only_from_their_own_ticket() throws Exception {
        byte[] pdf = "%PDF-1.4 délibération".getBytes(StandardCharsets.UTF_8);
        byte[] page = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        HandlingResult r = conversations.handle(InboundMessage.email("pj-" + UUID.randomUUID(), unique("pj"), null,
                        "Délibération refusée", "Message d'erreur sur Actes, délibération jointe.")
                .withAttachments(List.of(new InboundAttachment("délibération n°12.pdf", "application/pdf", pdf, null, false),
                        new InboundAttachment("page.html", "text/html", page, null, false))));
        HandlingResult other = email(unique("autre"), "Autre", "Message d'erreur sur la plateforme marchés.");
        TicketMessage withFiles = tickets.messages(r.ticketId()).get(0);
        long pdfId = withFiles.attachments().get(0).id();
        long htmlId = withFiles.attachments().get(1).id();

        MvcResult download = mvc.perform(get("/tickets/" + r.ticketId() + "/pieces-jointes/" + pdfId).with(asAgent))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn();
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(pdf);
        assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment;")
                .contains("filename*=UTF-8''d%C3%A9lib%C3%A9ration");
        mvc.perform(get("/tickets/" + r.ticketId() + "/pieces-jointes/" + htmlId).with(asAgent))
                .andExpect(header().string("Content-Type", "application/octet-stream"));
        mvc.perform(get("/tickets/" + other.ticketId() + "/pieces-jointes/" + pdfId).with(asAgent))
                .andExpect(status().isNotFound());
        assertThat(page("/tickets/" + r.ticketId())).contains("délibération n°12.pdf");
    }

    @Test
    void the_queue_filters_searches_sorts_and_pages() throws Exception {
        String tag = "filtre" + UUID.randomUUID().toString().substring(0, 5);
        email(unique("q1"), "Marchés " + tag, "je n'arrive plus à me connecter à la plateforme marchés, mot de passe refusé");
        HandlingResult urgent = email(unique("q2"), "Actes " + tag, "Mon certificat a expiré ce matin, impossible de télétransmettre le budget, c'est urgent !!");
        email(unique("q3"), "Partage " + tag, "Le lien de partage de fichiers ne fonctionne plus.");

        Document all = Jsoup.parse(page("/tickets?q=" + tag));
        assertThat(all.select("table.data tbody tr")).hasSize(3);
        assertThat(all.select("table.data caption").text()).startsWith("3 tickets");

        Document urgentOnly = Jsoup.parse(page("/tickets?q=" + tag + "&priority=URGENT"));
        assertThat(urgentOnly.select("table.data tbody tr")).hasSize(1);
        assertThat(urgentOnly.select("table.data tbody tr").text())
                .contains(tickets.findById(urgent.ticketId()).orElseThrow().reference());

        Document byService = Jsoup.parse(page("/tickets?q=" + tag + "&service=marches"));
        assertThat(byService.select("table.data tbody tr").text()).contains("Marchés " + tag).doesNotContain("Partage " + tag);

        Document paged = Jsoup.parse(page("/tickets?q=" + tag + "&size=2&sort=priority&direction=desc"));
        assertThat(paged.select("table.data tbody tr")).hasSize(2);
        assertThat(paged.select("table.data tbody tr").first().text()).contains("Urgente");
        assertThat(paged.select("nav.pager a").attr("href")).contains("page=1").contains("q=" + tag);

        Document unassigned = Jsoup.parse(page("/tickets?q=" + tag + "&assignee=none&overdue=true&status=all&channel=EMAIL"));
        assertThat(unassigned.select(".notice-error")).isEmpty();

        Document invalid = Jsoup.parse(page("/tickets?priority=TRES_HAUTE"));
        assertThat(invalid.select(".notice-error").text()).contains("Valeur de priorité inconnue");
    }

    @Test
    void people_are_shown_by_name_in_french_and_hand_edited_values_get_a_french_refusal() throws Exception {
        String from = unique("auteurs");
        HandlingResult answered = email(from, "Certificat", "Quel type de certificat faut il pour envoyer sur Actes ?");
        Ticket resolved = tickets.findById(answered.ticketId()).orElseThrow();
        assertThat(resolved.status()).isEqualTo(TicketStatus.RESOLVED);
        Document auto = Jsoup.parse(page("/tickets/" + resolved.id()));
        assertThat(auto.select(".message-head").eachText()).anyMatch(h -> h.contains("Réponse automatique de l’assistant"));
        assertThat(auto.select(".message-head").text()).doesNotContain("de assistant");

        mvc.perform(post("/tickets/" + resolved.id() + "/reponse").with(asAgent).with(csrf())
                        .param("text", "Texte gardé").param("statusAfter", "FINI"))
                .andExpect(flash().attribute("error", "Valeur de statut inconnue : « FINI ». Valeurs possibles : Nouveau,"
                        + " Ouvert, En attente de la commune, Résolu, Clos."))
                .andExpect(flash().attribute("draft", "Texte gardé"));
        mvc.perform(post("/tickets/" + resolved.id() + "/proprietes").with(asAgent).with(csrf()).param("service", "VOIRIE"))
                .andExpect(redirectedUrl("/tickets/" + resolved.id()))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.startsWith(
                        "Valeur de service inconnue : « VOIRIE ». Valeurs possibles : Actes (contrôle de légalité),")));
        mvc.perform(post("/tickets/" + resolved.id() + "/proprietes").with(asAgent).with(csrf()).param("status", "FINI"))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.startsWith("Valeur de statut inconnue : « FINI »")));
        assertThat(tickets.findById(resolved.id()).orElseThrow().status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(tickets.messages(resolved.id())).noneMatch(m -> m.text().contains("Texte gardé"));

        mvc.perform(post("/tickets/" + resolved.id() + "/reponse").with(asAgent).with(csrf())
                        .param("text", "Un complément de l'agent.").param("statusAfter", "Résolu"))
                .andExpect(flash().attribute("success", "Réponse envoyée."));
        mvc.perform(post("/tickets/" + resolved.id() + "/note").with(asAgent).with(csrf()).param("text", "Vu."))
                .andExpect(flash().attribute("success", "Note ajoutée."));
        Document doc = Jsoup.parse(page("/tickets/" + resolved.id()));
        assertThat(doc.select(".message-head").eachText())
                .anyMatch(h -> h.contains("Message reçu de " + from))
                .anyMatch(h -> h.contains("Réponse envoyée d’" + agent.displayName()))
                .anyMatch(h -> h.contains("Note interne d’" + agent.displayName()));
        List<String> by = doc.select("#historique-titre ~ details tbody tr td:nth-child(2)").eachText();
        assertThat(by).isNotEmpty().contains(from, "Assistant", agent.displayName())
                .noneMatch(a -> a.startsWith("contact:") || a.equals("assistant") || a.equals(agent.username()));
    }

    @Test
    void the_overdue_commune_and_channel_filters_keep_only_the_matching_tickets() throws Exception {
        String tag = "precis" + UUID.randomUUID().toString().substring(0, 5);
        // addresses of a domain no other test uses: no commune is guessed from the domain
        HandlingResult late = email("retard@" + tag + "-mairie.fr", "Actes " + tag, "Message d'erreur sur Actes : le dépôt échoue " + tag);
        HandlingResult inRue = email("rue@" + tag + "-mairie.fr", "Marchés " + tag,
                "je n'arrive plus à me connecter à la plateforme marchés " + tag);
        HandlingResult byTelegram = conversations.handle(InboundMessage.telegram("tg-" + UUID.randomUUID(),
                9_000_000L + (long) (Math.random() * 1_000_000), "Mairie test",
                "Le lien de partage de fichiers ne fonctionne plus " + tag));
        // the first ticket's deadlines have passed (as if it had waited for days)
        jdbc.sql("UPDATE tickets SET first_response_due = ?, resolution_due = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(7200)),
                        java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(3600)), late.ticketId())
                .update();
        mvc.perform(post("/tickets/" + inRue.ticketId() + "/proprietes").with(asAgent).with(csrf()).param("commune", "80688"))
                .andExpect(flash().attribute("success", org.hamcrest.Matchers.startsWith("Enregistré : non attribué")));
        String lateRef = reference(late), rueRef = reference(inRue), telegramRef = reference(byTelegram);

        assertThat(rows("/tickets?status=all&q=" + tag)).hasSize(3);
        assertThat(rows("/tickets?status=all&overdue=true&q=" + tag)).singleElement().asString().contains(lateRef);
        assertThat(rows("/tickets?status=all&commune=80688&q=" + tag)).singleElement().asString().contains(rueRef);
        assertThat(rows("/tickets?status=all&channel=TELEGRAM&q=" + tag)).singleElement().asString().contains(telegramRef);
        assertThat(rows("/tickets?status=all&channel=EMAIL&q=" + tag)).hasSize(2)
                .noneMatch(r -> r.contains(telegramRef));
        assertThat(rows("/tickets?status=all&channel=EMAIL&overdue=true&commune=80688&q=" + tag)).isEmpty();
    }

    private String reference(HandlingResult r) {
        return tickets.findById(r.ticketId()).orElseThrow().reference();
    }

    private List<String> rows(String url) throws Exception {
        Document doc = Jsoup.parse(page(url));
        assertThat(doc.select(".notice-error")).as(url).isEmpty();
        return doc.select("table.data tbody tr").eachText();
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(asAgent)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static TicketMessage last(List<TicketMessage> messages) {
        return messages.get(messages.size() - 1);
    }
}
