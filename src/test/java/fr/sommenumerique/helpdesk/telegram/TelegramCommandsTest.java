package fr.sommenumerique.helpdesk.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.sommenumerique.helpdesk.assistant.Priority;
import fr.sommenumerique.helpdesk.knowledge.Article;
import fr.sommenumerique.helpdesk.knowledge.KnowledgeBase;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.ApiCall;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.EnqueuedUpdate;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.FakeUser;
import fr.sommenumerique.helpdesk.ticketing.BusinessCalendar;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.MessageDirection;
import fr.sommenumerique.helpdesk.ticketing.NewSubscriptionRequest;
import fr.sommenumerique.helpdesk.ticketing.SlaPolicy;
import fr.sommenumerique.helpdesk.assistant.SubscriptionKind;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.TicketMessage;
import fr.sommenumerique.helpdesk.ticketing.TicketStatus;

/** The commands of the bot's menu, through the real client and the fake Bot API. */
class TelegramCommandsTest extends TelegramChannelTestBase {

    @Autowired
    SlaPolicy sla;
    @Autowired
    BusinessCalendar calendar;
    @Autowired
    KnowledgeBase knowledgeBase;

    @Test
    void theMenuIsSetAtStartWithTheFrenchCommands() {
        await().atMost(Duration.ofSeconds(15)).until(() -> api.myCommands().size() > 0);
        List<String> commands = StreamSupport.stream(api.myCommands().spliterator(), false)
                .map(c -> c.get("command").asText()).toList();
        assertThat(commands).containsExactly("start", "aide", "services", "horaires", "ticket", "statut", "souscrire",
                "lier", "fin");
        assertThat(api.myCommands().get(4).get("description").asText()).isEqualTo("Ouvrir une demande pour un agent");
    }

    @Test
    void startWelcomesAndOpensNoTicket() {
        FakeUser user = newUser();
        EnqueuedUpdate start = api.enqueueCommand(user, "/start", null);

        ApiCall welcome = awaitReply(user, "Bonjour et bienvenue");
        assertThat(welcome.text("text")).contains("assistant de Mairie connectée", "/services", "/ticket", "/lier");
        awaitProcessed(start);
        assertThat(ticketsOf(user)).isEmpty();
        assertThat(delivered(user)).hasSize(1);
    }

    @Test
    void aideListsEveryCommandAndHorairesGivesTheOpeningHours() {
        FakeUser user = newUser();
        api.enqueueCommand(user, "/aide", null);
        ApiCall help = awaitReply(user, "Ce que je sais faire");
        assertThat(help.text("text")).contains("/services", "/horaires", "/ticket", "/statut", "/souscrire", "/lier",
                "/fin", "/annuler", "20 Mo");

        api.enqueueCommand(user, "/horaires", null);
        ApiCall hours = awaitReply(user, "L'équipe de Somme Numérique vous répond");
        assertThat(hours.text("text")).contains(calendar.openingHoursText()).contains("9h00");
    }

    @Test
    void servicesShowsOneButtonPerServiceAndEachOpensItsSummaryFromTheKnowledgeBase() {
        FakeUser user = newUser();
        api.enqueueCommand(user, "/services", null);

        ApiCall menu = awaitReply(user, "Touchez un service");
        assertThat(buttons(menu)).containsExactly("svc:actes", "svc:marches", "svc:partage", "svc:formation", "svc:offre");
        assertThat(buttonLabels(menu)).contains("📜 Actes", "⭐ Toute l'offre");

        int menuId = awaitBotMessageWithButton(user, "svc:actes"::equals);
        EnqueuedUpdate press = api.enqueueCallbackQuery(user, menuId, "svc:actes");

        ApiCall summary = awaitReply(user, "Actes, la télétransmission");
        assertThat(summary.text("parse_mode")).isEqualTo("MarkdownV2");
        // Telegram accepted the MarkdownV2 (every reserved character escaped) and shows the plain summary
        int summaryId = Integer.parseInt(lastSentExternalId(user));
        ObjectNode shown = api.botMessage(user.chatId(), summaryId).orElseThrow();
        assertThat(shown.get("text").asText())
                .startsWith("Actes, la télétransmission au contrôle de légalité\n\nLa plateforme Actes permet d'envoyer "
                        + "vos actes à la préfecture par voie électronique")
                .contains("(article 139 de la loi 2004-809).")
                .endsWith("Pour en faire la demande : /souscrire");
        assertThat(shown.get("entities").get(0).get("type").asText()).isEqualTo("bold");
        assertThat(api.calls("answerCallbackQuery")).anyMatch(c -> press.callbackQueryId().equals(c.text("callback_query_id")));
    }

    /** Every button of the menu, each giving the title and first paragraph of that service's main article. */
    @Test
    void everyServiceButtonOpensItsOwnSummary() {
        Map<String, String> mainArticles = new LinkedHashMap<>();
        mainArticles.put("svc:actes", "actes-teletransmission");
        mainArticles.put("svc:marches", "plateforme-marches");
        mainArticles.put("svc:partage", "partage-de-fichiers");
        mainArticles.put("svc:formation", "formation-presentation");
        mainArticles.put("svc:offre", "offre-mairie-connectee");
        FakeUser user = newUser();
        api.enqueueCommand(user, "/services", null);
        int menuId = awaitBotMessageWithButton(user, "svc:offre"::equals);
        assertThat(buttons(api.awaitCall("sendMessage", c -> c.longValue("chat_id") == user.chatId())))
                .containsExactlyElementsOf(mainArticles.keySet());

        Set<String> summaries = new HashSet<>();
        mainArticles.forEach((button, articleId) -> {
            Article article = knowledgeBase.article(articleId).orElseThrow();
            EnqueuedUpdate press = api.enqueueCallbackQuery(user, menuId, button);
            api.awaitCall("answerCallbackQuery", c -> press.callbackQueryId().equals(c.text("callback_query_id")));
            awaitProcessed(press);
            String shown = api.botMessage(user.chatId(), Integer.parseInt(lastSentExternalId(user))).orElseThrow()
                    .get("text").asText();
            String firstParagraph = article.text().strip().split("\\n\\s*\\n")[0].strip();
            assertThat(shown).as(button)
                    .startsWith(article.title() + "\n\n" + firstParagraph.substring(0, Math.min(200, firstParagraph.length())))
                    .endsWith("Une question sur ce service ? Écrivez-la ici. Pour en faire la demande : /souscrire");
            summaries.add(shown);
        });
        assertThat(summaries).hasSize(5);
    }

    @Test
    void ticketOpensATicketDirectlyWithTheAssistantsPriorityAndAcknowledgesWithReferenceSlaAndHours() {
        FakeUser user = newUser();
        EnqueuedUpdate command = api.enqueueCommand(user, "/ticket",
                "Une entreprise n'arrive pas à déposer son offre, la date limite est demain midi, aidez-nous !");

        ApiCall ack = awaitReply(user, "Votre demande est enregistrée sous la référence");
        Ticket ticket = ticketsOf(user).get(0);
        assertThat(ticket.channel()).isEqualTo(Channel.TELEGRAM);
        assertThat(ticket.priority()).isIn(Priority.HIGH, Priority.URGENT);
        assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
        assertThat(ack.text("text")).contains(ticket.reference(), sla.firstResponsePhrase(ticket.priority()),
                calendar.openingHoursText());
        List<TicketMessage> messages = tickets.messages(ticket.id());
        assertThat(messages.get(0).direction()).isEqualTo(MessageDirection.INBOUND);
        assertThat(messages.get(0).text()).startsWith("Une entreprise n'arrive pas");
        assertThat(messages.get(0).externalRef()).isEqualTo(user.chatId() + ":" + command.messageId());
        assertThat(messages).anyMatch(m -> m.direction() == MessageDirection.OUTBOUND && m.automatic()
                && m.text().contains(ticket.reference()));
    }

    @Test
    void ticketWithoutTextExplainsHowToUseIt() {
        FakeUser user = newUser();
        EnqueuedUpdate command = api.enqueueCommand(user, "/ticket", null);

        assertThat(awaitReply(user, "Écrivez /ticket suivi de votre message").text("text")).contains("par exemple");
        awaitProcessed(command);
        assertThat(ticketsOf(user)).isEmpty();
    }

    @Test
    void statutListsOpenTicketsAndRequestsInEscapedMarkdownThatTelegramAccepts() {
        FakeUser user = newUser();
        String tricky = "Erreur _x_ *y* [z](w) ~a~ `b` >c #d +e -f =g |h {i} .j !k \\l";
        api.enqueueCommand(user, "/ticket", tricky);
        awaitReply(user, "Votre demande est enregistrée");
        Ticket ticket = ticketsOf(user).get(0);
        var request = subscriptions.record(NewSubscriptionRequest.of(contactOf(user).id(), SubscriptionKind.MEMBERSHIP,
                Channel.TELEGRAM, "adhésion").withCommune("80005", "Agenville"));

        api.enqueueCommand(user, "/statut", null);

        ApiCall status = awaitReply(user, "Vos demandes");
        assertThat(status.text("parse_mode")).isEqualTo("MarkdownV2");
        ObjectNode shown = api.botMessage(user.chatId(), Integer.parseInt(lastSentExternalId(user))).orElseThrow();
        assertThat(shown.get("text").asText())
                .contains(ticket.reference() + " · Reçue, en attente d'un agent")
                .contains("« " + tricky + " »")
                .contains(request.reference() + " · Adhésion · Reçue · Agenville")
                .contains("/fin")
                .contains("/lier");
        List<String> bold = StreamSupport.stream(shown.get("entities").spliterator(), false)
                .filter(e -> e.get("type").asText().equals("bold"))
                .map(e -> shown.get("text").asText().substring(e.get("offset").asInt(),
                        e.get("offset").asInt() + e.get("length").asInt()))
                .toList();
        assertThat(bold).contains("Vos demandes", ticket.reference(), request.reference());
    }

    @Test
    void statutWithNothingSaysSo() {
        FakeUser user = newUser();
        api.enqueueCommand(user, "/statut", null);
        assertThat(awaitReply(user, "Vous n'avez aucune demande en cours").text("parse_mode")).isNull();
    }

    @Test
    void finClosesTheLastOpenTicketAndSaysSo() {
        FakeUser user = newUser();
        api.enqueueCommand(user, "/ticket", "Le certificat RGS de Mme Durand expire la semaine prochaine");
        awaitReply(user, "Votre demande est enregistrée");
        Ticket ticket = ticketsOf(user).get(0);

        api.enqueueCommand(user, "/fin", null);

        ApiCall closed = awaitReply(user, "est close");
        assertThat(closed.text("text")).contains(ticket.reference());
        assertThat(tickets.findById(ticket.id()).orElseThrow().status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(tickets.messages(ticket.id())).anyMatch(m -> m.direction() == MessageDirection.NOTE
                && m.text().contains("/fin"));

        api.enqueueCommand(user, "/fin", null);
        awaitReply(user, "Vous n'avez pas de demande ouverte");
    }

    @Test
    void anUnknownCommandPointsToAide() {
        FakeUser user = newUser();
        api.enqueueCommand(user, "/bonjour", null);
        awaitReply(user, "Tapez /aide");
        assertThat(ticketsOf(user)).isEmpty();
    }

    /** The Telegram message id of the newest message delivered to that chat. */
    private String lastSentExternalId(FakeUser user) {
        awaitNothingPendingFor(user);
        return jdbc.sql("""
                        SELECT external_id FROM outbox WHERE channel = 'TELEGRAM' AND recipient = ? AND status = 'SENT'
                        ORDER BY id DESC LIMIT 1""")
                .params(String.valueOf(user.chatId())).query(String.class).single();
    }
}
