package fr.sommenumerique.helpdesk.telegram.chat;

import java.util.Optional;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import fr.sommenumerique.helpdesk.telegram.delivery.BotMessage;
import fr.sommenumerique.helpdesk.telegram.delivery.FeedbackButtons;
import fr.sommenumerique.helpdesk.telegram.delivery.TelegramOutbound;
import fr.sommenumerique.helpdesk.ticketing.AssistantInteraction;
import fr.sommenumerique.helpdesk.ticketing.AssistantInteractions;
import fr.sommenumerique.helpdesk.ticketing.AuditLog;
import fr.sommenumerique.helpdesk.ticketing.BusinessCalendar;
import fr.sommenumerique.helpdesk.ticketing.Contacts;
import fr.sommenumerique.helpdesk.ticketing.SlaPolicy;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.Tickets;

/**
 * « 👍 Résolu » / « 👎 Pas résolu » under an answer. Both record the feedback for the staff's unanswered-questions
 * report. « Pas résolu » also reopens the answered ticket (it holds the question and the answer: the agent sees the
 * whole exchange) and tells the person when to expect a reply. Only the chat the ticket belongs to may press them.
 */
@Component
class FeedbackHandler {

    private static final Logger log = LoggerFactory.getLogger(FeedbackHandler.class);

    private final Tickets tickets;
    private final Contacts contacts;
    private final AssistantInteractions interactions;
    private final SlaPolicy sla;
    private final BusinessCalendar calendar;
    private final TelegramOutbound replies;

    FeedbackHandler(Tickets tickets, Contacts contacts, AssistantInteractions interactions, SlaPolicy sla,
                    BusinessCalendar calendar, TelegramOutbound replies) {
        this.tickets = tickets;
        this.contacts = contacts;
        this.interactions = interactions;
        this.sla = sla;
        this.calendar = calendar;
        this.replies = replies;
    }

    static boolean handles(String data) {
        return data != null && (data.startsWith(FeedbackButtons.HELPFUL_PREFIX)
                || data.startsWith(FeedbackButtons.NOT_HELPFUL_PREFIX));
    }

    CallbackAnswer onButton(ChatContext ctx, String data) {
        boolean helpful = data.startsWith(FeedbackButtons.HELPFUL_PREFIX);
        OptionalLong ticketId = FeedbackButtons.ticketOf(data, helpful);
        Optional<Ticket> answered = ticketId.isPresent() ? tickets.findById(ticketId.getAsLong()) : Optional.empty();
        Optional<AssistantInteraction> interaction = answered.flatMap(t -> interactions.byTicket(t.id()));
        Optional<Ticket> ticket = answered.flatMap(t -> tickets.resolveMerged(t.id()));
        boolean ownChat = ticket.flatMap(t -> contacts.byId(t.requesterId()))
                .map(c -> Long.valueOf(ctx.chatId()).equals(c.telegramChatId())).orElse(false);
        if (interaction.isEmpty() || ticket.isEmpty() || !ownChat) {
            log.info("Telegram chat {}: feedback button « {} » for no ticket of this chat, ignored.", ctx.chatId(), data);
            return CallbackAnswer.alert(ChatTexts.BUTTON_EXPIRED).removingButtons();
        }
        Ticket t = ticket.get();
        if (helpful) {
            interactions.recordFeedback(interaction.get().id(), true);
            tickets.addNote(t.id(), Tickets.SYSTEM, "Réponse automatique jugée utile (👍 sur Telegram).");
            return CallbackAnswer.notice("Merci pour votre retour !").removingButtons();
        }
        if (Boolean.FALSE.equals(interaction.get().helpful()) && t.isActive()) {
            return CallbackAnswer.notice("C'est déjà transmis à un agent.").removingButtons();
        }
        interactions.recordFeedback(interaction.get().id(), false);
        Ticket reopened = tickets.reopen(t.id(), AuditLog.contactActor(t.requesterId()));
        tickets.addNote(t.id(), Tickets.SYSTEM, "Réponse automatique jugée insuffisante (👎 sur Telegram) : "
                + "demande transmise à un agent.");
        replies.onTicket(t.id(), ctx.chatId(), BotMessage.plain("C'est noté : votre demande " + reopened.reference()
                + " est transmise à un agent de Somme Numérique, qui vous répondra "
                + sla.firstResponsePhrase(reopened.priority()) + ". Nos horaires : " + calendar.openingHoursText()
                + ".\n\nPour ajouter des précisions, répondez à ce message : elles rejoindront votre demande."));
        return CallbackAnswer.notice("Transmis à un agent").removingButtons();
    }
}
