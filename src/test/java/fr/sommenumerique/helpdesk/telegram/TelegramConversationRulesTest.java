package fr.sommenumerique.helpdesk.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import fr.sommenumerique.helpdesk.assistant.Priority;
import fr.sommenumerique.helpdesk.conversation.StaffReplies;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.ApiCall;
import fr.sommenumerique.helpdesk.telegram.FakeTelegramBotApi.FakeUser;
import fr.sommenumerique.helpdesk.ticketing.MessageDirection;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.TicketMessage;
import fr.sommenumerique.helpdesk.ticketing.TicketStatus;
import fr.sommenumerique.helpdesk.web.account.NewStaffMember;
import fr.sommenumerique.helpdesk.web.account.StaffAccounts;
import fr.sommenumerique.helpdesk.web.account.StaffRole;

/**
 * The conversation rules of the chat (issue 9), against the fake Bot API with the real assistant: greetings open
 * nothing, every question goes to the assistant first, one issue one ticket (or the person's choice), precisions
 * and files complete the most recent conversation, /fin picks among several open tickets.
 */
class TelegramConversationRulesTest extends TelegramChannelTestBase {

    @Autowired
    StaffReplies staffReplies;
    @Autowired
    StaffAccounts staffAccounts;

    static final String ANSWERED_QUESTION = "Quel type de certificat faut il pour envoyer sur Actes ?";
    static final String SUBSIDY_QUESTION = "Quelle part du coût de Mairie connectée est financée par l'Europe ?";
    static final String MARCHES_INCIDENT = "je n'arrive plus à me connecter à la plateforme marchés, mot de passe refusé";
    static final String URGENT_ACTES_INCIDENT = "URGENT : certificat expiré, impossible de télétransmettre la délibération "
            + "sur Actes avant le conseil de ce soir";
    static final String OFFER_PRICE = "Quel est le prix de l'abonnement Mairie connectée ?";
    /** An incident the classifier reads without an incident word (« très lent » is one: a stated, urgent incident). */
    static final String SLOW_SHARING = "Le partage de fichiers est lent depuis hier, les dépôts n'aboutissent pas";
    static final String CERTIFICATE_PRICE = "Combien coûte le certificat RGS pour Actes ?";
    /** A second question on Actes that the knowledge base hands over (the transmitter's name is not known here). */
    static final String TRANSMITTER_NAME = "Le tiers de télétransmission Actes, c'est quel prestataire ?";

    // ------------------------------------------------------------------ 1. greetings and thanks

    @Test
    void aGreetingAloneOpensNothingAndTheQuestionAfterItIsAnsweredAsAFirstMessage() {
        FakeUser user = newUser();
        api.enqueueText(user, "Bonjour");

        ApiCall prompt = awaitReply(user, "Posez-moi votre question");
        assertThat(ticketsOf(user)).isEmpty();
        assertThat(prompt.text("text")).doesNotContain("MC-");

        api.enqueueText(user, ANSWERED_QUESTION);

        awaitReply(user, "RGS");
        assertThat(ticketsOf(user)).singleElement().satisfies(t -> {
            assertThat(t.status()).isEqualTo(TicketStatus.RESOLVED);
            assertThat(t.subject()).isEqualTo(ANSWERED_QUESTION);
        });
    }

    @Test
    void thanksAloneOpenNothingAndAreNotedOnTheConversationTheyThankFor() {
        FakeUser user = newUser();
        api.enqueueText(user, MARCHES_INCIDENT);
        awaitReply(user, "Nous avons bien reçu votre message");
        Ticket incident = ticketsOf(user).get(0);

        api.enqueueText(user, "Merci beaucoup !");

        awaitReply(user, "Avec plaisir");
        assertThat(ticketsOf(user)).hasSize(1);
        assertThat(tickets.findById(incident.id()).orElseThrow().status()).isEqualTo(TicketStatus.NEW);
        assertThat(tickets.messages(incident.id())).anyMatch(m -> m.direction() == MessageDirection.NOTE
                && m.text().contains("Merci beaucoup"));
    }

    // ------------------------------------------------------------------ 2. the assistant first

    @Test
    void anAnswerableQuestionIsAnsweredWhileATicketIsOpenWithItsOwnRecord() {
        FakeUser user = newUser();
        api.enqueueText(user, MARCHES_INCIDENT);
        awaitReply(user, "Nous avons bien reçu votre message");
        Ticket incident = ticketsOf(user).get(0);

        api.enqueueText(user, ANSWERED_QUESTION);

        ApiCall answer = awaitReply(user, "RGS");
        List<Ticket> all = ticketsOf(user);
        assertThat(all).hasSize(2);
        Ticket answered = all.stream().filter(t -> t.id() != incident.id()).findFirst().orElseThrow();
        assertThat(answered.status()).isEqualTo(TicketStatus.RESOLVED);
        assertThat(answer.text("text")).contains(answered.reference());
        assertThat(interactions.byTicket(answered.id())).isPresent();
        assertThat(tickets.messages(incident.id())).filteredOn(m -> m.direction() == MessageDirection.INBOUND).hasSize(1);
    }

    // ------------------------------------------------------------------ 3. one issue, one ticket

    @Test
    void anUrgentIncidentAfterAReopenedQuestionGetsItsOwnTicketAndFinClosesTheOneChosen() {
        FakeUser user = newUser();
        api.enqueueText(user, SUBSIDY_QUESTION);
        awaitReply(user, "REACT-EU");
        Ticket question = ticketsOf(user).get(0);
        int answerId = awaitBotMessageWithButton(user, ("fb:n:" + question.id())::equals);
        api.enqueueCallbackQuery(user, answerId, "fb:n:" + question.id());
        awaitReply(user, "transmise à un agent");

        api.enqueueText(user, URGENT_ACTES_INCIDENT);

        awaitReply(user, "Nous avons bien reçu votre message");
        List<Ticket> all = ticketsOf(user);
        assertThat(all).hasSize(2);
        Ticket incident = all.stream().filter(t -> t.id() != question.id()).findFirst().orElseThrow();
        assertThat(incident.priority()).isEqualTo(Priority.URGENT);
        assertThat(incident.service()).isEqualTo(ServiceArea.ACTES);
        assertThat(tickets.findById(question.id()).orElseThrow().priority()).isEqualTo(Priority.NORMAL);

        api.enqueueCommand(user, "/fin", null);

        ApiCall choice = awaitReply(user, "Laquelle voulez-vous clore");
        assertThat(choice.text("text")).contains(question.reference(), question.subject(), incident.reference());
        assertThat(buttons(choice)).containsExactlyInAnyOrder("fin:" + question.id(), "fin:" + incident.id());
        int finId = awaitBotMessageWithButton(user, ("fin:" + question.id())::equals);
        api.enqueueCallbackQuery(user, finId, "fin:" + question.id());

        awaitReply(user, "Votre demande " + question.reference());
        assertThat(tickets.findById(question.id()).orElseThrow().status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(tickets.findById(incident.id()).orElseThrow().status()).isEqualTo(TicketStatus.NEW);
    }

    @Test
    void aMessageOnTheSameServiceJoinsTheOpenTicket() {
        FakeUser user = newUser();
        api.enqueueText(user, CERTIFICATE_PRICE);
        awaitReply(user, "Nous avons bien reçu votre message");
        Ticket ticket = ticketsOf(user).get(0);

        api.enqueueText(user, TRANSMITTER_NAME);

        awaitReply(user, "Message ajouté à votre demande " + ticket.reference());
        assertThat(ticketsOf(user)).hasSize(1);
    }

    @Test
    void aShortFollowUpWithNoTopicOfItsOwnRightAfterOurReplyJoinsThatTicketWithoutAsking() {
        FakeUser user = newUser();
        api.enqueueText(user, OFFER_PRICE);
        awaitReply(user, "Nous avons bien reçu votre message");
        Ticket ticket = ticketsOf(user).get(0);

        api.enqueueText(user, "ok je vais essayer demain");

        ApiCall reply = awaitReply(user, "Message ajouté à votre demande " + ticket.reference());
        assertThat(buttonLabels(reply)).isEmpty();
        assertThat(reply.text("text")).doesNotContain("ne semble pas concerner");
        assertThat(ticketsOf(user)).hasSize(1);
        assertThat(tickets.messages(ticket.id())).anyMatch(m -> m.text().equals("ok je vais essayer demain"));
    }

    @Test
    void whenTheTopicCannotTellThePersonChoosesWithTwoButtons() {
        FakeUser joining = newUser();
        api.enqueueText(joining, OFFER_PRICE);
        awaitReply(joining, "Nous avons bien reçu votre message");
        Ticket open = ticketsOf(joining).get(0);

        api.enqueueText(joining, SLOW_SHARING);

        ApiCall asked = awaitReply(joining, "Est-ce la suite de votre demande " + open.reference());
        Ticket added = ticketsOf(joining).stream().filter(t -> t.id() != open.id()).findFirst().orElseThrow();
        assertThat(buttonLabels(asked)).containsExactly("Ajouter à " + open.reference() + " (Quel est le prix de "
                + "l'abonn…)", "Nouvelle demande");
        int askedId = awaitBotMessageWithButton(joining, d -> d.startsWith("cv:j:"));
        api.enqueueCallbackQuery(joining, askedId, "cv:j:" + added.id() + ":" + open.id());

        awaitReply(joining, "C'est regroupé");
        assertThat(tickets.findById(added.id()).orElseThrow().mergedIntoId()).isEqualTo(open.id());
        assertThat(tickets.messages(open.id())).anyMatch(m -> m.text().equals(SLOW_SHARING));
        assertThat(tickets.findById(open.id()).orElseThrow().isActive()).isTrue();

        FakeUser apart = newUser();
        api.enqueueText(apart, OFFER_PRICE);
        awaitReply(apart, "Nous avons bien reçu votre message");
        api.enqueueText(apart, SLOW_SHARING);
        awaitReply(apart, "Est-ce la suite de votre demande");
        List<Ticket> both = ticketsOf(apart);
        int apartId = awaitBotMessageWithButton(apart, d -> d.startsWith("cv:n:"));
        api.enqueueCallbackQuery(apart, apartId, "cv:n:" + both.get(0).id() + ":" + both.get(1).id());

        await().atMost(Duration.ofSeconds(10)).until(() -> tickets.messages(both.get(0).id()).stream()
                .anyMatch(m -> m.text().contains("demande distincte")));
        assertThat(ticketsOf(apart)).allMatch(t -> t.isActive() && !t.isMerged());
    }

    // ------------------------------------------------------------------ 4. precisions and files

    @Test
    void aPrecisionAfterAnAnsweredQuestionSetsTheCommuneAndIsNeverOutOfScope() {
        FakeUser user = newUser();
        api.enqueueText(user, ANSWERED_QUESTION);
        awaitReply(user, "RGS");
        Ticket answered = ticketsOf(user).get(0);

        api.enqueueText(user, "Précision : c'est pour la commune de Hornoy-le-Bourg");

        ApiCall noted = awaitReply(user, "Précision ajoutée à votre demande " + answered.reference());
        assertThat(noted.text("text")).contains("Hornoy-le-Bourg").doesNotContain("ne semble pas concerner");
        assertThat(ticketsOf(user)).hasSize(1);
        assertThat(tickets.findById(answered.id()).orElseThrow().communeInsee()).isEqualTo("80443");
        assertThat(contactOf(user).communeInsee()).isEqualTo("80443");
    }

    @Test
    void aMessageOpeningLikeAPrecisionButSayingMoreIsAMessageOfItsOwnWhenNothingPrecedesIt() {
        FakeUser user = newUser();

        api.enqueueText(user, "c'est pour la commune de Biarre : le compte de l'ancien maire est à fermer et il en faut "
                + "un pour la nouvelle maire élue dimanche");

        await().atMost(Duration.ofSeconds(10)).until(() -> contacts.byTelegramChatId(user.chatId())
                .map(c -> subscriptions.ofContact(c.id()).size() + ticketsOf(user).size()).orElse(0) == 1);
    }

    @Test
    void aPhotoWithoutCaptionJoinsTheMostRecentConversation() {
        FakeUser user = newUser();
        api.enqueueText(user, MARCHES_INCIDENT);
        awaitReply(user, "Nous avons bien reçu votre message");
        Ticket incident = ticketsOf(user).get(0);

        api.enqueuePhoto(user, jpeg(), null);

        ApiCall added = awaitReply(user, "Fichier ajouté à votre demande " + incident.reference());
        assertThat(added.text("text")).doesNotContain("ne semble pas concerner");
        assertThat(ticketsOf(user)).hasSize(1);
        assertThat(tickets.messages(incident.id())).filteredOn(m -> !m.attachments().isEmpty())
                .singleElement().extracting(TicketMessage::text).isEqualTo("(photo)");
    }

    @Test
    void anIncidentSentWithAScreenshotIsNotAskedForOne() {
        FakeUser user = newUser();
        api.enqueuePhoto(user, jpeg(), "Le dépôt sur le partage de fichiers me donne une erreur 500");

        ApiCall ack = awaitReply(user, "Nous avons bien reçu votre message");
        assertThat(ack.text("text")).doesNotContain("capture d'écran").contains("Votre fichier est joint");
    }

    // ------------------------------------------------------------------ 5. flood

    @Test
    void messagesSetAsideByTheFloodGuardAreHandledInOrderOnceTheBurstIsOver() {
        FakeUser user = newUser();
        for (int i = 1; i <= 10; i++) {
            api.enqueueText(user, "Question numéro " + i + " : " + OFFER_PRICE);
        }

        awaitReply(user, "je les traite dans l'ordre");
        await().atMost(Duration.ofSeconds(30)).until(() -> inboundInOrder(user).size() == 10);
        List<String> order = inboundInOrder(user);
        for (int i = 1; i <= 10; i++) {
            assertThat(order.get(i - 1)).startsWith("Question numéro " + i + " ");
        }
    }

    // ------------------------------------------------------------------ 7. staff replies

    @Test
    void aStaffReplyCarriesTheReferenceAndTheAgentsFirstNameAndAnsweringItJoinsThatTicket() {
        String agent = "claire" + Math.abs(System.nanoTime() % 1_000_000);
        staffAccounts.createWithPassword(new NewStaffMember(agent, "Claire Martin", null, StaffRole.AGENT),
                "Un-mot-de-passe-solide-42", false, "admin");
        FakeUser user = newUser();
        api.enqueueText(user, MARCHES_INCIDENT);
        awaitReply(user, "Nous avons bien reçu votre message");
        Ticket incident = ticketsOf(user).get(0);
        api.enqueueText(user, ANSWERED_QUESTION);
        awaitReply(user, "RGS");

        staffReplies.reply(incident.id(), agent, "Quel navigateur utilisez-vous ?", TicketStatus.PENDING);

        ApiCall reply = awaitReply(user, "Quel navigateur utilisez-vous ?");
        assertThat(reply.text("text")).contains("— Claire, Somme Numérique", incident.reference());
        int replyId = awaitBotMessageId(user, "Quel navigateur");

        api.enqueueReplyTo(user, replyId, "Comment savoir quelle version de Firefox j'ai ?");

        awaitReply(user, "Message ajouté à votre demande " + incident.reference());
        assertThat(ticketsOf(user)).hasSize(2);
        assertThat(tickets.messages(incident.id())).anyMatch(m -> m.direction() == MessageDirection.INBOUND
                && m.text().startsWith("Comment savoir quelle version"));
    }

    private static byte[] jpeg() {
        byte[] jpeg = new byte[5_000];
        for (int i = 0; i < jpeg.length; i++) {
            jpeg[i] = (byte) (i * 17);
        }
        return jpeg;
    }
}
