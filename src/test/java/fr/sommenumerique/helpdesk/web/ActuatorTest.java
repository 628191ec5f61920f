package fr.sommenumerique.helpdesk.web;

import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.Outbox;
import fr.sommenumerique.helpdesk.ticketing.OutboxMessage;
import fr.sommenumerique.helpdesk.ticketing.OutboxStatus;
import fr.sommenumerique.helpdesk.ticketing.OutgoingMessage;
import fr.sommenumerique.helpdesk.web.account.StaffUser;
import fr.sommenumerique.helpdesk.web.ops.OutboxHealthIndicator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.InstanceOfAssertFactories;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Health with the helpdesk's parts (details for staff only) and the Prometheus metrics. */
class ActuatorTest extends WebTestBase {

    @Autowired
    Outbox outbox;
    @Autowired
    OutboxHealthIndicator outboxHealth;

    @Test
    void health_shows_mail_outbox_knowledge_base_and_telegram_to_staff_only() throws Exception {
        StaffUser agent = newAgent("ops");
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").exists()).andExpect(jsonPath("$.components").doesNotExist());
        mvc.perform(get("/actuator/health").with(httpBasic(agent.username(), PASSWORD)))
                .andExpect(jsonPath("$.components.mail.details.imap").exists())
                .andExpect(jsonPath("$.components.telegram").exists())
                .andExpect(jsonPath("$.components.outbox.details.backlog.email").exists())
                .andExpect(jsonPath("$.components.outbox.details.failed").exists())
                .andExpect(jsonPath("$.components.knowledgeBase.status").value("UP"))
                .andExpect(jsonPath("$.components.knowledgeBase.details.articles").isNumber())
                .andExpect(jsonPath("$.components.knowledgeBase.details.loadedAt").exists());
    }

    @Test
    void a_failed_outgoing_message_makes_the_outbox_degraded_until_retried() {
        int failedBefore = outbox.failed().size();
        OutboxMessage queued = outbox.enqueue(OutgoingMessage.telegram(424242L, "Bonjour"));
        OutboxMessage failed = outbox.markFailedPermanently(queued.id(), "bot bloqué par l'utilisateur");
        Health health = outboxHealth.health();
        assertThat(health.getStatus()).isEqualTo(OutboxHealthIndicator.DEGRADED);
        assertThat(health.getDetails().get("failed")).isEqualTo(failedBefore + 1);

        outbox.retryNow(failed.id(), "test");
        assertThat(outboxHealth.health().getDetails().get("failed")).as("no longer failed once retried")
                .isEqualTo(failedBefore);
        assertThat(outbox.byId(failed.id()).orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
        if (failedBefore == 0 && outbox.retrying(Channel.TELEGRAM) == 0 && outbox.retrying(Channel.EMAIL) == 0) {
            assertThat(outboxHealth.health().getStatus().getCode()).isEqualTo("UP");
        }
    }

    @Test
    void a_channel_retrying_after_a_failed_attempt_is_degraded_until_the_message_leaves() {
        OutboxMessage queued = outbox.enqueue(OutgoingMessage.telegram(434343L, "Bonjour"));
        long retryingBefore = outbox.retrying(Channel.TELEGRAM);
        outbox.markAttemptFailed(queued.id(), "Telegram injoignable");
        Health health = outboxHealth.health();
        assertThat(health.getStatus()).isEqualTo(OutboxHealthIndicator.DEGRADED);
        assertThat(health.getDetails().get("retrying")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("telegram", retryingBefore + 1);
        outbox.markSent(queued.id(), "42");
        assertThat(outbox.retrying(Channel.TELEGRAM)).isEqualTo(retryingBefore);
    }

    @Test
    void prometheus_exposes_messages_decisions_tickets_and_outbox_figures() throws Exception {
        StaffUser agent = newAgent("prom");
        email(unique("metrique"), "Actes", "Message d'erreur sur Actes : le dépôt échoue.");
        String metrics = mvc.perform(get("/actuator/prometheus").with(httpBasic(agent.username(), PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(metrics)
                .contains("helpdesk_messages_in_total{channel=\"email\"")
                .contains("helpdesk_assistant_decisions_total{kind=")
                .contains("helpdesk_tickets_opened_total{channel=\"email\"")
                .contains("helpdesk_outbox_backlog{channel=\"email\"}")
                .contains("helpdesk_outbox_failed ")
                .contains("helpdesk_quarantine_items ");
    }

    @Test
    void prometheus_counts_each_failed_send_attempt_and_each_message_given_up_by_channel() throws Exception {
        StaffUser agent = newAgent("prom-echecs");
        double attempts = counter(agent, "helpdesk_outbox_send_failures_total", "telegram");
        double abandoned = counter(agent, "helpdesk_outbox_send_abandoned_total", "telegram");
        double emailAttempts = counter(agent, "helpdesk_outbox_send_failures_total", "email");

        OutboxMessage retried = outbox.enqueue(OutgoingMessage.telegram(515151L, "Bonjour"));
        outbox.markAttemptFailed(retried.id(), "délai dépassé");
        outbox.markAttemptFailed(retried.id(), "délai dépassé");
        assertThat(counter(agent, "helpdesk_outbox_send_failures_total", "telegram")).isEqualTo(attempts + 2);
        assertThat(counter(agent, "helpdesk_outbox_send_abandoned_total", "telegram")).isEqualTo(abandoned);

        OutboxMessage refused = outbox.enqueue(OutgoingMessage.telegram(525252L, "Bonjour"));
        outbox.markFailedPermanently(refused.id(), "bot bloqué par l'utilisateur");
        assertThat(counter(agent, "helpdesk_outbox_send_failures_total", "telegram")).isEqualTo(attempts + 3);
        assertThat(counter(agent, "helpdesk_outbox_send_abandoned_total", "telegram")).isEqualTo(abandoned + 1);
        assertThat(counter(agent, "helpdesk_outbox_send_failures_total", "email")).isEqualTo(emailAttempts);
    }

    private double counter(StaffUser agent, String name, String channel) throws Exception {
        String metrics = mvc.perform(get("/actuator/prometheus").with(httpBasic(agent.username(), PASSWORD)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String prefix = name + "{channel=\"" + channel + "\"";
        return metrics.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .orElseThrow(() -> new AssertionError(prefix + " absent de /actuator/prometheus"));
    }
}
