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
import java.util.regex.Pattern;

/**
 * The French messages the helpdesk sends automatically. What to do next is said in the words of the channel:
 * « répondez à ce message » by e-mail, the buttons in Telegram.
 */
@Component
public class ReplyComposer {

    /** The assistant's request for a screenshot, dropped when one came with the message. */
    private static final Pattern SCREENSHOT_REQUEST = Pattern.compile(
            "(?:,| et)?,? (?:et )?si possible,? une capture d'écran(?=\\.)");

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

    /** @param withFile the message came with a file: it is not asked for again */
    public String ticketAcknowledgement(Decision decision, Ticket ticket, Channel channel, boolean withFile) {
        String reply = withFile ? SCREENSHOT_REQUEST.matcher(decision.reply()).replaceAll("")
                + " Votre fichier est joint à la demande." : decision.reply();
        return greeting(channel) + "Nous avons bien reçu votre message, enregistré sous la référence "
                + ticket.reference() + ".\n\n" + reply + "\n\n" + expectations(ticket)
                + howToAdd(ticket, channel) + closing(channel);
    }

    /** Chat: the new ticket may rather continue {@code candidate}; the channel shows the two choices as buttons. */
    public String askWhetherToJoin(Ticket candidate) {
        return "\n\nEst-ce la suite de votre demande " + candidate.reference() + " « " + candidate.subject() + " » ? "
                + "Touchez « Ajouter à " + candidate.reference() + " » pour les regrouper, ou « Nouvelle demande » pour "
                + "les garder séparées.";
    }

    public String greetingPrompt() {
        return "Bonjour ! Je suis l'assistant Mairie connectée de Somme Numérique. Posez-moi votre question en quelques "
                + "mots (Actes, marchés publics, partage de fichiers, formation…) : je vous réponds tout de suite quand je "
                + "connais la réponse, sinon je la transmets à un agent.";
    }

    public String thanksReply() {
        return "Avec plaisir ! Si vous avez une autre question, écrivez-la ici.";
    }

    /** A precision or a file added to a ticket; {@code communeName}: the commune it set, or null. */
    public String precisionAdded(Ticket ticket, String communeName, boolean file) {
        return (file ? "Fichier ajouté" : "Précision ajoutée") + " à votre demande " + ticket.reference() + " « "
                + ticket.subject() + " »" + (communeName == null ? "" : " (commune : " + communeName + ")")
                + ". Un agent de Somme Numérique en tiendra compte.";
    }

    public String communeNoted(String communeName) {
        return "C'est noté : vous écrivez pour la commune de " + communeName + ". Posez-moi votre question quand vous "
                + "voulez.";
    }

    /** A file that came alone, with no conversation to complete: a ticket for an agent. */
    public String fileReceived(Ticket ticket, Channel channel) {
        return greeting(channel) + "Votre fichier est bien reçu et enregistré sous la référence " + ticket.reference()
                + ", pour un agent de Somme Numérique. Dites-nous en quelques mots ce qu'il montre ou ce que vous "
                + "attendez : votre message rejoindra cette demande.\n\n" + expectations(ticket) + closing(channel);
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

    /**
     * A staff member's reply as sent. By e-mail: « Bonjour Marie Lefèvre, » (« Bonjour, » when the name is unknown)
     * unless the text already greets, then the text, then « Bien cordialement, » and the agent's name unless the text
     * already closes, then the team's signature; the reference is in the subject. In chat, signed « — Claire, Somme
     * Numérique » with the reference and how to answer.
     *
     * @param contactName the requester's name, null when unknown
     * @param agentName   the agent's name as staff set it in their profile, null to sign with the team only
     */
    public String staffReply(String text, Ticket ticket, Channel channel, String contactName, String agentName) {
        String body = text.strip();
        if (channel == Channel.TELEGRAM) {
            String firstName = agentName == null || agentName.isBlank() ? null : agentName.strip().split("\\s+")[0];
            return body + "\n\n— " + (firstName == null ? "L'équipe" : firstName) + ", Somme Numérique"
                    + "\nDemande " + ticket.reference() + " · pour répondre, répondez à ce message.";
        }
        StringBuilder mail = new StringBuilder();
        if (!GREETING.matcher(body).lookingAt()) {
            mail.append(contactName == null || contactName.isBlank() || contactName.contains("@")
                    ? "Bonjour," : "Bonjour " + contactName.strip() + ",").append("\n\n");
        }
        mail.append(body);
        if (!closes(body)) {
            mail.append("\n\nBien cordialement,");
            if (agentName != null && !agentName.isBlank()) {
                mail.append("\n\n").append(agentName.strip());
            }
        }
        return mail + closing(channel);
    }

    private static final java.util.regex.Pattern GREETING = java.util.regex.Pattern.compile(
            "(?i)(bonjour|bonsoir|madame|monsieur|cher|chère|mesdames|hello|salut)\\b");
    private static final java.util.regex.Pattern CLOSING_LINE = java.util.regex.Pattern.compile(
            "(?i)^(bien |très |tres )?(cordialement|sincèrement)\\b.*|^(bien à vous|bien a vous|salutations|"
                    + "meilleures salutations|(je vous prie|veuillez).*salutations.*|bonne (journée|fin de journée|soirée))\\b.*");

    /** Whether one of the last lines of the text is already a closing formula. */
    private static boolean closes(String body) {
        java.util.List<String> lines = body.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.subList(Math.max(0, lines.size() - 3), lines.size()).stream()
                .anyMatch(l -> CLOSING_LINE.matcher(l).matches());
    }

    private String expectations(Ticket ticket) {
        return "Délai de première réponse visé : " + sla.firstResponsePhrase(ticket.priority()) + ". Nos horaires : "
                + calendar.openingHoursText() + ".";
    }

    private static String howToAdd(Ticket ticket, Channel channel) {
        if (channel == Channel.TELEGRAM) {
            return "\n\nPour compléter cette demande, répondez à ce message ou écrivez ici.";
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

    /** « demande d'adhésion », « demande d'ouverture de compte »: the kind after « demande », elided as French does. */
    public static String demandOf(fr.sommenumerique.helpdesk.assistant.SubscriptionKind kind) {
        String what = kind.label().toLowerCase(Locale.ROOT);
        return "demande " + (what.matches("^[aeiouyàâéèêh].*") ? "d'" : "de ") + what;
    }
}
