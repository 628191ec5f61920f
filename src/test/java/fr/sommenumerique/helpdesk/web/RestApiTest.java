package fr.sommenumerique.helpdesk.web;

import fr.sommenumerique.helpdesk.assistant.DecisionEngine;
import fr.sommenumerique.helpdesk.assistant.Question;
import fr.sommenumerique.helpdesk.conversation.HandlingResult;
import fr.sommenumerique.helpdesk.ticketing.Outbox;
import fr.sommenumerique.helpdesk.ticketing.SubscriptionStatus;
import fr.sommenumerique.helpdesk.ticketing.Subscriptions;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.TicketStatus;
import fr.sommenumerique.helpdesk.ticketing.Tickets;
import fr.sommenumerique.helpdesk.web.account.StaffRole;
import fr.sommenumerique.helpdesk.web.account.StaffUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The REST API over HTTP Basic: the same operations as the UI, JSON in and out, RFC 9457 problems for errors. */
class RestApiTest extends WebTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Tickets tickets;
    @Autowired
    Subscriptions subscriptions;
    @Autowired
    Outbox outbox;
    @Autowired
    DecisionEngine engine;

    private StaffUser agent;
    private RequestPostProcessor basic;
    @Autowired
    fr.sommenumerique.helpdesk.web.account.ApiTokens tokens;

    @BeforeEach
    void agent() {
        agent = newAgent("api");
        basic = httpBasic(agent.username(), PASSWORD);
    }

    @Test
    void ask_returns_the_same_decision_json_as_the_command_line() throws Exception {
        String question = "Quel type de certificat faut il pour envoyer sur Actes ?";
        String body = call(post("/api/assistant/ask"), "{\"question\": \"" + question + "\"}")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // the command line prints the record with a default Jackson 3 mapper
        JsonNode expected = JSON.readTree(JSON.writeValueAsString(engine.decide(question)));
        assertThat(JSON.readTree(body)).isEqualTo(expected);
        assertThat(JSON.readTree(body).get("kind").asString()).isEqualTo("ANSWER");
    }

    @Test
    void ask_passes_the_communes_name_and_population_to_the_assistant() throws Exception {
        String question = "Bonjour, nous souhaitons adhérer à Mairie connectée pour Actes.";
        call(post("/api/assistant/ask"), "{\"question\": \"" + question + "\", \"commune\": \"80140\"}")
                .andExpect(jsonPath("$.kind").value("SUBSCRIPTION"))
                .andExpect(jsonPath("$.subsidyEligible").value(true));
        call(post("/api/assistant/ask"), "{\"question\": \"" + question + "\", \"commune\": \"80021\"}")
                .andExpect(jsonPath("$.kind").value("SUBSCRIPTION"))
                .andExpect(jsonPath("$.subsidyEligible").value(false));
        assertThat(engine.decide(new Question(question, "Amiens", 133_000)).subsidyEligible()).isFalse();
        call(post("/api/assistant/ask"), "{\"question\": \"" + question + "\", \"commune\": \"80999\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Aucune commune de la Somme n'a le code INSEE « 80999 »."));
    }

    @Test
    void validation_errors_are_rfc9457_problems_naming_the_fields() throws Exception {
        call(post("/api/assistant/ask"), "{\"commune\": \"800\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("Requête invalide"))
                .andExpect(jsonPath("$.errors[*].field", org.hamcrest.Matchers.containsInAnyOrder("question", "commune")))
                .andExpect(jsonPath("$.errors[*].message", hasItem("La question est obligatoire.")));
        call(post("/api/assistant/ask"), "{\"question\": ")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Le corps de la requête n'est pas un JSON valide."));
        HandlingResult r = email(unique("valid"), "Actes", "Message d'erreur sur Actes.");
        call(put("/api/tickets/" + r.ticketId() + "/status"), "{\"status\": \"FINI\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("Valeurs possibles : NEW, OPEN, PENDING, RESOLVED, CLOSED")))
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        call(get("/api/tickets?priority=ENORME"), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", startsWith("Valeur de priorité inconnue")));
        call(get("/api/tickets/999999"), null)
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("Ticket n° 999999 introuvable"));
    }

    @Test
    void tickets_are_listed_read_answered_and_changed() throws Exception {
        String tag = "api" + UUID.randomUUID().toString().substring(0, 6);
        String requester = unique("apireq");
        HandlingResult r = email(requester, "Actes " + tag, "Message d'erreur « fichier non conforme » sur Actes.");
        Ticket ticket = tickets.findById(r.ticketId()).orElseThrow();

        call(get("/api/tickets?q=" + tag + "&assignee=none"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].reference").value(ticket.reference()));
        call(get("/api/tickets/" + ticket.id()), null)
                .andExpect(jsonPath("$.ticket.reference").value(ticket.reference()))
                .andExpect(jsonPath("$.requester.email").value(requester))
                .andExpect(jsonPath("$.messages[0].direction").value("INBOUND"));
        call(get("/api/tickets/reference/" + ticket.reference()), null).andExpect(jsonPath("$.ticket.id").value(ticket.id()));

        call(put("/api/tickets/" + ticket.id() + "/assignee"), "{\"assignee\": \"me\"}")
                .andExpect(jsonPath("$.assignee").value(agent.username()));
        call(put("/api/tickets/" + ticket.id() + "/priority"), "{\"priority\": \"HIGH\"}")
                .andExpect(jsonPath("$.priority").value("HIGH"));
        call(put("/api/tickets/" + ticket.id() + "/service"), "{\"service\": \"actes\"}")
                .andExpect(jsonPath("$.service").value("ACTES"));
        call(put("/api/tickets/" + ticket.id() + "/commune"), "{\"commune\": \"80001\"}")
                .andExpect(jsonPath("$.communeInsee").value("80001"));
        call(post("/api/tickets/" + ticket.id() + "/notes"), "{\"text\": \"vu avec la DGS\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.direction").value("NOTE"));
        call(post("/api/tickets/" + ticket.id() + "/replies"), "{\"text\": \"Réponse par l'API " + tag + "\", \"statusAfter\": \"RESOLVED\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.direction").value("OUTBOUND"))
                .andExpect(jsonPath("$.author").value(agent.username()));
        call(post("/api/tickets/" + ticket.id() + "/replies"), "{\"text\": \"\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].message").value("La réponse est vide."));

        assertThat(tickets.findById(ticket.id()).orElseThrow().status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(outbox.ofTicket(ticket.id())).anyMatch(m -> m.recipient().equals(requester) && m.textBody().contains(tag));
    }

    @Test
    void a_merge_into_itself_or_an_already_merged_ticket_is_a_conflict() throws Exception {
        HandlingResult a = email(unique("m1"), "Certificat", "Mon certificat a expiré, impossible de télétransmettre.");
        HandlingResult b = email(unique("m2"), "Certificat bis", "Certificat expiré, Actes refuse le dépôt.");
        Ticket target = tickets.findById(a.ticketId()).orElseThrow();
        call(post("/api/tickets/" + a.ticketId() + "/merge"), "{\"into\": \"" + target.reference() + "\"}")
                .andExpect(status().isBadRequest());
        call(post("/api/tickets/" + b.ticketId() + "/merge"), "{\"into\": \"" + target.id() + "\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value(target.id()));
        call(post("/api/tickets/" + b.ticketId() + "/merge"), "{\"into\": \"" + target.id() + "\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("a déjà été fusionné")));
    }

    @Test
    void subscription_requests_are_accepted_or_rejected_with_a_message_to_the_commune() throws Exception {
        HandlingResult accepted = email(unique("adh"), "Adhésion", "Bonjour, nous souhaitons adhérer à Mairie connectée pour Actes.");
        HandlingResult rejected = email(unique("adh2"), "Formation", "Inscription de 2 agents à la prochaine formation svp");

        call(get("/api/subscriptions?status=pending"), null).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", hasItem(accepted.subscriptionId().intValue())));
        call(get("/api/subscriptions/" + accepted.subscriptionId()), null)
                .andExpect(jsonPath("$.request.kind").value("MEMBERSHIP"));
        call(post("/api/subscriptions/" + accepted.subscriptionId() + "/accept"), "{\"message\": \"Bienvenue, convention jointe.\"}")
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.decidedBy").value(agent.username()));
        call(post("/api/subscriptions/" + accepted.subscriptionId() + "/accept"), "{}")
                .andExpect(status().isConflict());
        call(post("/api/subscriptions/" + rejected.subscriptionId() + "/reject"), "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Un refus doit être motivé : écrivez le message pour la commune."));
        assertThat(subscriptions.byId(rejected.subscriptionId()).orElseThrow().status()).isNotEqualTo(SubscriptionStatus.REJECTED);
        call(post("/api/subscriptions/" + rejected.subscriptionId() + "/reject"), "{\"message\": \"Session complète.\"}")
                .andExpect(jsonPath("$.status").value("REJECTED"));
    }

    @Test
    void communes_reports_knowledge_and_staff_are_served() throws Exception {
        call(get("/api/communes?q=abbev"), null).andExpect(jsonPath("$[0].commune.inseeCode").value("80001"))
                .andExpect(jsonPath("$[0].subsidyEligible").value(false));
        call(get("/api/communes/80001"), null).andExpect(jsonPath("$.commune.name").value("Abbeville"));
        call(get("/api/reports/dashboard?weeks=4"), null)
                .andExpect(jsonPath("$.incomingPerWeek.length()").value(4))
                .andExpect(jsonPath("$.byStatus.NEW").exists())
                .andExpect(jsonPath("$.firstResponseBusinessHours.count").exists());
        call(get("/api/reports/dashboard?weeks=0"), null).andExpect(status().isBadRequest());
        call(get("/api/reports/unanswered?days=30"), null).andExpect(jsonPath("$.groups").isArray());
        call(get("/api/knowledge/articles"), null).andExpect(jsonPath("$[0].id").exists());
        call(get("/api/knowledge/search?q=certificat%20RGS"), null).andExpect(jsonPath("$.hits[0].articleId").exists());
        call(get("/api/staff"), null).andExpect(jsonPath("$[*].username", hasItem(agent.username())));
        call(get("/api/quarantine"), null).andExpect(jsonPath("$.total").exists());
        call(get("/api/outbox/failed"), null).andExpect(jsonPath("$").isArray());

        StaffUser admin = newStaff("apiadmin", StaffRole.ADMIN);
        String username = "nouveau-" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/api/staff").with(httpBasic(admin.username(), PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"" + username + "\", \"displayName\": \"Nouveau\", \"role\": \"AGENT\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.account.mustChangePassword").value(true))
                .andExpect(jsonPath("$.temporaryPassword").isString());
        assertThat(accounts.require(username).mustChangePassword()).isTrue();
    }

    @Test
    void the_openapi_description_lists_the_api_for_signed_in_staff() throws Exception {
        String docs = mvc.perform(get("/v3/api-docs").with(user(agent.username()).roles("AGENT")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode api = JSON.readTree(docs);
        assertThat(api.get("paths").propertyNames()).contains("/api/assistant/ask", "/api/tickets", "/api/tickets/{id}/replies",
                "/api/subscriptions/{id}/accept", "/api/quarantine/{id}/retry");
        assertThat(api.at("/components/securitySchemes/basic/scheme").asString()).isEqualTo("basic");
        mvc.perform(get("/swagger-ui/index.html").with(user(agent.username()).roles("AGENT"))).andExpect(status().isOk());

        // scripts read it too, with Basic or a personal token; nobody else
        mvc.perform(get("/v3/api-docs").with(basic)).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/tickets']").exists());
        String token = tokens.issue(agent.username(), "docs", java.time.Duration.ofDays(1)).secret();
        mvc.perform(get("/v3/api-docs").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs").header("Authorization", "Bearer hd_faux")).andExpect(status().isUnauthorized());
        mvc.perform(get("/v3/api-docs").with(httpBasic(agent.username(), "mauvais mot de passe")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void a_message_gives_the_new_text_and_the_quoted_part_apart_as_the_page_does() throws Exception {
        String full = "Toujours bloqué ce matin.\n\nLe lun. 2 mars 2026 à 10:02, Assistance <support@x.fr> a écrit :\n> Bonjour,\n> Réessayez.";
        HandlingResult r = conversations.handle(fr.sommenumerique.helpdesk.conversation.InboundMessage.email(
                        "api-quote-" + UUID.randomUUID(), unique("api-quote"), null, "Actes", "Toujours bloqué ce matin sur Actes.")
                .withBody("Toujours bloqué ce matin sur Actes.", null, full, null));
        String json = mvc.perform(get("/api/tickets/" + r.ticketId()).with(basic)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode inbound = null;
        for (JsonNode m : JSON.readTree(json).get("messages")) {
            if (m.get("direction").asString().equals("INBOUND")) {
                inbound = m;
            }
        }
        assertThat(inbound.get("text").asString()).isEqualTo(full);
        assertThat(inbound.get("newText").asString()).isEqualTo("Toujours bloqué ce matin.");
        assertThat(inbound.get("quotedText").asString()).startsWith("Le lun. 2 mars 2026").contains("> Réessayez.");
    }

    @Test
    void errors_raised_by_spring_itself_have_a_french_detail() throws Exception {
        call(delete("/api/tickets"), null)
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(header().string("Allow", containsString("GET")))
                .andExpect(jsonPath("$.title").value("Méthode non autorisée"))
                .andExpect(jsonPath("$.detail", startsWith("La méthode DELETE n'est pas acceptée à cette adresse ;"
                        + " méthodes acceptées : GET")));
        mvc.perform(post("/api/assistant/ask").with(basic).contentType(MediaType.TEXT_PLAIN).content("question"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.title").value("Type de contenu non pris en charge"))
                .andExpect(jsonPath("$.detail", startsWith("Type de contenu « text/plain")))
                .andExpect(jsonPath("$.detail", containsString("non accepté ; envoyez application/json")));
        call(get("/api/knowledge/search"), null)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("Le paramètre obligatoire « q » est absent."));
        call(get("/api/tickets/abc"), null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Valeur « abc » invalide pour « id »."));
    }

    @Test
    void a_staff_update_is_applied_whole_or_not_at_all() throws Exception {
        StaffUser admin = newStaff("api-chef", StaffRole.ADMIN);
        StaffUser colleague = newAgent("api-collegue");
        // an administrator may not disable their own account: the new name must not be kept either
        mvc.perform(put("/api/staff/" + admin.username()).with(httpBasic(admin.username(), PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\": \"Nom changé\", \"role\": \"ADMIN\", \"enabled\": false}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Vous ne pouvez pas désactiver votre propre compte."));
        assertThat(accounts.require(admin.username()).displayName()).isEqualTo(admin.displayName());
        assertThat(accounts.require(admin.username()).enabled()).isTrue();

        mvc.perform(put("/api/staff/" + colleague.username()).with(httpBasic(admin.username(), PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\": \"Claire Martin\", \"role\": \"ADMIN\", \"enabled\": false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.displayName").value("Claire Martin"))
                .andExpect(jsonPath("$.role").value("ADMIN"))
                .andExpect(jsonPath("$.enabled").value(false));
    }

    private ResultActions call(MockHttpServletRequestBuilder request, String json) throws Exception {
        request.with(basic).accept(MediaType.APPLICATION_JSON);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return mvc.perform(request);
    }
}
