package fr.sommenumerique.helpdesk.telegram.chat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import fr.sommenumerique.helpdesk.knowledge.ServiceArea;
import fr.sommenumerique.helpdesk.telegram.bot.InlineButton;
import fr.sommenumerique.helpdesk.telegram.bot.InlineKeyboard;
import fr.sommenumerique.helpdesk.telegram.chat.ChatStates.ChatState;
import fr.sommenumerique.helpdesk.telegram.chat.ChatStates.Flow;
import fr.sommenumerique.helpdesk.telegram.chat.ChatStates.Step;
import fr.sommenumerique.helpdesk.telegram.delivery.BotMessage;
import fr.sommenumerique.helpdesk.telegram.delivery.TelegramOutbound;
import fr.sommenumerique.helpdesk.ticketing.BusinessCalendar;
import fr.sommenumerique.helpdesk.ticketing.Channel;
import fr.sommenumerique.helpdesk.ticketing.Commune;
import fr.sommenumerique.helpdesk.ticketing.Communes;
import fr.sommenumerique.helpdesk.ticketing.Contact;
import fr.sommenumerique.helpdesk.ticketing.Contacts;
import fr.sommenumerique.helpdesk.ticketing.NewSubscriptionRequest;
import fr.sommenumerique.helpdesk.assistant.SubscriptionKind;
import fr.sommenumerique.helpdesk.ticketing.SubscriptionRequest;
import fr.sommenumerique.helpdesk.ticketing.Subscriptions;

/**
 * /souscrire: a guided subscription request. Commune (typed, then picked among the matches), services (buttons
 * that tick and untick), contact e-mail, confirmation; then the request is recorded and confirmed with its
 * reference, the subsidy eligibility and the next steps.
 *
 * <p>The state lives in {@code telegram_chat_states}, changed in the same transaction as the update that changes it,
 * and expires after {@code helpdesk.telegram.chat.flow-ttl} without an answer. The e-mail typed here is not
 * verified, so it is given to staff in the request's text and never stored on the contact (that is what /lier is
 * for). The kind is « Inscription à une formation » when only Formation is ticked, else « Adhésion »: the bot cannot
 * tell whether the commune is already a member, staff reclassify if needed.
 */
@Component
class SubscriptionFlow {

    static final String PREFIX = "sub:";
    private static final String COMMUNE = "sub:c:";
    private static final String SERVICE = "sub:s:";
    private static final String VALIDATE = "sub:v";
    private static final String KNOWN_EMAIL = "sub:e";
    private static final String SEND = "sub:ok";
    private static final String CANCEL = "sub:x";
    private static final int COMMUNE_CHOICES = 6;

    /** The services offered, in the order shown. */
    private static final Map<ServiceArea, String> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put(ServiceArea.ACTES, "Actes");
        SERVICES.put(ServiceArea.MARCHES, "Marchés publics");
        SERVICES.put(ServiceArea.PARTAGE, "Partage de fichiers");
        SERVICES.put(ServiceArea.FORMATION, "Formation");
        SERVICES.put(ServiceArea.OFFRE, "Toute l'offre");
    }

    private final ChatStates states;
    private final Communes communes;
    private final Contacts contacts;
    private final Subscriptions subscriptions;
    private final BusinessCalendar calendar;
    private final TelegramOutbound replies;
    private final TelegramChatProperties properties;
    private final FundingText funding;
    private final Clock clock;

    SubscriptionFlow(ChatStates states, Communes communes, Contacts contacts, Subscriptions subscriptions,
                     BusinessCalendar calendar, TelegramOutbound replies, TelegramChatProperties properties,
                     FundingText funding, ObjectProvider<Clock> clock) {
        this.funding = funding;
        this.states = states;
        this.communes = communes;
        this.contacts = contacts;
        this.subscriptions = subscriptions;
        this.calendar = calendar;
        this.replies = replies;
        this.properties = properties;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    void start(ChatContext ctx) {
        save(ChatState.start(ctx.chatId(), Flow.SUBSCRIBE, Step.COMMUNE));
        Optional<Commune> known = contacts.byTelegramChatId(ctx.chatId()).map(Contact::communeInsee).flatMap(communes::byInsee);
        String text = "Demande d'adhésion ou de service Mairie connectée.\n\nPour quelle commune ? Tapez son nom ou son "
                + "code postal." + (known.isPresent() ? " Ou touchez :" : "") + "\n\n/annuler pour arrêter.";
        BotMessage message = BotMessage.plain(text);
        if (known.isPresent()) {
            message = message.withKeyboard(InlineKeyboard.column(communeButton(known.get())));
        }
        replies.toChat(ctx.chatId(), message);
    }

    void onText(ChatContext ctx, ChatState state, String text) {
        switch (state.step()) {
            case COMMUNE -> searchCommune(ctx, state, text);
            case EMAIL -> email(ctx, state, text);
            case SERVICES -> {
                save(state);
                say(ctx, "Touchez les services qui vous intéressent dans le message ci-dessus, puis « Valider ». "
                        + "/annuler pour arrêter.");
            }
            default -> {
                save(state);
                say(ctx, "Touchez « Envoyer la demande » ou « Annuler » dans le message ci-dessus.");
            }
        }
    }

    CallbackAnswer onButton(ChatContext ctx, String data) {
        Optional<ChatState> current = states.current(ctx.chatId(), clock.instant())
                .filter(s -> s.flow() == Flow.SUBSCRIBE);
        if (current.isEmpty()) {
            return CallbackAnswer.alert("Cette demande a expiré ou est terminée. Tapez /souscrire pour recommencer.")
                    .removingButtons();
        }
        ChatState state = current.get();
        if (data.equals(CANCEL)) {
            states.clear(ctx.chatId(), clock.instant());
            say(ctx, "Demande annulée. Tapez /souscrire pour recommencer quand vous voulez.");
            return CallbackAnswer.notice("Demande annulée").removingButtons();
        }
        if (data.startsWith(COMMUNE) && state.step() == Step.COMMUNE) {
            return pickCommune(ctx, state, data.substring(COMMUNE.length()));
        }
        if (data.startsWith(SERVICE) && state.step() == Step.SERVICES) {
            return toggle(state, data.substring(SERVICE.length()));
        }
        if (data.equals(VALIDATE) && state.step() == Step.SERVICES) {
            return validateServices(ctx, state);
        }
        if (data.equals(KNOWN_EMAIL) && state.step() == Step.EMAIL) {
            Optional<String> known = contacts.byTelegramChatId(ctx.chatId()).map(Contact::email);
            if (known.isEmpty()) {
                return CallbackAnswer.alert(ChatTexts.BUTTON_EXPIRED).removingButtons();
            }
            confirm(ctx, state.withEmail(known.get()));
            return CallbackAnswer.quiet().removingButtons();
        }
        if (data.equals(SEND) && state.step() == Step.CONFIRM) {
            return send(ctx, state);
        }
        return CallbackAnswer.alert(ChatTexts.BUTTON_EXPIRED).removingButtons();
    }

    private void searchCommune(ChatContext ctx, ChatState state, String text) {
        List<Commune> found = communes.search(text, COMMUNE_CHOICES);
        save(state);
        if (found.isEmpty()) {
            say(ctx, "Je ne trouve pas de commune de la Somme à ce nom. Vérifiez l'orthographe ou tapez le code postal.");
            return;
        }
        InlineKeyboard choices = InlineKeyboard.column(found.stream().map(SubscriptionFlow::communeButton)
                .toArray(InlineButton[]::new));
        replies.toChat(ctx.chatId(), BotMessage.plain(found.size() == 1 ? "Est-ce bien cette commune ? Touchez-la pour "
                + "continuer, ou tapez un autre nom." : "Choisissez votre commune (ou tapez un autre nom) :")
                .withKeyboard(choices));
    }

    private CallbackAnswer pickCommune(ChatContext ctx, ChatState state, String insee) {
        Optional<Commune> commune = communes.byInsee(insee);
        if (commune.isEmpty()) {
            return CallbackAnswer.alert(ChatTexts.BUTTON_EXPIRED).removingButtons();
        }
        save(state.withCommune(insee).at(Step.SERVICES));
        replies.toChat(ctx.chatId(), BotMessage.plain("Commune : " + commune.get().label() + ".\n\nQuels services "
                + "vous intéressent ? Touchez pour cocher ou décocher, puis « Valider ».")
                .withKeyboard(servicesKeyboard(Set.of())));
        return CallbackAnswer.notice(commune.get().name()).removingButtons();
    }

    private CallbackAnswer toggle(ChatState state, String code) {
        ServiceArea service;
        try {
            service = ServiceArea.valueOf(code);
        } catch (IllegalArgumentException unknown) {
            return CallbackAnswer.alert(ChatTexts.BUTTON_EXPIRED);
        }
        if (!SERVICES.containsKey(service)) {
            return CallbackAnswer.alert(ChatTexts.BUTTON_EXPIRED);
        }
        Set<ServiceArea> chosen = state.services().isEmpty() ? EnumSet.noneOf(ServiceArea.class) : EnumSet.copyOf(state.services());
        if (!chosen.remove(service)) {
            // « Toute l'offre » stands for every service: it excludes the single ones, and the other way round
            if (service == ServiceArea.OFFRE) {
                chosen.clear();
            } else {
                chosen.remove(ServiceArea.OFFRE);
            }
            chosen.add(service);
        }
        save(state.withServices(chosen));
        return CallbackAnswer.quiet().replacingButtons(servicesKeyboard(chosen));
    }

    private CallbackAnswer validateServices(ChatContext ctx, ChatState state) {
        if (state.services().isEmpty()) {
            return CallbackAnswer.alert("Cochez au moins un service, puis « Valider ».");
        }
        save(state.at(Step.EMAIL));
        Optional<String> known = contacts.byTelegramChatId(ctx.chatId()).map(Contact::email);
        BotMessage ask = BotMessage.plain("Services : " + servicesLabel(state.services()) + ".\n\nÀ quelle adresse "
                + "e-mail pouvons-nous vous écrire à propos de cette demande ?" + (known.isPresent() ? " Tapez-la, ou "
                + "touchez le bouton." : " Tapez-la ici."));
        if (known.isPresent()) {
            ask = ask.withKeyboard(InlineKeyboard.column(InlineButton.of("Utiliser " + known.get(), KNOWN_EMAIL)));
        }
        replies.toChat(ctx.chatId(), ask);
        return CallbackAnswer.quiet().replacingButtons(InlineKeyboard.none());
    }

    private void email(ChatContext ctx, ChatState state, String text) {
        String email;
        try {
            email = Contacts.normalizeEmail(ChatLinking.addressIn(text));
        } catch (IllegalArgumentException invalid) {
            save(state);
            say(ctx, "Cette adresse e-mail ne semble pas valide. Tapez-la sous la forme secretariat@mairie-exemple.fr, "
                    + "ou /annuler.");
            return;
        }
        confirm(ctx, state.withEmail(email));
    }

    private void confirm(ChatContext ctx, ChatState state) {
        save(state.at(Step.CONFIRM));
        String commune = communes.byInsee(state.communeInsee()).map(Commune::label).orElse("?");
        replies.toChat(ctx.chatId(), BotMessage.plain("Votre demande :\n• Commune : " + commune + "\n• Services : "
                        + servicesLabel(state.services()) + "\n• E-mail : " + state.email() + "\n\nOn l'envoie ?")
                .withKeyboard(InlineKeyboard.row(InlineButton.of("✅ Envoyer la demande", SEND),
                        InlineButton.of("✖️ Annuler", CANCEL))));
    }

    private CallbackAnswer send(ChatContext ctx, ChatState state) {
        Commune commune = communes.byInsee(state.communeInsee()).orElse(null);
        if (commune == null) {
            states.clear(ctx.chatId(), clock.instant());
            return CallbackAnswer.alert("Commune introuvable : tapez /souscrire pour recommencer.").removingButtons();
        }
        Contact contact = contacts.findOrCreateByTelegramChat(ctx.chatId(), ctx.senderName());
        SubscriptionKind kind = state.services().equals(Set.of(ServiceArea.FORMATION))
                ? SubscriptionKind.TRAINING : SubscriptionKind.MEMBERSHIP;
        String source = "Demande faite sur Telegram avec /souscrire.\nCommune : " + commune.label()
                + "\nServices : " + servicesLabel(state.services())
                + "\nAdresse e-mail indiquée pour la réponse (non vérifiée) : " + state.email();
        SubscriptionRequest request = subscriptions.record(NewSubscriptionRequest.of(contact.id(), kind, Channel.TELEGRAM, source)
                .withCommune(commune.inseeCode(), commune.name())
                .withServices(state.services()));
        states.clear(ctx.chatId(), clock.instant());
        replies.onSubscription(request.id(), ctx.chatId(), BotMessage.plain(confirmation(request, commune, state.email())));
        return CallbackAnswer.notice("Demande envoyée").removingButtons();
    }

    private String confirmation(SubscriptionRequest request, Commune commune, String email) {
        String eligibility = commune.name() + " : " + inhabitants(commune) + ".\n" + funding.summary();
        return "Votre demande est enregistrée sous la référence " + request.reference() + " ("
                + request.kind().label().toLowerCase(java.util.Locale.ROOT) + " : " + servicesLabel(request.services())
                + ").\n\n" + eligibility + "\n\nProchaines étapes : un agent de Somme Numérique vérifie votre demande, "
                + "puis vous envoie les documents ou les accès, ou revient vers vous s'il lui manque une information, "
                + "ici ou à " + email + ". Nos horaires : " + calendar.openingHoursText() + ".";
    }

    private static String inhabitants(Commune commune) {
        return String.format(java.util.Locale.FRANCE, "%,d habitants", commune.population()).replace('\u202f', ' ')
                .replace('\u00a0', ' ');
    }

    static String servicesLabel(Set<ServiceArea> services) {
        List<String> labels = new ArrayList<>();
        SERVICES.forEach((service, label) -> {
            if (services.contains(service)) {
                labels.add(label);
            }
        });
        services.stream().filter(s -> !SERVICES.containsKey(s)).map(ServiceArea::label).forEach(labels::add);
        return String.join(", ", labels);
    }

    private static InlineKeyboard servicesKeyboard(Set<ServiceArea> chosen) {
        InlineKeyboard.Builder keyboard = InlineKeyboard.builder();
        SERVICES.forEach((service, label) -> keyboard.row(
                InlineButton.of((chosen.contains(service) ? "✅ " : "▫️ ") + label, SERVICE + service.name())));
        keyboard.row(InlineButton.of("Valider ➡️", VALIDATE));
        return keyboard.build();
    }

    private static InlineButton communeButton(Commune commune) {
        return InlineButton.of(commune.label(), COMMUNE + commune.inseeCode());
    }

    private void save(ChatState state) {
        states.save(state, clock.instant(), properties.flowTtl());
    }

    private void say(ChatContext ctx, String text) {
        replies.toChat(ctx.chatId(), BotMessage.plain(text));
    }
}
