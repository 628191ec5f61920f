package fr.sommenumerique.helpdesk.web;

import fr.sommenumerique.helpdesk.conversation.HandlingResult;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;
import fr.sommenumerique.helpdesk.web.triage.AssistantLab;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.Contacts;
import fr.sommenumerique.helpdesk.ticketing.Outbox;
import fr.sommenumerique.helpdesk.ticketing.OutboxMessage;
import fr.sommenumerique.helpdesk.ticketing.OutboxStatus;
import fr.sommenumerique.helpdesk.ticketing.OutgoingMessage;
import fr.sommenumerique.helpdesk.ticketing.Quarantine;
import fr.sommenumerique.helpdesk.ticketing.QuarantineStatus;
import fr.sommenumerique.helpdesk.ticketing.QuarantinedItem;
import fr.sommenumerique.helpdesk.ticketing.SubscriptionStatus;
import fr.sommenumerique.helpdesk.ticketing.Subscriptions;
import fr.sommenumerique.helpdesk.ticketing.TicketQuery;
import fr.sommenumerique.helpdesk.ticketing.Tickets;
import fr.sommenumerique.helpdesk.web.account.CreatedAccount;
import fr.sommenumerique.helpdesk.web.account.IssuedApiToken;
import fr.sommenumerique.helpdesk.web.account.StaffRole;
import fr.sommenumerique.helpdesk.web.account.StaffUser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The other staff pages through their forms: requests, commune, quarantine, failed deliveries, account, team. */
class StaffPagesTest extends WebTestBase {

    @Autowired
    Subscriptions subscriptions;
    @Autowired
    Quarantine quarantine;
    @Autowired
    Outbox outbox;
    @Autowired
    Tickets tickets;
    @Autowired
    Contacts contacts;
    @Autowired
    AssistantLab lab;
    @Autowired
    fr.sommenumerique.helpdesk.ticketing.AssistantInteractions interactions;
    @Autowired
    fr.sommenumerique.helpdesk.knowledge.KnowledgeBase knowledge;

    @Test
    void a_rejection_needs_a_message_and_keeps_what_was_typed_otherwise() throws Exception {
        RequestPostProcessor as = agent();
        HandlingResult r = email(unique("refus"), "Formation", "Inscription de 2 agents à la prochaine formation svp");
        mvc.perform(post("/demandes/" + r.subscriptionId() + "/refuser").with(as).with(csrf()).param("message", " "))
                .andExpect(flash().attribute("error", "Un refus doit être motivé : écrivez le message pour la commune."))
                .andExpect(flash().attribute("draft", " "));
        mvc.perform(post("/demandes/" + r.subscriptionId() + "/examen").with(as).with(csrf()))
                .andExpect(flash().attribute("success", "Demande passée en cours d'examen."));
        mvc.perform(post("/demandes/" + r.subscriptionId() + "/commune").with(as).with(csrf()).param("commune", "Rue"))
                .andExpect(flash().attribute("success", "Commune mise à jour."));
        mvc.perform(post("/demandes/" + r.subscriptionId() + "/refuser").with(as).with(csrf())
                        .param("message", "La session est complète ; nous vous proposerons la suivante."))
                .andExpect(flash().attribute("success", "Demande refusée : la commune en est informée."));
        var decided = subscriptions.byId(r.subscriptionId()).orElseThrow();
        assertThat(decided.status()).isEqualTo(SubscriptionStatus.REJECTED);
        assertThat(decided.communeInsee()).isEqualTo("80688");
        Document page = page(as, "/demandes/" + r.subscriptionId());
        assertThat(page.select("main").text()).contains("La session est complète").contains("Refusée");
        assertThat(page.select("#decision-form")).isEmpty();
    }

    @Test
    void the_commune_page_lists_its_contacts_tickets_and_requests() throws Exception {
        RequestPostProcessor as = agent();
        String from = unique("rue");
        HandlingResult ticket = email(from, "Actes", "Message d'erreur sur Actes.\n\nCordialement,\nLa secrétaire de mairie de Rue");
        var contact = contacts.byEmail(from).orElseThrow();
        contacts.assignCommune(contact.id(), "80688", "test");
        tickets.changeCommune(ticket.ticketId(), "80688", "test");
        HandlingResult request = email(unique("rue2"), "Adhésion", "Nous souhaitons adhérer à Mairie connectée.");
        subscriptions.changeCommune(request.subscriptionId(), "80688", "test");

        Document page = page(as, "/communes/80688");
        assertThat(page.select("h1").text()).startsWith("Rue");
        assertThat(page.select("main").text()).contains("habitants").contains("EPCI");
        assertThat(page.select("#contacts-titre + table").text()).contains(from);
        assertThat(page.select("#tickets-titre + table").text())
                .contains(tickets.findById(ticket.ticketId()).orElseThrow().reference());
        assertThat(page.select("#demandes-titre + table").text())
                .contains(subscriptions.byId(request.subscriptionId()).orElseThrow().reference());
        assertThat(page(as, "/communes").select("#actives-titre + table").text()).contains("Rue");
    }

    @Test
    void a_quarantined_mail_can_be_downloaded_retried_into_a_ticket_or_discarded() throws Exception {
        RequestPostProcessor as = agent();
        String subject = "Relance quarantaine " + UUID.randomUUID().toString().substring(0, 6);
        String raw = "From: Mairie <" + unique("quar") + ">\r\nTo: support@mairie-connectee.local\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + UUID.randomUUID() + "@mairie-test.fr>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nMessage d'erreur sur Actes : dépôt impossible.\r\n";
        QuarantinedItem item = quarantine.store(Channel.EMAIL, raw.getBytes(StandardCharsets.UTF_8), "panne simulée", "INBOX/1");
        QuarantinedItem other = quarantine.store(Channel.EMAIL, "n'importe quoi".getBytes(StandardCharsets.UTF_8), "illisible", "INBOX/2");

        assertThat(page(as, "/quarantaine").select("table.data tbody").text()).contains("panne simulée").contains("illisible");
        MvcResult download = mvc.perform(get("/quarantaine/" + item.id() + "/brut").with(as)).andExpect(status().isOk()).andReturn();
        assertThat(download.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(raw);
        assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment;");

        mvc.perform(post("/quarantaine/" + item.id() + "/relancer").with(as).with(csrf()))
                .andExpect(flash().attribute("success", "Message n° " + item.id() + " relancé et traité."));
        await().atMost(Duration.ofSeconds(20)).until(() -> tickets.search(TicketQuery.all().withText(subject)).total() == 1);
        assertThat(quarantine.byId(item.id()).orElseThrow().status()).isEqualTo(QuarantineStatus.RETRIED);

        mvc.perform(post("/quarantaine/" + other.id() + "/ecarter").with(as).with(csrf()))
                .andExpect(flash().attribute("success", "Message n° " + other.id() + " écarté."));
        assertThat(quarantine.byId(other.id()).orElseThrow().status()).isEqualTo(QuarantineStatus.DISCARDED);
        mvc.perform(post("/quarantaine/" + other.id() + "/relancer").with(as).with(csrf()))
                .andExpect(flash().attribute("error", "L'élément n° " + other.id() + " n'est plus en quarantaine (Écarté)"));
    }

    @Test
    void a_quarantined_mail_that_fails_again_when_retried_says_so_with_the_reason() throws Exception {
        RequestPostProcessor as = agent();
        String raw = "To: support@mairie-connectee.local\r\nSubject: Sans expéditeur\r\nMessage-ID: <" + UUID.randomUUID()
                + "@mairie-test.fr>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nDépôt impossible.\r\n";
        QuarantinedItem item = quarantine.store(Channel.EMAIL, raw.getBytes(StandardCharsets.UTF_8), "panne simulée", "INBOX/3");

        mvc.perform(post("/quarantaine/" + item.id() + "/relancer").with(as).with(csrf()))
                .andExpect(redirectedUrl("/quarantaine"))
                .andExpect(flash().attribute("error", "Message n° " + item.id() + " relancé, mais il a de nouveau échoué : "
                        + "Message sans expéditeur (en-tête From absent ou illisible)"))
                .andExpect(flash().attribute("success", org.hamcrest.Matchers.nullValue()));
        QuarantinedItem after = quarantine.byId(item.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(QuarantineStatus.QUARANTINED);
        assertThat(page(as, "/quarantaine").select("table.data tbody").text())
                .contains("Message sans expéditeur (en-tête From absent ou illisible)");
    }

    @Test
    void a_failed_delivery_is_listed_and_can_be_sent_again() throws Exception {
        RequestPostProcessor as = agent();
        OutboxMessage queued = outbox.enqueue(OutgoingMessage.telegram(777_000_001L, "Bonjour"));
        outbox.markFailedPermanently(queued.id(), "bot bloqué par l'utilisateur");
        assertThat(page(as, "/envois").select("table.data").text()).contains("bot bloqué par l'utilisateur");
        mvc.perform(post("/envois/" + queued.id() + "/relancer").with(as).with(csrf()))
                .andExpect(flash().attribute("success", "Envoi n° " + queued.id() + " relancé."));
        assertThat(outbox.byId(queued.id()).orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
    }

    @Test
    void a_personal_token_is_shown_once_then_only_its_prefix() throws Exception {
        StaffUser me = newAgent("jeton");
        RequestPostProcessor as = user(me.username()).roles("AGENT");
        MvcResult created = mvc.perform(post("/compte/jetons").with(as).with(csrf()).param("name", "export nocturne").param("days", "90"))
                .andReturn();
        IssuedApiToken issued = (IssuedApiToken) created.getFlashMap().get("issuedToken");
        assertThat(issued.secret()).startsWith("hd_");
        Document account = page(as, "/compte");
        assertThat(account.text()).doesNotContain(issued.secret()).contains("export nocturne").contains(issued.token().prefix());
        mvc.perform(get("/api/staff/me").header("Authorization", "Bearer " + issued.secret())).andExpect(status().isOk());
    }

    @Test
    void an_administrator_adds_resets_and_disables_colleagues_but_not_the_last_admin() throws Exception {
        StaffUser admin = newStaff("admin-equipe", StaffRole.ADMIN);
        RequestPostProcessor as = user(admin.username()).roles("ADMIN");
        String username = "agent-" + UUID.randomUUID().toString().substring(0, 6);
        MvcResult created = mvc.perform(post("/admin/equipe").with(as).with(csrf()).param("username", username)
                .param("displayName", "Claire Martin").param("email", "claire@sommenumerique.fr").param("role", "AGENT")).andReturn();
        CreatedAccount account = (CreatedAccount) created.getFlashMap().get("generated");
        assertThat(account.generatedPassword()).hasSize(20);
        assertThat(accounts.require(username).mustChangePassword()).isTrue();

        MvcResult reset = mvc.perform(post("/admin/equipe/" + username + "/reinitialiser").with(as).with(csrf())).andReturn();
        assertThat(((CreatedAccount) reset.getFlashMap().get("generated")).generatedPassword()).isNotEqualTo(account.generatedPassword());

        mvc.perform(post("/admin/equipe/" + username + "/activation").with(as).with(csrf()).param("enabled", "false"))
                .andExpect(flash().attribute("success", "Compte « " + username + " » désactivé."));
        assertThat(accounts.require(username).enabled()).isFalse();
        mvc.perform(post("/admin/equipe/" + admin.username() + "/activation").with(as).with(csrf()).param("enabled", "false"))
                .andExpect(flash().attribute("error", "Vous ne pouvez pas désactiver votre propre compte."));
        mvc.perform(post("/admin/equipe").with(as).with(csrf()).param("username", "assistant").param("role", "AGENT"))
                .andExpect(flash().attribute("error", "L'identifiant « assistant » est réservé."));
    }

    @Test
    void a_hand_edited_quarantine_filter_gets_a_french_error_page() throws Exception {
        String body = mvc.perform(get("/quarantaine").param("status", "x").with(agent()))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document page = Jsoup.parse(body);
        assertThat(page.select("h1").text()).isEqualTo("Demande invalide");
        assertThat(page.select("main").text()).contains("Valeur de statut inconnue : « x ». Valeurs possibles :"
                + " En quarantaine, Relancé, Écarté.").doesNotContain("QUARANTINED").doesNotContain("No enum");
        assertThat(page(agent(), "/quarantaine?status=ecarte").select(".notice-error")).isEmpty();
    }

    @Test
    void the_assistant_test_page_shows_the_decision_and_the_articles_with_their_scores() throws Exception {
        Document page = page(agent(), "/assistant?question=" + java.net.URLEncoder.encode(
                "Quel type de certificat faut il pour envoyer sur Actes ?", StandardCharsets.UTF_8));
        assertThat(page.select("#decision-titre").text()).isEqualTo("Décision : Réponse automatique");
        var decision = lab.decide("Quel type de certificat faut il pour envoyer sur Actes ?", null);
        var rows = page.select("table.data").first().select("tbody tr");
        assertThat(rows).hasSize(decision.articles().size()).isNotEmpty();
        var best = decision.articles().get(0);
        assertThat(rows.first().select("td").get(0).text()).isEqualTo(best.title());
        assertThat(rows.first().select("td").get(1).text())
                .isEqualTo(ServiceArea.fromCode(best.service()).orElseThrow().label());
        assertThat(rows.first().select("td").get(2).text())
                .isEqualTo(String.format(java.util.Locale.FRANCE, "%.2f", best.score()));
    }

    @Test
    void the_dashboard_counts_new_tickets_per_status_and_service_and_in_this_weeks_volume() throws Exception {
        RequestPostProcessor as = agent();
        Document before = page(as, "/tableau-de-bord");
        List<HandlingResult> created = List.of(
                email(unique("tb1"), "Actes", "Message d'erreur sur Actes : le dépôt de la délibération échoue."),
                email(unique("tb2"), "Marchés", "je n'arrive plus à me connecter à la plateforme marchés, mot de passe refusé"),
                email(unique("tb3"), "Partage", "Le lien de partage de fichiers ne fonctionne plus."));
        mvc.perform(post("/tickets/" + created.get(0).ticketId() + "/proprietes").with(as).with(csrf()).param("status", "OPEN"))
                .andExpect(flash().attribute("success", org.hamcrest.Matchers.containsString(", ouvert, priorité ")));
        Document after = page(as, "/tableau-de-bord");

        Map<String, Long> statusDelta = new HashMap<>();
        Map<String, Long> serviceDelta = new HashMap<>();
        for (HandlingResult r : created) {
            var t = tickets.findById(r.ticketId()).orElseThrow();
            statusDelta.merge(t.status().label(), 1L, Long::sum);
            serviceDelta.merge(t.service() == null ? "Non classé" : t.service().label(), 1L, Long::sum);
        }
        assertThat(statusDelta.get("Ouvert")).isGreaterThanOrEqualTo(1);
        Map<String, Long> statusesBefore = table(before, "#statuts-titre"), statusesAfter = table(after, "#statuts-titre");
        for (var status : fr.sommenumerique.helpdesk.ticketing.TicketStatus.values()) {
            assertThat(statusesAfter.get(status.label()) - statusesBefore.get(status.label())).as(status.label())
                    .isEqualTo(statusDelta.getOrDefault(status.label(), 0L));
        }
        Map<String, Long> servicesBefore = table(before, "#services-titre"), servicesAfter = table(after, "#services-titre");
        assertThat(servicesAfter.keySet()).contains("Actes (contrôle de légalité)", "Marchés publics", "Non classé");
        for (String service : servicesAfter.keySet()) {
            assertThat(servicesAfter.get(service) - servicesBefore.get(service)).as(service)
                    .isEqualTo(serviceDelta.getOrDefault(service, 0L));
        }
        // the chart's table: the last row is this week, three tickets more
        var weekBefore = before.select("#volume-titre ~ details tbody tr").last();
        var weekAfter = after.select("#volume-titre ~ details tbody tr").last();
        assertThat(weekAfter.select("th").text()).isEqualTo(weekBefore.select("th").text());
        long thisWeek = Long.parseLong(weekAfter.select("td.num").text());
        assertThat(thisWeek - Long.parseLong(weekBefore.select("td.num").text())).isEqualTo(3);
        assertThat(after.select("svg rect.bar title").last().text()).isEqualTo(weekAfter.select("th").text() + " : " + thisWeek);
    }

    @Test
    void the_unanswered_questions_report_groups_hand_overs_and_answers_judged_not_helpful() throws Exception {
        RequestPostProcessor as = agent();
        Document before = page(as, "/rapports/questions-sans-reponse?jours=7");
        HandlingResult handedOver = email(unique("nr1"), "Actes", "Message d'erreur sur Actes : impossible de déposer l'acte.");
        HandlingResult answered = email(unique("nr2"), "Certificat", "Quel type de certificat faut il pour envoyer sur Actes ?");
        var handOver = interactions.byTicket(handedOver.ticketId()).orElseThrow();
        var answer = interactions.byTicket(answered.ticketId()).orElseThrow();
        assertThat(handOver.decisionKind()).isEqualTo("TICKET");
        assertThat(answer.decisionKind()).isEqualTo("ANSWER");
        interactions.recordFeedback(answer.id(), false); // the commune pressed « pas résolu »
        Document after = page(as, "/rapports/questions-sans-reponse?jours=7");

        assertThat(number(after, "p[role=status] strong", 0) - number(before, "p[role=status] strong", 0)).isEqualTo(2);
        Map<String, long[]> groupsBefore = groups(before), groupsAfter = groups(after);
        Map<String, long[]> expected = new HashMap<>();
        expected.computeIfAbsent(groupKey(handOver), k -> new long[4])[0]++;
        expected.get(groupKey(handOver))[1]++;
        expected.computeIfAbsent(groupKey(answer), k -> new long[4])[0]++;
        expected.get(groupKey(answer))[3]++;
        for (var e : expected.entrySet()) {
            long[] was = groupsBefore.getOrDefault(e.getKey(), new long[4]);
            long[] is = groupsAfter.get(e.getKey());
            assertThat(is).as(e.getKey()).isNotNull();
            for (int i = 0; i < 4; i++) {
                assertThat(is[i] - was[i]).as(e.getKey() + " colonne " + i).isEqualTo(e.getValue()[i]);
            }
        }
    }

    private String groupKey(fr.sommenumerique.helpdesk.ticketing.AssistantInteraction i) {
        String article = i.topArticleId() == null ? "Aucun article trouvé"
                : knowledge.articles().stream().filter(a -> a.id().equals(i.topArticleId())).findFirst().orElseThrow().title();
        return article + " | " + (i.service() == null ? "inconnu" : i.service().label());
    }

    /** Group key → questions, tickets, out of scope, « pas résolu ». */
    private static Map<String, long[]> groups(Document page) {
        Map<String, long[]> groups = new HashMap<>();
        for (var row : page.select("table.data tbody tr")) {
            var cells = row.select("td");
            groups.put(row.select("th").text() + " | " + cells.get(0).text(), new long[]{Long.parseLong(cells.get(1).text()),
                    Long.parseLong(cells.get(2).text()), Long.parseLong(cells.get(3).text()),
                    Long.parseLong(cells.get(4).text())});
        }
        return groups;
    }

    private static long number(Document page, String selector, int index) {
        return Long.parseLong(page.select(selector).get(index).text().replaceAll("\\D", ""));
    }

    /** The first column → the number in the last one, of the table following the heading. */
    private static Map<String, Long> table(Document page, String heading) {
        Map<String, Long> values = new HashMap<>();
        for (var row : page.select(heading + " ~ table tbody tr")) {
            values.put(row.select("th").text(), Long.parseLong(row.select("td.num").text().replaceAll("\\D", "")));
        }
        return values;
    }

    private RequestPostProcessor agent() {
        return user(newAgent("pages").username()).roles("AGENT");
    }

    private Document page(RequestPostProcessor as, String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(as)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }
}
