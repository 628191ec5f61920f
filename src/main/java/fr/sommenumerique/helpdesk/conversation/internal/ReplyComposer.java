package fr.sommenumerique.helpdesk.conversation.internal;

import fr.sommenumerique.helpdesk.assistant.Decision;
import fr.sommenumerique.helpdesk.conversation.ConversationSettings;
import fr.sommenumerique.helpdesk.ticketing.BusinessCalendar;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.SlaPolicy;
import fr.sommenumerique.helpdesk.ticketing.SubscriptionRequest;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * The French messages the helpdesk sends automatically. What to do next is said in the words of the channel:
 * « répondez à ce message » by e-mail, the buttons in Telegram.
 */
@Component
public class ReplyComposer {

    private final SlaPolicy sla;
    private final BusinessCalendar calendar;
    private final ConversationSettings settings;

    public ReplyComposer(SlaPolicy sla, BusinessCalendar calendar, ConversationSettings settings) {
        this.sla = sla;
        this.calendar = calendar;
        this.settings = settings;
    }

    public String answer(Decision decision, Ticket ticket, Channel channel) {
        String next = channel == Channel.TELEGRAM
                ? "Cette réponse ne règle pas votre question ? Touchez « 👎 Pas résolu » ou écrivez-nous : un agent de "
                  + "Somme Numérique prendra le relais."
                : "Cette réponse automatique ne règle pas votre question ? Répondez simplement à ce message (par exemple "
                  + "« non résolu ») ou posez votre question complémentaire : un agent de Somme Numérique prendra le relais.";
        return greeting(channel) + decision.reply() + "\n\n" + next + "\n\nRéférence : " + ticket.reference()
                + closing(channel);
    }

    public String ticketAcknowledgement(Decision decision, Ticket ticket, Channel channel) {
        return greeting(channel) + "Nous avons bien reçu votre message, enregistré sous la référence "
                + ticket.reference() + ".\n\n" + decision.reply() + "\n\n" + expectations(ticket)
                + howToAdd(ticket, channel) + closing(channel);
    }

    public String reopenAcknowledgement(Ticket ticket, Channel channel) {
        return greeting(channel) + "Votre message a été ajouté à votre demande " + ticket.reference()
                + ", qui est rouverte et transmise à un agent de Somme Numérique.\n\n" + expectations(ticket)
                + closing(channel);
    }

    public String addedToOpenTicket(Ticket ticket) {
        return "Message ajouté à votre demande " + ticket.reference() + ". Un agent de Somme Numérique vous répondra.";
    }

    public String outOfScope(Decision decision, Ticket ticket, Channel channel) {
        return greeting(channel) + decision.reply() + "\n\nRéférence : " + ticket.reference() + closing(channel);
    }

    public String subscriptionConfirmation(Decision decision, SubscriptionRequest request, Channel channel) {
        return greeting(channel) + decision.reply() + "\n\nRéférence de votre demande : " + request.reference()
                + ".\n\nProchaines étapes : un agent vérifie votre demande, puis vous envoie les documents ou les accès, "
                + "ou revient vers vous s'il lui manque une information. Nos horaires : " + calendar.openingHoursText()
                + "." + closing(channel);
    }

    public String subscriptionDecision(SubscriptionRequest request, boolean accepted, String message, Channel channel) {
        String what = request.reference() + " (" + request.kind().label().toLowerCase(Locale.ROOT) + ")";
        String verdict = accepted ? "Votre demande " + what + " est acceptée."
                : "Votre demande " + what + " n'a pas pu être acceptée.";
        String body = message == null || message.isBlank() ? "" : "\n\n" + message.strip();
        return greeting(channel) + verdict + body + closing(channel);
    }

    public String staffReply(String text, Channel channel) {
        return text.strip() + closing(channel);
    }

    private String expectations(Ticket ticket) {
        return "Délai de première réponse visé : " + sla.firstResponsePhrase(ticket.priority()) + ". Nos horaires : "
                + calendar.openingHoursText() + ".";
    }

    private static String howToAdd(Ticket ticket, Channel channel) {
        if (channel == Channel.TELEGRAM) {
            return "\n\nVos prochains messages dans cette conversation seront ajoutés à cette demande.";
        }
        return "\n\nPour compléter votre demande, répondez à ce message en gardant la référence [" + ticket.reference()
                + "] dans l'objet.";
    }

    private static String greeting(Channel channel) {
        return channel == Channel.TELEGRAM ? "" : "Bonjour,\n\n";
    }

    private String closing(Channel channel) {
        return channel == Channel.TELEGRAM ? "" : "\n\n" + settings.signature();
    }
}
