package fr.sommenumerique.helpdesk.web;

import fr.sommenumerique.helpdesk.conversation.HandlingResult;
import fr.sommenumerique.helpdesk.ticketing.Contact;
import fr.sommenumerique.helpdesk.ticketing.Contacts;
import fr.sommenumerique.helpdesk.ticketing.Macro;
import fr.sommenumerique.helpdesk.ticketing.Macros;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.TicketStatistics;
import fr.sommenumerique.helpdesk.ticketing.TicketStatisticsReport;
import fr.sommenumerique.helpdesk.ticketing.Tickets;
import fr.sommenumerique.helpdesk.web.account.StaffUser;
import fr.sommenumerique.helpdesk.web.triage.SubscriptionDesk;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The workspace's forms without a browser: what a page without JavaScript sends, and the fixes of issue 13. */
class WorkspacePagesTest extends WebTestBase {

    @Autowired
    Tickets tickets;
    @Autowired
    Contacts contacts;
    @Autowired
    Macros macros;
    @Autowired
    TicketStatistics statistics;
    @Autowired
    SubscriptionDesk subscriptionDesk;
    @Autowired
    fr.sommenumerique.helpdesk.web.render.Formats fmt;

    private StaffUser agent;
    private RequestPostProcessor as;

    @BeforeEach
    void agent() {
        agent = newAgent("poste");
        as = user(agent.username()).roles("AGENT");
    }

    @Test
    void canned_replies_are_added_changed_and_removed_and_fill_a_reply_without_javascript() throws Exception {
        String title = "Essai " + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/reponses-types").with(as).with(csrf()).param("title", title)
                        .param("body", "Votre demande {reference} est prise en charge par {agent}."))
                .andExpect(flash().attribute("success", "Réponse type « " + title + " » ajoutée."));
        Macro macro = macros.all().stream().filter(m -> m.title().equals(title)).findFirst().orElseThrow();
        mvc.perform(post("/reponses-types").with(as).with(csrf()).param("title", "").param("body", "x"))
                .andExpect(flash().attribute("error", "Donnez un titre à la réponse type."));

        HandlingResult r = email(unique("type"), "Actes", "Message d'erreur sur Actes.");
        Ticket ticket = tickets.findById(r.ticketId()).orElseThrow();
        Document page = page("/tickets/" + ticket.id() + "?macro=" + macro.id());
        assertThat(page.selectFirst("#reply-text").text())
                .isEqualTo("Votre demande " + ticket.reference() + " est prise en charge par " + agent.displayName() + ".");

        mvc.perform(post("/reponses-types/" + macro.id()).with(as).with(csrf()).param("title", title + " bis")
                .param("body", "Autre texte.")).andExpect(flash().attribute("success", "Réponse type « " + title + " bis » modifiée."));
        assertThat(macros.require(macro.id()).body()).isEqualTo("Autre texte.");
        mvc.perform(post("/reponses-types/" + macro.id() + "/suppression").with(as).with(csrf()))
                .andExpect(flash().attribute("success", "Réponse type supprimée."));
        assertThat(macros.byId(macro.id())).isEmpty();
    }

    @Test
    void staff_correct_a_contacts_name_role_and_commune_and_the_queue_shows_names() throws Exception {
        HandlingResult r = email(unique("contact"), "Actes", "Message d'erreur sur Actes.");
        Ticket ticket = tickets.findById(r.ticketId()).orElseThrow();
        mvc.perform(post("/contacts/" + ticket.requesterId()).with(as).with(csrf()).param("name", "Sophie Caron")
                        .param("role", "Maire").param("commune", "Abbeville").param("back", "/tickets/" + ticket.id()))
                .andExpect(flash().attribute("success", "Contact mis à jour."));
        Contact contact = contacts.byId(ticket.requesterId()).orElseThrow();
        assertThat(contact.displayName()).isEqualTo("Sophie Caron");
        assertThat(contact.role()).isEqualTo("Maire");
        assertThat(contact.communeInsee()).isEqualTo("80001");

        mvc.perform(post("/tickets/" + ticket.id() + "/proprietes").with(as).with(csrf()).param("assignee", agent.username())
                .param("status", "OPEN").param("priority", "HIGH").param("service", "ACTES").param("commune", "80001"))
                .andExpect(flash().attribute("success", "Enregistré : attribué à " + agent.displayName() + ", ouvert, priorité haute."));
        Document queue = page("/tickets?q=" + ticket.reference());
        assertThat(queue.select("table.queue tbody tr").text()).contains("Sophie Caron");
        assertThat(queue.select("table.queue tbody tr td:nth-child(5)").text()).isEqualTo(agent.displayName());
        assertThat(page("/tickets/" + ticket.id()).select(".ticket-side").text()).contains("Sophie Caron", "Maire");

        // from the ticket page: a ticket whose commune is known keeps it when its requester's commune changes
        mvc.perform(post("/contacts/" + ticket.requesterId()).with(as).with(csrf()).param("name", "Sophie Caron")
                        .param("role", "Maire").param("commune", "80169").param("ticket", String.valueOf(ticket.id()))
                        .param("back", "/tickets/" + ticket.id()))
                .andExpect(flash().attribute("success", "Contact mis à jour."));
        assertThat(contacts.byId(ticket.requesterId()).orElseThrow().communeInsee()).isEqualTo("80169");
        assertThat(tickets.findById(ticket.id()).orElseThrow().communeInsee()).isEqualTo("80001");
    }

    @Test
    void a_reply_longer_than_20000_characters_is_refused_in_french_and_kept() throws Exception {
        HandlingResult r = email(unique("long"), "Actes", "Message d'erreur sur Actes.");
        String huge = "a".repeat(20_001);
        mvc.perform(post("/tickets/" + r.ticketId() + "/reponse").with(as).with(csrf()).param("text", huge))
                .andExpect(flash().attribute("error", "La réponse fait 20 001 caractères : 20 000 au plus. Raccourcissez-la "
                        + "ou joignez un document."))
                .andExpect(flash().attribute("draft", huge));
        assertThat(tickets.messages(r.ticketId())).noneMatch(m -> m.text().contains(huge));
    }

    @Test
    void wording_fixes_no_sender_subscription_subject_and_the_dashboard_counts_automatic_answers_apart() throws Exception {
        assertThatThrownBy(() -> Contacts.normalizeEmail("")).hasMessage("Message sans expéditeur : aucune adresse e-mail à qui répondre");

        String commune = unique("adh");
        HandlingResult recorded = email(commune, "Adhésion", "Bonjour, nous souhaitons adhérer à Mairie connectée.");
        subscriptionDesk.accept(recorded.subscriptionId(), "Bienvenue.", agent.username());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> WebTestMail.to(commune).stream()
                .anyMatch(m -> subject(m).endsWith("Votre demande d'adhésion : acceptée")));

        TicketStatisticsReport before = statistics.report(1);
        HandlingResult answered = email(unique("auto"), "Certificat", "Quel type de certificat faut il pour envoyer sur Actes ?");
        assertThat(answered.outcome()).isEqualTo(HandlingResult.Outcome.ANSWERED);
        TicketStatisticsReport after = statistics.report(1);
        assertThat(after.answeredAutomatically()).isEqualTo(before.answeredAutomatically() + 1);
        assertThat(after.firstResponse().count()).isEqualTo(before.firstResponse().count());
        assertThat(after.resolution().count()).isEqualTo(before.resolution().count());
        assertThat(page("/tableau-de-bord").text()).contains("Réponses automatiques de l’assistant, comptées à part");

        assertThat(fmt.count(1, "message", "messages")).isEqualTo("1 message");
        assertThat(fmt.count(0, "commune", "communes")).isEqualTo("0 commune");
        assertThat(fmt.count(1351, "habitant", "habitants")).isEqualTo("1 351 habitants");
        assertThat(page("/tickets/" + answered.ticketId()).select("h2#conversation-titre").text()).contains("(2 messages,");
        Document error = Jsoup.parse(mvc.perform(get("/tickets/999999999").with(as)).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(error.select("nav[aria-label='Navigation principale']")).isNotEmpty();
        assertThat(error.select("form[role=search]")).isNotEmpty();
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Document page(String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(as)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }
}
