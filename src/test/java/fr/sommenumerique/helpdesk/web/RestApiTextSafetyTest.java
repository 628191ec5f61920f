package fr.sommenumerique.helpdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import fr.sommenumerique.helpdesk.conversation.HandlingResult;
import fr.sommenumerique.helpdesk.conversation.InboundMessage;
import fr.sommenumerique.helpdesk.web.account.StaffUser;

/** Issue 9, point 8: the subject of a chat ticket, cut where an emoji sits, comes out of the REST API whole. */
class RestApiTextSafetyTest extends WebTestBase {

    /** 77 chars and a space, then 🙁 on chars 79-80, where the 80-char subject is cut. */
    private static final String HEAD = "Impossible de deposer la deliberation sur Actes depuis ce matin, gros blocage";

    @Test
    void a_chat_subject_cut_at_an_emoji_is_whole_in_the_api() throws Exception {
        String text = HEAD + " 🙁 le certificat a expire, que faire ?";
        assertThat(text.indexOf("🙁")).isEqualTo(78);
        HandlingResult result = conversations.handle(InboundMessage.telegram("test-" + UUID.randomUUID(),
                ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L), "Martine", text));
        assertThat(result.ticketId()).isNotNull();
        StaffUser agent = newAgent("cut");

        byte[] body = mvc.perform(get("/api/tickets/" + result.ticketId()).with(httpBasic(agent.username(), PASSWORD))
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();

        String subject = JsonMapper.builder().build().readTree(body).path("ticket").path("subject").asString();
        assertThat(subject).isEqualTo(HEAD + "…");
        // the bytes themselves are valid UTF-8: no lone surrogate was encoded as « ? »
        assertThat(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body)).toString())
                .contains(HEAD + "…\"");
    }
}
