package fr.sommenumerique.helpdesk.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import fr.sommenumerique.helpdesk.knowledge.ServiceArea;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.ApiCall;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.EnqueuedUpdate;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.FakeUser;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.OutboxMessage;
import fr.sommenumerique.helpdesk.assistant.SubscriptionKind;
import fr.sommenumerique.helpdesk.ticketing.SubscriptionRequest;
import fr.sommenumerique.helpdesk.ticketing.SubscriptionStatus;

/** /souscrire: commune, services, e-mail and confirmation with buttons, then a recorded request. */
class TelegramSubscriptionFlowTest extends TelegramChannelTestBase {

    @Test
    void aGuidedRequestIsRecordedWithCommuneServicesAndEmailAndConfirmedWithEligibility() {
        FakeUser user = newUser();
        api.enqueueCommand(user, "/souscrire", null);
        awaitReply(user, "Pour quelle commune ?");

        api.enqueueText(user, "agenvil");
        ApiCall choices = awaitReply(user, "Choisissez votre commune");
        assertThat(buttons(choices)).contains("sub:c:80005", "sub:c:80006");
        assertThat(buttonLabels(choices)).contains("Agenville (80370)", "Agenvillers (80150)");

        press(user, "sub:c:80005");
        ApiCall servicesStep = awaitReply(user, "Commune : Agenville (80370)");
        assertThat(buttonLabels(servicesStep)).containsExactly("▫️ Actes", "▫️ Marchés publics", "▫️ Partage de fichiers",
                "▫️ Formation", "▫️ Toute l'offre", "Valider ➡️");

        int servicesMessage = awaitBotMessageWithButton(user, "sub:v"::equals);
        EnqueuedUpdate tooEarly = api.enqueueCallbackQuery(user, servicesMessage, "sub:v");
        ApiCall alert = api.awaitCall("answerCallbackQuery", c -> tooEarly.callbackQueryId().equals(c.text("callback_query_id")));
        assertThat(alert.text("text")).isEqualTo("Cochez au moins un service, puis « Valider ».");
        assertThat(alert.text("show_alert")).isEqualTo("true");

        api.enqueueCallbackQuery(user, servicesMessage, "sub:s:ACTES");
        api.enqueueCallbackQuery(user, servicesMessage, "sub:s:MARCHES");
        await().atMost(Duration.ofSeconds(10)).until(() -> labelsOf(user, servicesMessage)
                .containsAll(List.of("✅ Actes", "✅ Marchés publics", "▫️ Formation")));

        api.enqueueCallbackQuery(user, servicesMessage, "sub:v");
        awaitReply(user, "À quelle adresse e-mail");
        api.enqueueText(user, "pas une adresse");
        awaitReply(user, "ne semble pas valide");
        api.enqueueText(user, "secretariat@agenville.fr");

        ApiCall summary = awaitReply(user, "Votre demande :");
        assertThat(summary.text("text")).contains("Agenville (80370)", "Actes, Marchés publics", "secretariat@agenville.fr");
        assertThat(buttons(summary)).containsExactly("sub:ok", "sub:x");
        press(user, "sub:ok");

        ApiCall confirmation = awaitReply(user, "Votre demande est enregistrée sous la référence DA-");
        List<SubscriptionRequest> requests = subscriptions.ofContact(contactOf(user).id());
        assertThat(requests).hasSize(1);
        SubscriptionRequest request = requests.get(0);
        assertThat(request.communeInsee()).isEqualTo("80005");
        assertThat(request.services()).isEqualTo(Set.of(ServiceArea.ACTES, ServiceArea.MARCHES));
        assertThat(request.kind()).isEqualTo(SubscriptionKind.MEMBERSHIP);
        assertThat(request.channel()).isEqualTo(Channel.TELEGRAM);
        assertThat(request.status()).isEqualTo(SubscriptionStatus.RECEIVED);
        assertThat(request.subsidyEligible()).isTrue();
        assertThat(request.sourceText()).contains("secretariat@agenville.fr", "non vérifiée");
        assertThat(confirmation.text("text")).contains(request.reference(), "83 habitants",
                "Communes visées : moins de 2 000 habitants", "REACT-EU s'est clôturé fin 2023", "Prochaines étapes", "9h00");
        assertThat(confirmation.text("text")).as("the knowledge base's words, not a second text in code")
                .doesNotContain("semble éligible");
        assertThat(contactOf(user).email()).isNull();
        List<OutboxMessage> queued = jdbc.sql("SELECT id FROM outbox WHERE subscription_id = ?").params(request.id())
                .query(Long.class).list().stream().map(id -> outbox.byId(id).orElseThrow()).toList();
        assertThat(queued).singleElement().satisfies(m -> assertThat(m.textBody()).contains(request.reference()));
    }

    @Test
    void toutesLOffreExcludesTheSingleServicesAndALargeCommuneIsNotEligible() {
        FakeUser user = newUser();
        api.enqueueCommand(user, "/souscrire", null);
        awaitReply(user, "Pour quelle commune ?");
        api.enqueueText(user, "abbeville");
        awaitReply(user, "Est-ce bien cette commune ?");
        press(user, "sub:c:80001");
        awaitReply(user, "Commune : Abbeville");
        int servicesMessage = awaitBotMessageWithButton(user, "sub:v"::equals);

        api.enqueueCallbackQuery(user, servicesMessage, "sub:s:FORMATION");
        api.enqueueCallbackQuery(user, servicesMessage, "sub:s:OFFRE");
        await().atMost(Duration.ofSeconds(10)).until(() -> labelsOf(user, servicesMessage)
                .containsAll(List.of("▫️ Formation", "✅ Toute l'offre")));
        api.enqueueCallbackQuery(user, servicesMessage, "sub:v");
        awaitReply(user, "À quelle adresse e-mail");
        api.enqueueText(user, "dgs@abbeville.fr");
        awaitReply(user, "Votre demande :");
        press(user, "sub:ok");

        ApiCall confirmation = awaitReply(user, "Votre demande est enregistrée");
        assertThat(confirmation.text("text")).contains("22 395 habitants", "Communes visées : moins de 2 000 habitants",
                "REACT-EU s'est clôturé fin 2023");
        SubscriptionRequest request = subscriptions.ofContact(contactOf(user).id()).get(0);
        assertThat(request.services()).isEqualTo(Set.of(ServiceArea.OFFRE));
        assertThat(request.subsidyEligible()).isFalse();
    }

    @Test
    void annulerStopsTheFlowAndOldButtonsNoLongerWork() {
        FakeUser user = newUser();
        api.enqueueCommand(user, "/souscrire", null);
        awaitReply(user, "Pour quelle commune ?");
        api.enqueueText(user, "Agenville");
        awaitReply(user, "Choisissez votre commune");
        int choices = awaitBotMessageWithButton(user, "sub:c:80005"::equals);

        api.enqueueCommand(user, "/annuler", null);
        awaitReply(user, "C'est annulé");
        EnqueuedUpdate late = api.enqueueCallbackQuery(user, choices, "sub:c:80005");

        ApiCall expired = api.awaitCall("answerCallbackQuery", c -> late.callbackQueryId().equals(c.text("callback_query_id")));
        assertThat(expired.text("text")).contains("Tapez /souscrire pour recommencer");
        assertThat(subscriptions.ofContact(contacts.byTelegramChatId(user.chatId()).map(c -> c.id()).orElse(-1L))).isEmpty();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !api.botMessage(user.chatId(), choices).orElseThrow().has("reply_markup"));
    }

    private void press(FakeUser user, String data) {
        int message = awaitBotMessageWithButton(user, data::equals);
        api.enqueueCallbackQuery(user, message, data);
    }

    private static List<String> labelsOf(FakeUser user, int messageId) {
        JsonNode markup = api.botMessage(user.chatId(), messageId).orElseThrow().get("reply_markup");
        if (markup == null) {
            return List.of();
        }
        List<String> labels = new java.util.ArrayList<>();
        markup.get("inline_keyboard").forEach(row -> row.forEach(b -> labels.add(b.get("text").asText())));
        return labels;
    }
}
