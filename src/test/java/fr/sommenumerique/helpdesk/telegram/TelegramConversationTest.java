package fr.sommenumerique.helpdesk.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.sommenumerique.helpdesk.conversation.StaffReplies;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.ApiCall;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.EnqueuedUpdate;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.FakeUser;
import fr.sommenumerique.helpdesk.ticketing.AssistantInteraction;
import fr.sommenumerique.helpdesk.ticketing.Attachment;
import fr.sommenumerique.helpdesk.ticketing.AttachmentInfo;
import fr.sommenumerique.helpdesk.ticketing.MessageDirection;
import fr.sommenumerique.helpdesk.ticketing.OutboxMessage;
import fr.sommenumerique.helpdesk.ticketing.OutboxStatus;
import fr.sommenumerique.helpdesk.ticketing.SlaPolicy;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.TicketMessage;
import fr.sommenumerique.helpdesk.ticketing.TicketStatus;

/** Free text to the assistant, the answer's buttons, tickets from the chat answered by staff, edits, files, groups. */
class TelegramConversationTest extends TelegramChannelTestBase {

    private static final String ANSWERED_QUESTION = "Quel type de certificat faut il pour envoyer sur Actes ?";
    private static final String INCIDENT = "je n'arrive plus à me connecter à la plateforme marchés, mot de passe refusé";

    @Autowired
    StaffReplies staffReplies;
    @Autowired
    SlaPolicy sla;

    @Test
    void aQuestionTheKnowledgeBaseCoversIsAnsweredWithResolvedAndNotResolvedButtons() {
        FakeUser user = newUser();
        api.enqueueText(user, ANSWERED_QUESTION);

        ApiCall answer = awaitReply(user, "RGS");
        Ticket ticket = ticketsOf(user).get(0);
        assertThat(ticket.status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(answer.text("text")).contains("Référence : " + ticket.reference(), "« 👎 Pas résolu »");
        assertThat(buttons(answer)).containsExactly("fb:y:" + ticket.id(), "fb:n:" + ticket.id());
        assertThat(buttonLabels(answer)).containsExactly("👍 Résolu", "👎 Pas résolu");
    }

    @Test
    void resolvedRecordsPositiveFeedbackAndRemovesTheButtons() {
        FakeUser user = newUser();
        api.enqueueText(user, ANSWERED_QUESTION);
        awaitReply(user, "RGS");
        Ticket ticket = ticketsOf(user).get(0);
        int answerId = awaitBotMessageWithButton(user, ("fb:y:" + ticket.id())::equals);

        EnqueuedUpdate press = api.enqueueCallbackQuery(user, answerId, "fb:y:" + ticket.id());

        ApiCall answered = api.awaitCall("answerCallbackQuery", c -> press.callbackQueryId().equals(c.text("callback_query_id")));
        assertThat(answered.text("text")).isEqualTo("Merci pour votre retour !");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !api.botMessage(user.chatId(), answerId).orElseThrow().has("reply_markup"));
        AssistantInteraction interaction = interactions.byTicket(ticket.id()).orElseThrow();
        assertThat(interaction.helpful()).isTrue();
        assertThat(tickets.findById(ticket.id()).orElseThrow().status()).isEqualTo(TicketStatus.RESOLVED);
    }

    @Test
    void notResolvedReopensTheTicketForAnAgentRecordsTheFeedbackAndGivesTheExpectedResponseTime() {
        FakeUser user = newUser();
        Instant before = Instant.now().minusSeconds(5);
        api.enqueueText(user, ANSWERED_QUESTION);
        awaitReply(user, "RGS");
        Ticket ticket = ticketsOf(user).get(0);
        int answerId = awaitBotMessageWithButton(user, ("fb:n:" + ticket.id())::equals);

        api.enqueueCallbackQuery(user, answerId, "fb:n:" + ticket.id());

        ApiCall confirmation = awaitReply(user, "transmise à un agent");
        Ticket reopened = tickets.findById(ticket.id()).orElseThrow();
        assertThat(reopened.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(confirmation.text("text")).contains(ticket.reference(), sla.firstResponsePhrase(reopened.priority()));
        assertThat(interactions.byTicket(ticket.id()).orElseThrow().helpful()).isFalse();
        assertThat(interactions.unansweredReport(before, Instant.now().plusSeconds(5)).groups())
                .anySatisfy(g -> assertThat(g.sampleQuestions()).contains(ANSWERED_QUESTION));
        List<TicketMessage> messages = tickets.messages(ticket.id());
        assertThat(messages).extracting(TicketMessage::direction)
                .containsSubsequence(MessageDirection.INBOUND, MessageDirection.OUTBOUND, MessageDirection.NOTE);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !api.botMessage(user.chatId(), answerId).orElseThrow().has("reply_markup"));
    }

    @Test
    void aButtonOfSomeoneElsesAnswerChangesNothing() {
        FakeUser owner = newUser();
        api.enqueueText(owner, ANSWERED_QUESTION);
        awaitReply(owner, "RGS");
        Ticket ticket = ticketsOf(owner).get(0);
        FakeUser intruder = newUser();

        EnqueuedUpdate press = api.enqueueCallbackQuery(intruder, 1, "fb:n:" + ticket.id());

        ApiCall answered = api.awaitCall("answerCallbackQuery", c -> press.callbackQueryId().equals(c.text("callback_query_id")));
        assertThat(answered.text("text")).isEqualTo("Ce bouton n'est plus valable.");
        assertThat(tickets.findById(ticket.id()).orElseThrow().status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(interactions.byTicket(ticket.id()).orElseThrow().helpful()).isNull();
    }

    @Test
    void aTicketOpenedFromTheChatIsAnsweredByStaffInTheChatAndFurtherMessagesJoinIt() {
        FakeUser user = newUser();
        api.enqueueText(user, INCIDENT);
        ApiCall ack = awaitReply(user, "Nous avons bien reçu votre message");
        Ticket ticket = ticketsOf(user).get(0);
        assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
        assertThat(ack.text("text")).contains(ticket.reference());
        assertThat(buttons(ack)).isEmpty();

        staffReplies.reply(ticket.id(), "agent.durand", "Bonjour, votre mot de passe est réinitialisé : "
                + "un lien vous arrive par e-mail.", null);

        ApiCall reply = awaitReply(user, "votre mot de passe est réinitialisé");
        assertThat(buttons(reply)).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.ofTicket(ticket.id()).stream()
                .allMatch(m -> m.status() == OutboxStatus.SENT));
        assertThat(tickets.findById(ticket.id()).orElseThrow().status()).isEqualTo(TicketStatus.OPEN);

        EnqueuedUpdate followUp = api.enqueueText(user, "Merci, mais le lien ne fonctionne pas non plus");

        awaitReply(user, "Message ajouté à votre demande " + ticket.reference());
        assertThat(ticketsOf(user)).hasSize(1);
        assertThat(tickets.messages(ticket.id())).anyMatch(m -> m.direction() == MessageDirection.INBOUND
                && m.externalRef().equals(user.chatId() + ":" + followUp.messageId()));
    }

    @Test
    void aLongStaffReplyIsSentInSeveralMessages() {
        FakeUser user = newUser();
        api.enqueueText(user, INCIDENT);
        awaitReply(user, "Nous avons bien reçu votre message");
        Ticket ticket = ticketsOf(user).get(0);
        String paragraph = "Voici la marche à suivre détaillée pour réinitialiser votre accès à la plateforme. ".repeat(20);
        String longText = (paragraph + "\n\n").repeat(4) + "FIN DU MESSAGE";

        staffReplies.reply(ticket.id(), "agent.durand", longText, null);

        ApiCall last = awaitReply(user, "FIN DU MESSAGE");
        List<ApiCall> parts = delivered(user).stream().filter(c -> c.text("text").contains("Voici la marche")).toList();
        assertThat(parts).hasSize(2);
        assertThat(parts).allMatch(c -> c.text("text").length() <= 4096);
        // the signature and the reference follow the text, in its last part only
        assertThat(last.text("text")).contains("FIN DU MESSAGE\n\n— ").contains(ticket.reference());
        assertThat(parts.get(0).text("text")).doesNotContain(ticket.reference());
        OutboxMessage queued = outbox.ofTicket(ticket.id()).get(outbox.ofTicket(ticket.id()).size() - 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.byId(queued.id()).orElseThrow().status() == OutboxStatus.SENT);
    }

    @Test
    void anEditedMessageUpdatesTheStoredMessage() {
        FakeUser user = newUser();
        EnqueuedUpdate original = api.enqueueText(user, INCIDENT);
        awaitReply(user, "Nous avons bien reçu votre message");
        Ticket ticket = ticketsOf(user).get(0);

        EnqueuedUpdate edit = api.enqueueEditedMessage(user, original.messageId(),
                "je n'arrive plus à me connecter à la plateforme Actes, certificat refusé");
        awaitProcessed(edit);

        TicketMessage stored = tickets.messageByExternalRef(user.chatId() + ":" + original.messageId()).orElseThrow();
        assertThat(stored.ticketId()).isEqualTo(ticket.id());
        assertThat(stored.text()).isEqualTo("je n'arrive plus à me connecter à la plateforme Actes, certificat refusé");
        assertThat(stored.editedAt()).isNotNull();
        assertThat(tickets.messages(ticket.id()).stream().filter(m -> m.direction() == MessageDirection.INBOUND)).hasSize(1);
        assertThat(ticketsOf(user)).hasSize(1);
    }

    @Test
    void anEditOfAnUnknownMessageIsIgnored() {
        FakeUser user = newUser();
        EnqueuedUpdate edit = api.enqueueEditedMessage(user, 9999, "texte corrigé");
        awaitProcessed(edit);
        assertThat(ticketsOf(user)).isEmpty();
        assertThat(sentTo(user)).isEmpty();
    }

    @Test
    void aPhotoIsStoredAsAnAttachmentOfTheTicketWithItsCaption() {
        FakeUser user = newUser();
        byte[] jpeg = new byte[30_000];
        for (int i = 0; i < jpeg.length; i++) {
            jpeg[i] = (byte) (i * 31);
        }
        api.enqueueText(user, INCIDENT);
        awaitReply(user, "Nous avons bien reçu votre message");
        Ticket ticket = ticketsOf(user).get(0);

        api.enqueuePhoto(user, jpeg, "Voici le message d'erreur affiché");

        awaitReply(user, "Fichier ajouté à votre demande " + ticket.reference());
        TicketMessage withPhoto = tickets.messages(ticket.id()).stream()
                .filter(m -> m.text().equals("Voici le message d'erreur affiché")).findFirst().orElseThrow();
        assertThat(withPhoto.attachments()).hasSize(1);
        AttachmentInfo info = withPhoto.attachments().get(0);
        assertThat(info.contentType()).isEqualTo("image/jpeg");
        assertThat(info.size()).isEqualTo(jpeg.length);
        Attachment stored = tickets.attachment(info.id()).orElseThrow();
        assertThat(stored.data()).isEqualTo(jpeg);
    }

    @Test
    void aDocumentWithoutCaptionIsNamedInTheText() {
        FakeUser user = newUser();
        byte[] pdf = "%PDF-1.4 délibération".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        api.enqueueDocument(user, "deliberation-2026-04.pdf", "application/pdf", pdf, null);

        await().atMost(Duration.ofSeconds(15)).until(() -> !ticketsOf(user).isEmpty());
        TicketMessage first = tickets.messages(ticketsOf(user).get(0).id()).get(0);
        assertThat(first.text()).isEqualTo("(document deliberation-2026-04.pdf)");
        assertThat(first.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("deliberation-2026-04.pdf");
            assertThat(a.contentType()).isEqualTo("application/pdf");
        });
    }

    @Test
    void aDocumentOverTwentyMegabytesIsRefusedWithoutDownloading() {
        FakeUser user = newUser();
        EnqueuedUpdate update = api.enqueueLargeDocument(user, "scan-registre.pdf", "application/pdf", 25L * 1024 * 1024);

        ApiCall refusal = awaitReply(user, "20 Mo");
        assertThat(refusal.text("text")).contains("25,0 Mo", "je ne peux donc pas le recevoir");
        awaitProcessed(update);
        assertThat(ticketsOf(user)).isEmpty();
        assertThat(api.calls("getFile")).noneMatch(c -> update.file().fileId().equals(c.text("file_id")));
    }

    @Test
    void theWordsOfAMessageWithATooLargeFileStillReachTheAssistantWithATraceOfTheFile() {
        FakeUser user = newUser();
        ObjectNode message = privateMessage(user, 7001);
        message.putObject("document").put("file_name", "registre.pdf").put("mime_type", "application/pdf")
                .put("file_id", "BQACAgQAAxkBAAIhuge").put("file_unique_id", "AgADhuge").put("file_size", 25L * 1024 * 1024);
        message.put("caption", "Voici le registre scanné, la plateforme Actes le refuse");

        api.enqueueRaw("message", message);

        awaitReply(user, "au-delà de 20 Mo");
        await().atMost(Duration.ofSeconds(15)).until(() -> !ticketsOf(user).isEmpty());
        TicketMessage first = tickets.messages(ticketsOf(user).get(0).id()).get(0);
        assertThat(first.text()).isEqualTo("Voici le registre scanné, la plateforme Actes le refuse\n\n"
                + "[Fichier non reçu, plus de 20 Mo : registre.pdf (25,0 Mo)]");
        assertThat(first.attachments()).isEmpty();
    }

    @Test
    void aVoiceMessageIsPolitelyRefused() {
        FakeUser user = newUser();
        ObjectNode message = privateMessage(user, 7002);
        message.putObject("voice").put("file_id", "AwACAgQAAxkBAAIvoice").put("file_unique_id", "AgADvoice")
                .put("duration", 4).put("file_size", 12000);

        api.enqueueRaw("message", message);

        awaitReply(user, "Je ne peux pas écouter les messages vocaux");
        assertThat(ticketsOf(user)).isEmpty();
    }

    @Test
    void aSubscriptionRequestWrittenAsFreeTextIsRecordedAndConfirmedInTheChat() {
        FakeUser user = newUser();
        api.enqueueText(user, "Nous souhaitons adhérer au service Actes. Pouvez-vous nous envoyer la convention ?");

        ApiCall confirmation = awaitReply(user, "Référence de votre demande : DA-");
        var request = subscriptions.ofContact(contactOf(user).id()).get(0);
        assertThat(confirmation.text("text")).contains(request.reference());
        assertThat(ticketsOf(user)).isEmpty();
    }

    private static ObjectNode privateMessage(FakeUser user, int messageId) {
        ObjectNode message = JsonNodeFactory.instance.objectNode();
        message.put("message_id", messageId);
        message.putObject("from").put("id", user.id()).put("is_bot", false).put("first_name", user.firstName())
                .put("last_name", user.lastName()).put("language_code", "fr");
        message.putObject("chat").put("id", user.chatId()).put("type", "private").put("first_name", user.firstName());
        message.put("date", Instant.now().getEpochSecond());
        return message;
    }

    @Test
    void aGroupIsToldOnceThatTheBotWorksInPrivateAndNothingElseHappens() {
        FakeUser member = newUser();
        long group = -1_000_000_000_000L - member.id();
        EnqueuedUpdate first = api.enqueueGroupText(group, "Secrétaires du Vimeu", member, "Bonjour le robot");
        EnqueuedUpdate second = api.enqueueGroupText(group, "Secrétaires du Vimeu", member, ANSWERED_QUESTION);
        awaitProcessed(first);
        awaitProcessed(second);

        await().atMost(Duration.ofSeconds(10)).until(() -> sentTo(group).size() == 1);
        assertThat(sentTo(group).get(0).text("text")).contains("conversation privée");
        assertThat(contacts.byTelegramChatId(group)).isEmpty();
        assertThat(contacts.byTelegramChatId(member.chatId())).isEmpty();
    }
}
