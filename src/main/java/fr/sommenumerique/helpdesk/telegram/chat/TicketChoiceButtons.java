package fr.sommenumerique.helpdesk.telegram.chat;

import java.util.Optional;

import org.springframework.stereotype.Component;

import fr.sommenumerique.helpdesk.knowledge.TextCut;
import fr.sommenumerique.helpdesk.conversation.TicketChoices;
import fr.sommenumerique.helpdesk.telegram.bot.InlineButton;
import fr.sommenumerique.helpdesk.telegram.bot.InlineKeyboard;
import fr.sommenumerique.helpdesk.ticketing.Contact;
import fr.sommenumerique.helpdesk.ticketing.Contacts;
import fr.sommenumerique.helpdesk.ticketing.Ticket;

/**
 * « Ajouter à MC-… (objet) » / « Nouvelle demande »: the two buttons under the reply to a message whose topic
 * alone could not tell whether it continues the open ticket. The data carries both ticket ids
 * ({@code cv:j:12:7}, {@code cv:n:12:7}), well under Telegram's 64 bytes.
 */
@Component
class TicketChoiceButtons {

    static final String PREFIX = "cv:";
    private static final String JOIN = PREFIX + "j:";
    private static final String APART = PREFIX + "n:";
    private static final int SUBJECT_IN_BUTTON = 28;

    private final TicketChoices choices;
    private final Contacts contacts;

    TicketChoiceButtons(TicketChoices choices, Contacts contacts) {
        this.choices = choices;
        this.contacts = contacts;
    }

    static InlineKeyboard keyboard(long newTicketId, Ticket open) {
        return InlineKeyboard.builder()
                .row(InlineButton.of("Ajouter à " + open.reference() + " (" + TextCut.oneLine(open.subject(),
                        SUBJECT_IN_BUTTON) + ")", JOIN + newTicketId + ":" + open.id()))
                .row(InlineButton.of("Nouvelle demande", APART + newTicketId + ":" + open.id()))
                .build();
    }

    CallbackAnswer onButton(ChatContext ctx, String data) {
        boolean join = data.startsWith(JOIN);
        String[] ids = data.substring((join ? JOIN : APART).length()).split(":");
        Optional<Contact> person = contacts.byTelegramChatId(ctx.chatId());
        if (ids.length != 2 || person.isEmpty() || !(join || data.startsWith(APART))) {
            return CallbackAnswer.alert(ChatTexts.BUTTON_EXPIRED).removingButtons();
        }
        long newTicketId;
        long openTicketId;
        try {
            newTicketId = Long.parseLong(ids[0]);
            openTicketId = Long.parseLong(ids[1]);
        } catch (NumberFormatException e) {
            return CallbackAnswer.alert(ChatTexts.BUTTON_EXPIRED).removingButtons();
        }
        if (join) {
            return choices.join(person.get(), newTicketId, openTicketId)
                    .map(t -> CallbackAnswer.notice("Ajouté à " + t.reference()).removingButtons())
                    .orElse(CallbackAnswer.alert(ChatTexts.BUTTON_EXPIRED).removingButtons());
        }
        return choices.keepApart(person.get(), newTicketId, openTicketId)
                .map(t -> CallbackAnswer.notice("C'est noté : " + t.reference() + " reste une demande à part.")
                        .removingButtons())
                .orElse(CallbackAnswer.alert(ChatTexts.BUTTON_EXPIRED).removingButtons());
    }
}
