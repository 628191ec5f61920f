package fr.sommenumerique.helpdesk.telegram.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import fr.sommenumerique.helpdesk.assistant.Decision;
import fr.sommenumerique.helpdesk.assistant.DecisionEngine;
import fr.sommenumerique.helpdesk.assistant.DecisionKind;
import fr.sommenumerique.helpdesk.assistant.Priority;
import fr.sommenumerique.helpdesk.assistant.Question;
import fr.sommenumerique.helpdesk.knowledge.TextCut;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;
import fr.sommenumerique.helpdesk.telegram.bot.InlineButton;
import fr.sommenumerique.helpdesk.telegram.bot.InlineKeyboard;
import fr.sommenumerique.helpdesk.telegram.bot.TelegramMarkdown;
import fr.sommenumerique.helpdesk.telegram.delivery.BotMessage;
import fr.sommenumerique.helpdesk.telegram.delivery.TelegramOutbound;
import fr.sommenumerique.helpdesk.ticketing.AuditLog;
import fr.sommenumerique.helpdesk.ticketing.BusinessCalendar;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.Commune;
import fr.sommenumerique.helpdesk.ticketing.CommuneLinker;
import fr.sommenumerique.helpdesk.ticketing.Communes;
import fr.sommenumerique.helpdesk.ticketing.Contact;
import fr.sommenumerique.helpdesk.ticketing.Contacts;
import fr.sommenumerique.helpdesk.ticketing.NewMessage;
import fr.sommenumerique.helpdesk.ticketing.NewTicket;
import fr.sommenumerique.helpdesk.ticketing.SlaPolicy;
import fr.sommenumerique.helpdesk.ticketing.SubscriptionRequest;
import fr.sommenumerique.helpdesk.ticketing.Subscriptions;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.TicketStatus;
import fr.sommenumerique.helpdesk.ticketing.Tickets;

/**
 * The commands of the menu (and /annuler). Each runs inside the transaction that records the update as processed,
 * and queues its answer in the outbox in that same transaction.
 */
@Component
class ChatCommands {

    private static final int SUBJECT_LENGTH = 80;
    private static final int BUTTON_SUBJECT = 28;
    /** The data of a /fin button: {@code fin:<ticket id>}. */
    static final String CLOSE_PREFIX = "fin:";
    /** Decided subscription requests still shown by /statut. */
    private static final Duration RECENT_DECISIONS = Duration.ofDays(30);

    private final ChatStates states;
    private final ServiceSummaries services;
    private final SubscriptionFlow subscriptionFlow;
    private final ChatLinking linking;
    private final Contacts contacts;
    private final Communes communes;
    private final CommuneLinker communeLinker;
    private final Tickets tickets;
    private final Subscriptions subscriptions;
    private final DecisionEngine engine;
    private final SlaPolicy sla;
    private final BusinessCalendar calendar;
    private final TelegramOutbound replies;
    private final Clock clock;

    ChatCommands(ChatStates states, ServiceSummaries services, SubscriptionFlow subscriptionFlow, ChatLinking linking,
                 Contacts contacts, Communes communes, CommuneLinker communeLinker, Tickets tickets,
                 Subscriptions subscriptions, DecisionEngine engine, SlaPolicy sla, BusinessCalendar calendar,
                 TelegramOutbound replies, ObjectProvider<Clock> clock) {
        this.states = states;
        this.services = services;
        this.subscriptionFlow = subscriptionFlow;
        this.linking = linking;
        this.contacts = contacts;
        this.communes = communes;
        this.communeLinker = communeLinker;
        this.tickets = tickets;
        this.subscriptions = subscriptions;
        this.engine = engine;
        this.sla = sla;
        this.calendar = calendar;
        this.replies = replies;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** Runs a command; returns a short outcome for the processed-inbound record. */
    String run(ChatContext ctx, Command command) {
        String name = command.name();
        if (!name.equals("annuler")) {
            // a command ends any guided exchange: what is typed next is not its answer any more
            states.clear(ctx.chatId(), clock.instant());
        }
        switch (name) {
            case "start" -> say(ctx, ChatTexts.WELCOME);
            case "aide", "help" -> say(ctx, ChatTexts.HELP);
            case "services" -> replies.toChat(ctx.chatId(), services.menu());
            case "horaires" -> say(ctx, hours());
            case "ticket" -> openTicket(ctx, command.arguments());
            case "statut" -> replies.toChat(ctx.chatId(), status(ctx));
            case "souscrire" -> subscriptionFlow.start(ctx);
            case "lier" -> linking.start(ctx, command.arguments());
            case "fin" -> close(ctx, command.arguments());
            case "annuler" -> say(ctx, states.clear(ctx.chatId(), clock.instant())
                    ? ChatTexts.CANCELLED : ChatTexts.NOTHING_TO_CANCEL);
            default -> {
                say(ctx, ChatTexts.UNKNOWN_COMMAND);
                return "COMMANDE INCONNUE /" + name;
            }
        }
        return "COMMANDE /" + name;
    }

    private String hours() {
        return "L'équipe de Somme Numérique vous répond " + calendar.openingHoursText() + ".\n\nEn dehors de ces "
                + "horaires, écrivez quand même : votre message est enregistré et traité dès la réouverture. Les réponses "
                + "de l'assistant, elles, arrivent à toute heure.";
    }

    /** /ticket: a ticket for a human at once, whatever the assistant would have answered. */
    private void openTicket(ChatContext ctx, String text) {
        if (text.isBlank()) {
            say(ctx, ChatTexts.TICKET_USAGE);
            return;
        }
        Contact contact = contacts.findOrCreateByTelegramChat(ctx.chatId(), ctx.senderName());
        if (contact.communeInsee() == null) {
            Contact c = contact;
            contact = communeLinker.link(contact, text)
                    .map(m -> contacts.assignCommune(c.id(), m.commune().inseeCode(), Tickets.SYSTEM))
                    .orElse(contact);
        }
        Commune commune = contact.communeInsee() == null ? null : communes.byInsee(contact.communeInsee()).orElse(null);
        Decision decision = engine.decide(new Question(text, commune == null ? null : commune.name(),
                commune == null ? null : commune.population()));
        Priority priority = decision.kind() == DecisionKind.TICKET && decision.priority() != null
                ? decision.priority() : Priority.NORMAL;
        ServiceArea service = decision.services().isEmpty() ? null : decision.services().get(0);
        Ticket ticket = tickets.open(NewTicket.of(subject(text), Channel.TELEGRAM, contact.id())
                .withPriority(priority)
                .withService(service)
                .withCommune(contact.communeInsee())
                .withFirstMessage(NewMessage.of(Channel.TELEGRAM, text).withExternalRef(ctx.externalRef()))
                .withOpenedBy(AuditLog.contactActor(contact.id())));
        replies.onTicket(ticket.id(), ctx.chatId(), BotMessage.plain("Votre demande est enregistrée sous la référence "
                + ticket.reference() + " et transmise à un agent de Somme Numérique, qui vous répondra "
                + sla.firstResponsePhrase(ticket.priority()) + ". Nos horaires : " + calendar.openingHoursText()
                + ".\n\nPour la compléter, répondez à ce message."));
    }

    /** /statut: open tickets and subscription requests, in MarkdownV2 with every piece of text escaped. */
    private BotMessage status(ChatContext ctx) {
        Optional<Contact> contact = contacts.byTelegramChatId(ctx.chatId());
        List<Ticket> open = contact.map(c -> tickets.openTicketsOf(c.id())).orElse(List.of());
        Instant recent = clock.instant().minus(RECENT_DECISIONS);
        List<SubscriptionRequest> requests = contact.map(c -> subscriptions.ofContact(c.id())).orElse(List.of()).stream()
                .filter(r -> !r.status().isDecided() || r.decidedAt() == null || r.decidedAt().isAfter(recent))
                .toList();
        if (open.isEmpty() && requests.isEmpty()) {
            return BotMessage.plain(ChatTexts.NOTHING_IN_PROGRESS + linkHint(contact));
        }
        StringBuilder sb = new StringBuilder(TelegramMarkdown.bold("Vos demandes"));
        for (Ticket t : open) {
            sb.append("\n\n🎫 ").append(TelegramMarkdown.bold(t.reference())).append(TelegramMarkdown.escape(" · "
                    + statusLabel(t.status()))).append('\n').append(TelegramMarkdown.escape("« " + t.subject() + " »"));
        }
        for (SubscriptionRequest r : requests) {
            String commune = r.communeInsee() == null ? r.communeNameAsWritten()
                    : communes.byInsee(r.communeInsee()).map(Commune::name).orElse(r.communeNameAsWritten());
            sb.append("\n\n📝 ").append(TelegramMarkdown.bold(r.reference())).append(TelegramMarkdown.escape(" · "
                    + r.kind().label() + " · " + r.status().label() + (commune == null ? "" : " · " + commune)));
        }
        if (!open.isEmpty()) {
            sb.append("\n\n").append(TelegramMarkdown.escape(open.size() == 1 ? "Pour la clore : /fin"
                    : "Pour en clore une : /fin (vous choisirez laquelle)"));
        }
        sb.append(TelegramMarkdown.escape(linkHint(contact)));
        return BotMessage.markdown(sb.toString());
    }

    private static String linkHint(Optional<Contact> contact) {
        return contact.map(Contact::email).isPresent() ? ""
                : "\n\nVous écrivez aussi par e-mail ? Tapez /lier pour retrouver ici toutes vos demandes.";
    }

    private static String statusLabel(TicketStatus status) {
        return switch (status) {
            case NEW -> "Reçue, en attente d'un agent";
            case OPEN -> "En cours de traitement";
            case PENDING -> "En attente de votre réponse";
            case RESOLVED -> "Résolue";
            case CLOSED -> "Close";
        };
    }

    /**
     * /fin: closes the person's open ticket; with several open, lists them by subject with one button each, so that
     * the right one is closed. {@code /fin MC-2026-00042} closes that one.
     */
    private void close(ChatContext ctx, String arguments) {
        Optional<Contact> contact = contacts.byTelegramChatId(ctx.chatId());
        List<Ticket> open = contact.map(c -> tickets.openTicketsOf(c.id())).orElse(List.of());
        if (open.isEmpty()) {
            say(ctx, ChatTexts.NOTHING_OPEN);
            return;
        }
        Optional<Ticket> named = open.stream().filter(t -> t.reference().equalsIgnoreCase(arguments.strip())).findFirst();
        if (named.isPresent() || open.size() == 1) {
            closeTicket(ctx, named.orElse(open.get(0)));
            return;
        }
        StringBuilder text = new StringBuilder("Vous avez " + open.size() + " demandes ouvertes. Laquelle voulez-vous "
                + "clore ?");
        InlineKeyboard.Builder keyboard = InlineKeyboard.builder();
        for (Ticket t : open) {
            text.append("\n\n• ").append(t.reference()).append(" « ").append(t.subject()).append(" »");
            keyboard.row(InlineButton.of("Clore " + t.reference() + " (" + TextCut.oneLine(t.subject(), BUTTON_SUBJECT)
                    + ")", CLOSE_PREFIX + t.id()));
        }
        replies.toChat(ctx.chatId(), BotMessage.plain(text.toString()).withKeyboard(keyboard.build()));
    }

    /** A « Clore MC-… » button of /fin: only the requester's own open ticket. */
    CallbackAnswer onCloseButton(ChatContext ctx, String data) {
        Optional<Ticket> ticket;
        try {
            long id = Long.parseLong(data.substring(CLOSE_PREFIX.length()));
            Optional<Contact> contact = contacts.byTelegramChatId(ctx.chatId());
            ticket = tickets.findById(id).filter(t -> t.isActive() && !t.isMerged()
                    && contact.map(c -> c.id() == t.requesterId()).orElse(false));
        } catch (NumberFormatException e) {
            ticket = Optional.empty();
        }
        if (ticket.isEmpty()) {
            return CallbackAnswer.alert(ChatTexts.BUTTON_EXPIRED).removingButtons();
        }
        closeTicket(ctx, ticket.get());
        return CallbackAnswer.notice(ticket.get().reference() + " est close").removingButtons();
    }

    private void closeTicket(ChatContext ctx, Ticket t) {
        tickets.addNote(t.id(), Tickets.SYSTEM, "Demande close par le demandeur sur Telegram (/fin).");
        replies.onTicket(t.id(), ctx.chatId(), BotMessage.plain("Votre demande " + t.reference() + " « " + t.subject()
                + " » est close. Merci ! Si le besoin revient, écrivez-nous simplement ici."));
        tickets.changeStatus(t.id(), TicketStatus.CLOSED, AuditLog.contactActor(t.requesterId()));
    }

    private void say(ChatContext ctx, String text) {
        replies.toChat(ctx.chatId(), BotMessage.plain(text));
    }

    static String subject(String text) {
        return TextCut.oneLine(text, SUBJECT_LENGTH);
    }
}
