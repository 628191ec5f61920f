package fr.sommenumerique.helpdesk.telegram.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import fr.sommenumerique.helpdesk.knowledge.TextCut;
import fr.sommenumerique.helpdesk.telegram.chat.ChatStates.ChatState;
import fr.sommenumerique.helpdesk.telegram.chat.ChatStates.Flow;
import fr.sommenumerique.helpdesk.telegram.chat.ChatStates.Step;
import fr.sommenumerique.helpdesk.telegram.delivery.BotMessage;
import fr.sommenumerique.helpdesk.telegram.delivery.TelegramOutbound;
import fr.sommenumerique.helpdesk.ticketing.AuditLog;
import fr.sommenumerique.helpdesk.ticketing.Contact;
import fr.sommenumerique.helpdesk.ticketing.Contacts;
import fr.sommenumerique.helpdesk.ticketing.Outbox;
import fr.sommenumerique.helpdesk.ticketing.OutgoingMessage;
import fr.sommenumerique.helpdesk.ticketing.SubscriptionRequest;
import fr.sommenumerique.helpdesk.ticketing.Subscriptions;
import fr.sommenumerique.helpdesk.ticketing.Ticket;
import fr.sommenumerique.helpdesk.ticketing.Tickets;

/**
 * /lier: links this chat to a known contact by proving ownership of the contact's e-mail address. When the typed
 * address belongs to a contact, the bot sends a one-time code there (queued in the outbox, sent by the mail channel);
 * typed back in the chat within 15 minutes and 5 tries, it links the chat to that contact.
 *
 * <p>Decisions. No code goes to an address we do not know: the bot must not mail strangers on anyone's say-so,
 * and linking is about joining an existing contact. The reply is the same whether the address is known or not
 * (and the quota, tries and expiry run the same, on a code row that can never match), so the bot cannot be used
 * to find out who is a contact; the reply says what to do if nothing arrives. When the address belongs to another
 * contact, the chat
 * moves to that contact ({@link Contacts#linkTelegramChat}) and the tickets and requests of the Telegram-only
 * contact move with it (a note on each ticket tells staff): left behind, they would belong to a contact that can no
 * longer be reached, and staff replies to them could not be delivered.
 */
@Component
class ChatLinking {

    private static final Logger log = LoggerFactory.getLogger(ChatLinking.class);

    private final ChatStates states;
    private final LinkCodes codes;
    private final Contacts contacts;
    private final Tickets tickets;
    private final Subscriptions subscriptions;
    private final Outbox outbox;
    private final TelegramOutbound replies;
    private final TelegramChatProperties properties;
    private final Clock clock;

    ChatLinking(ChatStates states, LinkCodes codes, Contacts contacts, Tickets tickets, Subscriptions subscriptions,
                Outbox outbox, TelegramOutbound replies, TelegramChatProperties properties, ObjectProvider<Clock> clock) {
        this.states = states;
        this.codes = codes;
        this.contacts = contacts;
        this.tickets = tickets;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.replies = replies;
        this.properties = properties;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** {@code /lier} or {@code /lier adresse@commune.fr}. */
    void start(ChatContext ctx, String arguments) {
        if (arguments != null && !arguments.isBlank()) {
            requestCode(ctx, arguments);
            return;
        }
        states.save(ChatState.start(ctx.chatId(), Flow.LINK, Step.EMAIL), clock.instant(), properties.linkCodeTtl());
        String current = contacts.byTelegramChatId(ctx.chatId()).map(Contact::email).orElse(null);
        say(ctx, (current == null ? "" : "Cette conversation est reliée à " + current + ".\n\n")
                + "Pour relier cette conversation à votre fiche, indiquez l'adresse e-mail que vous utilisez avec "
                + "Somme Numérique (par exemple secretariat@mairie-exemple.fr). Si elle est connue de nos services, je vous y "
                + "enverrai un code à 6 chiffres."
                + "\n\n/annuler pour arrêter.");
    }

    /** Text typed while the flow waits for something. */
    void onText(ChatContext ctx, ChatState state, String text) {
        if (state.step() == Step.CODE) {
            checkCode(ctx, state, text);
        } else {
            requestCode(ctx, text);
        }
    }

    private void requestCode(ChatContext ctx, String typed) {
        Instant now = clock.instant();
        String email;
        try {
            email = Contacts.normalizeEmail(addressIn(typed));
        } catch (IllegalArgumentException invalid) {
            states.save(ChatState.start(ctx.chatId(), Flow.LINK, Step.EMAIL), now, properties.linkCodeTtl());
            say(ctx, "« " + abbreviate(typed.strip()) + " » ne ressemble pas à une adresse e-mail. Tapez votre adresse, "
                    + "par exemple secretariat@mairie-exemple.fr, ou /annuler.");
            return;
        }
        Optional<Contact> chatContact = contacts.byTelegramChatId(ctx.chatId());
        if (chatContact.map(c -> email.equals(c.email())).orElse(false)) {
            states.clear(ctx.chatId(), now);
            say(ctx, "Cette conversation est déjà reliée à " + email + ". Tapez /statut pour voir vos demandes.");
            return;
        }
        if (codes.issuedSince(ctx.chatId(), now.minus(Duration.ofHours(1))) >= properties.linkCodesPerHour()) {
            states.clear(ctx.chatId(), now);
            say(ctx, "Vous avez déjà demandé " + properties.linkCodesPerHour() + " codes cette heure-ci. Réessayez "
                    + "plus tard, ou vérifiez vos courriers indésirables.");
            return;
        }
        Instant expires = now.plus(properties.linkCodeTtl());
        Optional<Contact> owner = contacts.byEmail(email);
        if (owner.isPresent()) {
            LinkCodes.Issued issued = codes.issue(ctx.chatId(), email, now, expires);
            outbox.enqueue(OutgoingMessage.email(email, "Votre code pour relier Telegram à Mairie connectée",
                    codeMail(email, issued.code())).withThreading(outbox.newMessageId(), null, null));
            log.info("Telegram chat {}: link code {} queued for e-mail to contact {}.", ctx.chatId(),
                    issued.row().id(), owner.get().id());
        } else {
            LinkCodes.LinkCode row = codes.issueUnsendable(ctx.chatId(), email, now, expires);
            log.info("Telegram chat {}: /lier for an address of no contact, nothing sent (code row {}).", ctx.chatId(),
                    row.id());
        }
        states.save(ChatState.start(ctx.chatId(), Flow.LINK, Step.CODE).withEmail(email), now, properties.linkCodeTtl());
        say(ctx, codeRequested(email));
    }

    /** The same whether the address is known or not. */
    private String codeRequested(String email) {
        return "Si cette adresse est connue de nos services, un code à 6 chiffres vient d'y être envoyé (" + email
                + "). Tapez-le ici ; il est valable " + minutes(properties.linkCodeTtl()) + ".\n\n"
                + "Rien reçu après quelques minutes ? Vérifiez vos courriers indésirables. Sinon, cette adresse n'est "
                + "peut-être pas encore enregistrée chez nous : écrivez un e-mail au support Mairie connectée depuis "
                + "cette adresse, puis tapez à nouveau /lier ; ou demandez à un agent de relier votre conversation "
                + "(tapez /ticket suivi de votre demande).";
    }

    private void checkCode(ChatContext ctx, ChatState state, String typed) {
        Instant now = clock.instant();
        String digits = typed.replaceAll("[\\s.-]", "");
        if (!digits.matches("\\d{6}")) {
            states.save(state, now, properties.linkCodeTtl());
            say(ctx, "J'attends le code à 6 chiffres envoyé à " + state.email() + " (si cette adresse est connue de nos "
                    + "services). Tapez-le ici, ou /annuler.");
            return;
        }
        Optional<LinkCodes.LinkCode> pending = codes.latestPending(ctx.chatId());
        if (pending.isEmpty()) {
            states.clear(ctx.chatId(), now);
            say(ctx, "Aucun code n'est en attente. Tapez /lier pour en recevoir un.");
            return;
        }
        LinkCodes.LinkCode code = pending.get();
        if (!code.expiresAt().isAfter(now)) {
            codes.finish(code.id(), LinkCodes.Status.EXPIRED, now);
            states.clear(ctx.chatId(), now);
            say(ctx, "Ce code a expiré (il était valable " + minutes(properties.linkCodeTtl()) + "). Tapez /lier pour en "
                    + "recevoir un nouveau.");
            return;
        }
        if (!code.matches(digits)) {
            int attempts = codes.wrongAttempt(code.id());
            int left = properties.linkMaxAttempts() - attempts;
            if (left <= 0) {
                codes.finish(code.id(), LinkCodes.Status.BLOCKED, now);
                states.clear(ctx.chatId(), now);
                say(ctx, "Code incorrect. Après " + attempts + " essais, ce code est annulé. Tapez /lier pour en recevoir "
                        + "un nouveau.");
            } else {
                states.save(state, now, properties.linkCodeTtl());
                say(ctx, "Code incorrect. Il vous reste " + left + (left == 1 ? " essai." : " essais."));
            }
            return;
        }
        codes.finish(code.id(), LinkCodes.Status.USED, now);
        states.clear(ctx.chatId(), now);
        Optional<Contact> owner = contacts.byEmail(code.email());
        if (owner.isEmpty()) {
            // the contact's address changed since the code was sent
            say(ctx, "L'adresse " + code.email() + " n'est plus enregistrée chez nous. Tapez /lier pour recommencer "
                    + "avec votre adresse actuelle, ou /ticket suivi de votre demande pour qu'un agent vous aide.");
            return;
        }
        Contact linked = link(ctx, owner.get());
        say(ctx, "C'est fait : cette conversation est reliée à " + linked.email() + ". Vos demandes envoyées par e-mail "
                + "et sur Telegram sont maintenant regroupées ; tapez /statut pour les voir.");
    }

    private Contact link(ChatContext ctx, Contact target) {
        Contact chatContact = contacts.byTelegramChatId(ctx.chatId()).orElse(null);
        String actor = AuditLog.contactActor(target.id());
        if (chatContact != null && chatContact.id() != target.id() && chatContact.email() == null) {
            moveHistory(chatContact, target, actor);
        }
        return contacts.linkTelegramChat(target.id(), ctx.chatId(), actor);
    }

    private void moveHistory(Contact from, Contact to, String actor) {
        for (Ticket ticket : tickets.ticketsOf(from.id())) {
            tickets.changeRequester(ticket.id(), to.id(), actor);
        }
        for (SubscriptionRequest request : subscriptions.ofContact(from.id())) {
            subscriptions.changeContact(request.id(), to.id(), actor);
        }
        if (from.communeInsee() != null && to.communeInsee() == null) {
            to = contacts.assignCommune(to.id(), from.communeInsee(), actor);
        }
        // the chat's tickets now belong to the contact's commune (a commune set on a ticket itself is kept)
        if (to.communeInsee() != null) {
            for (Ticket ticket : tickets.ticketsOf(to.id())) {
                if (ticket.communeInsee() == null && !ticket.isMerged()) {
                    tickets.changeCommune(ticket.id(), to.communeInsee(), actor);
                }
            }
        }
    }

    private String codeMail(String email, String code) {
        return "Bonjour,\n\n"
                + "Voici le code qui relie votre conversation Telegram avec l'assistant Mairie connectée à l'adresse "
                + email + " :\n\n"
                + "    " + code + "\n\n"
                + "Tapez ce code dans la conversation Telegram. Il est valable " + minutes(properties.linkCodeTtl())
                + ".\n\n"
                + "Si vous n'avez rien demandé, ignorez simplement ce message : rien ne sera relié sans ce code.\n\n"
                + "L'assistance Mairie connectée\nSomme Numérique";
    }

    private void say(ChatContext ctx, String text) {
        replies.toChat(ctx.chatId(), BotMessage.plain(text));
    }

    private static String minutes(Duration ttl) {
        long m = Math.max(1, ttl.toMinutes());
        return m + (m == 1 ? " minute" : " minutes");
    }

    /** The word with an « @ » (« mon adresse : x@y.fr » gives x@y.fr), else the whole text. */
    static String addressIn(String text) {
        String s = text == null ? "" : text.strip();
        for (String word : s.split("[\\s,;:]+")) {
            if (word.contains("@")) {
                return word.replaceAll("^[<(«\"']+|[>)»\"'.!?]+$", "");
            }
        }
        return s;
    }

    private static String abbreviate(String text) {
        return TextCut.cut(text, 60);
    }
}
