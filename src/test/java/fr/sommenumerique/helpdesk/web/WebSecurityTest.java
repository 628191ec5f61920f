package fr.sommenumerique.helpdesk.web;

import fr.sommenumerique.helpdesk.conversation.HandlingResult;
import fr.sommenumerique.helpdesk.ticketing.MessageDirection;
import fr.sommenumerique.helpdesk.ticketing.Tickets;
import fr.sommenumerique.helpdesk.web.account.ApiTokens;
import fr.sommenumerique.helpdesk.web.account.IssuedApiToken;
import fr.sommenumerique.helpdesk.web.account.NewStaffMember;
import fr.sommenumerique.helpdesk.web.account.StaffRole;
import fr.sommenumerique.helpdesk.web.account.StaffUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import jakarta.servlet.http.Cookie;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who may reach what: anonymous refusal everywhere, login, CSRF, roles, tokens, throttling, forced password change. */
class WebSecurityTest extends WebTestBase {

    @Autowired
    SessionRepository<? extends Session> sessions;

    /** Pages anyone may open. */
    private static final Set<String> PUBLIC = Set.of("/connexion");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    Tickets tickets;
    @Autowired
    ApiTokens tokens;

    @Test
    void every_staff_url_refuses_anonymous_access() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            if (!e.getValue().getBeanType().getPackageName().startsWith("fr.sommenumerique.helpdesk.web")) {
                continue;
            }
            Set<String> patterns = e.getKey().getPatternValues();
            Set<org.springframework.web.bind.annotation.RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            for (String pattern : patterns) {
                if (PUBLIC.contains(pattern) || pattern.equals("/")) {
                    continue;
                }
                String path = pattern.replace("{insee}", "80001").replaceAll("\\{[^}]+}", "1");
                HttpMethod method = methods.isEmpty() ? HttpMethod.GET : HttpMethod.valueOf(methods.iterator().next().name());
                MvcResult result = mvc.perform(request(method, path).with(csrf())).andReturn();
                int status = result.getResponse().getStatus();
                if (path.startsWith("/api/")) {
                    assertThat(status).as(method + " " + path).isEqualTo(401);
                    assertThat(result.getResponse().getContentType()).as(path).startsWith("application/problem+json");
                } else {
                    assertThat(status).as(method + " " + path).isEqualTo(302);
                    assertThat(result.getResponse().getRedirectedUrl()).as(method + " " + path).endsWith("/connexion");
                }
                checked.add(method + " " + path);
            }
        }
        assertThat(checked).hasSizeGreaterThan(50).contains("GET /tickets", "POST /tickets/1/reponse",
                "POST /api/assistant/ask", "GET /admin/equipe");
        mvc.perform(get("/swagger-ui.html")).andExpect(status().isFound()).andExpect(redirectedUrl("/connexion"));
        // scripts read the API description with Basic or a token: no form to be redirected to
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
        for (String actuator : List.of("/actuator/prometheus", "/actuator/metrics")) {
            mvc.perform(get(actuator)).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/css/app.css")).andExpect(status().isOk());
        mvc.perform(get("/connexion")).andExpect(status().isOk());
    }

    @Test
    void form_login_opens_a_session_and_a_wrong_password_does_not() throws Exception {
        StaffUser agent = newAgent("login");
        mvc.perform(formLogin("/connexion").userParameter("identifiant").passwordParam("motdepasse")
                        .user(agent.username()).password(PASSWORD))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/connexion").userParameter("identifiant").passwordParam("motdepasse")
                        .user(agent.username()).password("pas le bon mot de passe"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/connexion?erreur"));
        assertThat(accounts.require(agent.username()).lastLoginAt()).isNotNull();
    }

    @Test
    void forms_without_the_csrf_token_are_refused_and_change_nothing() throws Exception {
        StaffUser agent = newAgent("csrf");
        HandlingResult r = email(unique("csrf"), "Actes en panne", "Message d'erreur sur Actes : impossible de déposer.");
        SessionCookie session = login(agent.username());
        mvc.perform(get("/tickets/" + r.ticketId()).with(session)).andExpect(status().isOk()); // the form and its token

        mvc.perform(post("/tickets/" + r.ticketId() + "/note").with(session).param("text", "sans jeton CSRF"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/tickets/" + r.ticketId() + "/note").with(session).param("text", "jeton faux")
                        .param("_csrf", "faux"))
                .andExpect(status().isForbidden());
        assertThat(notes(r.ticketId())).isEmpty();

        mvc.perform(post("/tickets/" + r.ticketId() + "/note").with(session).param("text", "avec jeton CSRF").with(csrf()))
                .andExpect(status().isFound());
        assertThat(notes(r.ticketId())).containsExactly("avec jeton CSRF");

        // the API ignores sessions and cookies: a session alone does not authenticate it, so CSRF cannot apply
        mvc.perform(get("/api/tickets").with(session)).andExpect(status().isUnauthorized());
    }

    @Test
    void team_management_is_for_administrators_only() throws Exception {
        StaffUser agent = newAgent("agent");
        StaffUser admin = newStaff("chef", StaffRole.ADMIN);
        mvc.perform(get("/admin/equipe").with(user(agent.username()).roles("AGENT"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/equipe").with(user(admin.username()).roles("ADMIN"))).andExpect(status().isOk());
        mvc.perform(post("/api/staff").with(httpBasic(agent.username(), PASSWORD)).contentType("application/json")
                        .content("{\"username\":\"intrus\",\"role\":\"ADMIN\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        assertThat(accounts.find("intrus")).isEmpty();
        // an administrator is also an agent
        mvc.perform(get("/api/tickets").with(httpBasic(admin.username(), PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void personal_tokens_authenticate_scripts_until_revoked() throws Exception {
        StaffUser agent = newAgent("script");
        IssuedApiToken issued = tokens.issue(agent.username(), "export", Duration.ofDays(30));
        assertThat(issued.secret()).startsWith("hd_").hasSizeGreaterThan(40);

        mvc.perform(get("/api/staff/me").header("Authorization", "Bearer " + issued.secret()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value(agent.username()));
        tokens.revoke(agent.username(), issued.token().id());
        mvc.perform(get("/api/staff/me").header("Authorization", "Bearer " + issued.secret()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("Jeton d'API inconnu, expiré ou révoqué."));
        mvc.perform(get("/api/staff/me").header("Authorization", "Bearer hd_inventé"))
                .andExpect(status().isUnauthorized());
        assertThat(tokens.of(agent.username()).get(0).lastUsedAt()).isNotNull();
    }

    @Test
    void repeated_failed_logins_lock_that_address_for_a_while_even_with_the_right_password() throws Exception {
        StaffUser agent = newAgent("cible");
        RequestPostProcessor from = remoteAddress("10.9.8.7");
        for (int i = 0; i < 5; i++) {
            mvc.perform(loginRequest(agent.username(), "essai " + i).with(from))
                    .andExpect(redirectedUrl("/connexion?erreur"));
        }
        MvcResult locked = mvc.perform(loginRequest(agent.username(), PASSWORD).with(from))
                .andExpect(redirectedUrl("/connexion?erreur")).andReturn();
        mvc.perform(get("/connexion").param("erreur", "").with(SessionCookie.of(locked)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Trop de tentatives de connexion échouées")));
        mvc.perform(get("/api/staff/me").with(httpBasic(agent.username(), PASSWORD)).with(from))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Trop de tentatives")));

        // the failures were someone else's: from an address without failures the right password gets through
        mvc.perform(loginRequest(agent.username(), PASSWORD).with(remoteAddress("10.9.8.8")))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/api/staff/me").with(httpBasic(agent.username(), PASSWORD)).with(remoteAddress("10.9.8.8")))
                .andExpect(status().isOk());
    }

    private static RequestPostProcessor remoteAddress(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void behind_a_proxy_on_this_machine_failures_are_counted_per_forwarded_client_address() throws Exception {
        StaffUser agent = newAgent("mandataire");
        HttpClient http = HttpClient.newHttpClient();
        String attacker = "203.0.113.41";
        for (int i = 0; i < 30; i++) { // the per-address threshold: each unknown token counts as a failure
            assertThat(viaProxy(http, attacker, "Bearer hd_faux" + i).statusCode()).isEqualTo(401);
        }
        String basic = "Basic " + Base64.getEncoder().encodeToString((agent.username() + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> locked = viaProxy(http, attacker, basic);
        assertThat(locked.statusCode()).isEqualTo(401);
        assertThat(locked.body()).contains("Trop de tentatives");
        // another client behind the same proxy (same socket address, 127.0.0.1) is not locked out
        HttpResponse<String> other = viaProxy(http, "198.51.100.23", basic);
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.body()).contains(agent.username());
    }

    @Test
    void database_backups_are_for_administrators_only() throws Exception {
        StaffUser agent = newAgent("sauvegarde");
        StaffUser admin = newStaff("sauvegarde-admin", StaffRole.ADMIN);
        mvc.perform(post("/api/admin/sauvegardes").with(httpBasic(agent.username(), PASSWORD)))
                .andExpect(status().isForbidden());
        // these tests run on an in-memory database: nothing to copy, said in French
        mvc.perform(post("/api/admin/sauvegardes").with(httpBasic(admin.username(), PASSWORD)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("pg_dump")));
    }

    @Test
    void the_error_path_asked_for_directly_is_a_page_that_does_not_exist() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/error")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("999");
    }

    private HttpResponse<String> viaProxy(HttpClient http, String clientAddress, String authorization) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/staff/me"))
                .header("X-Forwarded-For", clientAddress).header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_generated_password_must_be_changed_before_anything_else() throws Exception {
        StaffUser admin = newStaff("boss", StaffRole.ADMIN);
        var created = accounts.create(new NewStaffMember("nouvelle-" + System.nanoTime() % 100000, "Nouvelle", null,
                StaffRole.AGENT), admin.username());
        String username = created.user().username();
        SessionCookie session = login(username, created.generatedPassword());

        mvc.perform(get("/tickets").with(session)).andExpect(redirectedUrl("/compte/mot-de-passe"));
        mvc.perform(get("/api/tickets").with(httpBasic(username, created.generatedPassword())))
                .andExpect(status().isForbidden());

        mvc.perform(post("/compte/mot-de-passe").with(session).with(csrf()).param("current", created.generatedPassword())
                        .param("password", "court").param("confirmation", "court"))
                .andExpect(redirectedUrl("/compte/mot-de-passe"));
        mvc.perform(post("/compte/mot-de-passe").with(session).with(csrf()).param("current", created.generatedPassword())
                        .param("password", "une phrase de passe solide").param("confirmation", "une phrase de passe solide"))
                .andExpect(redirectedUrl("/compte"));
        mvc.perform(get("/tickets").with(session)).andExpect(status().isOk());
    }

    @Test
    void disabling_an_account_ends_its_open_sessions() throws Exception {
        StaffUser admin = newStaff("desactive-chef", StaffRole.ADMIN);
        StaffUser agent = newAgent("desactive");
        SessionCookie agentSession = login(agent.username());
        SessionCookie adminSession = login(admin.username());
        mvc.perform(get("/tickets").with(agentSession)).andExpect(status().isOk());

        mvc.perform(post("/admin/equipe/" + agent.username() + "/activation").param("enabled", "false")
                        .with(adminSession).with(csrf()))
                .andExpect(redirectedUrl("/admin/equipe"));
        assertThat(accounts.require(agent.username()).enabled()).isFalse();

        mvc.perform(get("/tickets").with(agentSession)).andExpect(redirectedUrl("/connexion?expiree"));
        assertThat(sessions.findById(agentSession.sessionId())).as("the session, gone from the store").isNull();
        mvc.perform(loginRequest(agent.username(), PASSWORD)).andExpect(redirectedUrl("/connexion?erreur"));
        // the administrator who did it is not affected
        mvc.perform(get("/admin/equipe").with(adminSession)).andExpect(status().isOk());
    }

    @Test
    void a_demoted_administrator_loses_admin_pages_at_once() throws Exception {
        StaffUser boss = newStaff("retrograde-chef", StaffRole.ADMIN);
        StaffUser demoted = newStaff("retrograde", StaffRole.ADMIN);
        SessionCookie demotedSession = login(demoted.username());
        SessionCookie bossSession = login(boss.username());
        mvc.perform(get("/admin/equipe").with(demotedSession)).andExpect(status().isOk());

        mvc.perform(post("/admin/equipe/" + demoted.username()).param("displayName", "Rétrogradé")
                        .param("role", "AGENT").with(bossSession).with(csrf()))
                .andExpect(redirectedUrl("/admin/equipe"));
        assertThat(accounts.require(demoted.username()).role()).isEqualTo(StaffRole.AGENT);

        mvc.perform(get("/admin/equipe").with(demotedSession)).andExpect(redirectedUrl("/connexion?expiree"));
        // signed in again, as the agent they now are
        SessionCookie again = login(demoted.username());
        mvc.perform(get("/admin/equipe").with(again)).andExpect(status().isForbidden());
        mvc.perform(get("/tickets").with(again)).andExpect(status().isOk());
    }

    @Test
    void a_password_reset_ends_the_sessions_opened_with_the_old_password_but_changing_it_oneself_does_not()
            throws Exception {
        StaffUser boss = newStaff("reinit-chef", StaffRole.ADMIN);
        StaffUser agent = newAgent("reinit");
        SessionCookie first = login(agent.username());
        SessionCookie second = login(agent.username());
        String next = "une autre phrase de passe 2026";
        mvc.perform(post("/compte/mot-de-passe").with(first).with(csrf()).param("current", PASSWORD)
                        .param("password", next).param("confirmation", next))
                .andExpect(redirectedUrl("/compte"));
        mvc.perform(get("/tickets").with(first)).andExpect(status().isOk());
        mvc.perform(get("/tickets").with(second)).andExpect(redirectedUrl("/connexion?expiree"));

        SessionCookie third = login(agent.username(), next);
        mvc.perform(post("/admin/equipe/" + agent.username() + "/reinitialiser").with(login(boss.username()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/equipe"));
        mvc.perform(get("/tickets").with(first)).andExpect(redirectedUrl("/connexion?expiree"));
        mvc.perform(get("/tickets").with(third)).andExpect(redirectedUrl("/connexion?expiree"));
    }

    @Test
    void passwords_longer_than_bcrypt_accepts_are_refused_in_french_and_never_break_a_login() throws Exception {
        StaffUser agent = newAgent("long");
        SessionCookie session = login(agent.username());
        String accented = "mot de passe très long ".repeat(3) + "é".repeat(3); // 72 characters, 78 bytes
        assertThat(accented).hasSize(72);
        MvcResult refused = mvc.perform(post("/compte/mot-de-passe").with(session).with(csrf())
                        .param("current", PASSWORD).param("password", accented).param("confirmation", accented))
                .andExpect(redirectedUrl("/compte/mot-de-passe")).andReturn();
        assertThat(refused.getFlashMap().get("error")).isEqualTo("Le mot de passe est trop long : 72 octets au plus,"
                + " soit 72 caractères sans accents (une lettre accentuée compte pour deux).");
        String longest = "x".repeat(60) + "abcdefghijkl"; // exactly 72 bytes is fine
        mvc.perform(post("/compte/mot-de-passe").with(session).with(csrf()).param("current", PASSWORD)
                        .param("password", longest).param("confirmation", longest))
                .andExpect(redirectedUrl("/compte"));
        // a too long current password is just wrong, not an English bcrypt error
        MvcResult wrong = mvc.perform(post("/compte/mot-de-passe").with(session).with(csrf())
                        .param("current", "y".repeat(100)).param("password", accented).param("confirmation", accented))
                .andExpect(redirectedUrl("/compte/mot-de-passe")).andReturn();
        assertThat(wrong.getFlashMap().get("error")).isEqualTo("Le mot de passe actuel est incorrect.");

        mvc.perform(loginRequest(agent.username(), "z".repeat(100))).andExpect(redirectedUrl("/connexion?erreur"));
        mvc.perform(loginRequest("inconnu-" + agent.username(), "z".repeat(100))).andExpect(redirectedUrl("/connexion?erreur"));
        mvc.perform(get("/api/staff/me").with(httpBasic(agent.username(), "z".repeat(100))))
                .andExpect(status().isUnauthorized());
        login(agent.username(), longest);
    }

    @Test
    void ui_pages_carry_a_strict_content_security_policy() throws Exception {
        StaffUser agent = newAgent("csp");
        mvc.perform(get("/tickets").with(user(agent.username()).roles("AGENT")))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("script-src 'self'"),
                        org.hamcrest.Matchers.containsString("object-src 'none'"),
                        org.hamcrest.Matchers.containsString("frame-ancestors 'self'"))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    private SessionCookie login(String username) throws Exception {
        return login(username, PASSWORD);
    }

    private SessionCookie login(String username, String password) throws Exception {
        MvcResult result = mvc.perform(formLogin("/connexion").userParameter("identifiant").passwordParam("motdepasse")
                .user(username).password(password)).andExpect(status().isFound()).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("erreur");
        return SessionCookie.of(result);
    }

    /**
     * A browser's session: the SESSION cookie of Spring Session (sessions live in the database, shared by every
     * instance), sent with a request by {@code .with(session)}.
     */
    private record SessionCookie(Cookie cookie) implements RequestPostProcessor {

        static SessionCookie of(MvcResult result) {
            Cookie cookie = result.getResponse().getCookie("SESSION");
            assertThat(cookie).as("SESSION cookie of the response").isNotNull();
            return new SessionCookie(cookie);
        }

        /** The id Spring Session keeps the session under (the cookie holds it in Base64). */
        String sessionId() {
            return new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
        }

        @Override
        public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
            request.setCookies(cookie);
            return request;
        }
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder loginRequest(String username,
                                                                                                         String password) {
        return post("/connexion").param("identifiant", username).param("motdepasse", password).with(csrf());
    }

    private List<String> notes(long ticketId) {
        return tickets.messages(ticketId).stream().filter(m -> m.direction() == MessageDirection.NOTE)
                .map(m -> m.text()).toList();
    }
}
