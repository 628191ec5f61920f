package fr.sommenumerique.helpdesk.telegram.chat;

import java.util.List;

import fr.sommenumerique.helpdesk.telegram.bot.BotMenuCommand;

/** The bot's fixed French texts: short, for a phone screen. Texts built from data live with their handlers. */
final class ChatTexts {

    private ChatTexts() {
    }

    /** The « / » menu, in the order shown. */
    static final List<BotMenuCommand> MENU = List.of(
            BotMenuCommand.of("start", "Présentation de l'assistant"),
            BotMenuCommand.of("aide", "Ce que je sais faire"),
            BotMenuCommand.of("services", "L'offre Mairie connectée"),
            BotMenuCommand.of("horaires", "Quand l'équipe vous répond"),
            BotMenuCommand.of("ticket", "Ouvrir une demande pour un agent"),
            BotMenuCommand.of("statut", "Vos demandes en cours"),
            BotMenuCommand.of("souscrire", "Demander une adhésion ou un service"),
            BotMenuCommand.of("lier", "Relier cette conversation à votre e-mail"),
            BotMenuCommand.of("fin", "Clore une demande"));

    static final String WELCOME = """
            Bonjour et bienvenue ! 👋
            Je suis l'assistant de Mairie connectée, l'offre de services numériques de Somme Numérique pour les communes.

            Posez-moi votre question en quelques mots (Actes, marchés publics, partage de fichiers, formations…) : je réponds tout de suite quand je connais la réponse, sinon je transmets votre demande à un agent.

            /services — découvrir l'offre
            /ticket — signaler un problème à un agent
            /statut — suivre vos demandes
            /souscrire — demander une adhésion ou un service
            /lier — relier cette conversation à votre adresse e-mail
            /aide — toutes les commandes""";

    static final String HELP = """
            Ce que je sais faire :

            • Écrivez votre question simplement : je réponds, ou je la transmets à un agent. Vous pouvez joindre une photo ou un document (20 Mo au plus).
            • /services — l'offre Mairie connectée, service par service
            • /horaires — quand l'équipe vous répond
            • /ticket suivi de votre message — une demande directement pour un agent
            • /statut — vos demandes en cours et leur état
            • /souscrire — demander l'adhésion, un service ou une formation
            • /lier — relier cette conversation à votre adresse e-mail, pour retrouver toutes vos demandes
            • /fin — clore une demande ouverte
            • /annuler — arrêter la démarche en cours""";

    static final String SERVICES_INTRO = "Mairie connectée regroupe les services numériques essentiels de Somme "
            + "Numérique pour les communes. Touchez un service pour en savoir plus :";

    static final String TICKET_USAGE = "Écrivez /ticket suivi de votre message, par exemple :\n"
            + "/ticket Impossible de me connecter à la plateforme Actes depuis ce matin";

    static final String NOTHING_OPEN = "Vous n'avez pas de demande ouverte. Posez votre question ici, ou tapez /ticket "
            + "suivi de votre message pour joindre un agent.";

    static final String NOTHING_IN_PROGRESS = "Vous n'avez aucune demande en cours. Posez votre question ici, ou tapez "
            + "/ticket suivi de votre message pour joindre un agent.";

    static final String UNKNOWN_COMMAND = "Je ne connais pas cette commande. Tapez /aide pour voir ce que je sais faire.";

    static final String CANCELLED = "C'est annulé. Vous pouvez me poser une question quand vous voulez.";

    static final String NOTHING_TO_CANCEL = "Il n'y a rien à annuler.";

    static final String GROUP_NOTICE = "Bonjour ! Je réponds seulement en conversation privée, pour que vos échanges "
            + "restent confidentiels. Écrivez-moi directement : touchez mon nom, puis « Envoyer un message ».";

    static final String FLOOD = "Vous m'envoyez beaucoup de messages en peu de temps : je mets les suivants de côté "
            + "et je les traite dans l'ordre dès que vous faites une pause. Rien n'est perdu.";

    /** Shown by Telegram over the chat (a callback notice, 200 characters at most). */
    static final String BUTTON_FLOOD = "Trop d'appuis en peu de temps : patientez un instant, puis réessayez.";

    static final String QUARANTINED = "Je n'ai pas pu traiter votre message automatiquement. Il est bien conservé et "
            + "un agent de Somme Numérique va l'examiner.";

    static final String UNSUPPORTED_VOICE = "Je ne peux pas écouter les messages vocaux. Écrivez-moi votre question, "
            + "s'il vous plaît.";

    static final String UNSUPPORTED_CONTENT = "Je lis les messages écrits, les photos et les documents. Écrivez-moi "
            + "votre question, s'il vous plaît.";

    static final String BUTTON_EXPIRED = "Ce bouton n'est plus valable.";

    static final String PRIVATE_ONLY = "Je réponds seulement en conversation privée.";

    /** Refusal of a file the Bot API will not let the bot download. */
    static String fileTooLarge(String what, long bytes) {
        return "Votre " + what + " fait " + megabytes(bytes) + " : c'est au-delà de 20 Mo, la limite de Telegram pour "
                + "les robots, je ne peux donc pas le recevoir. Envoyez une version plus légère (PDF compressé, capture "
                + "d'écran), ou décrivez votre problème par écrit.";
    }

    static String megabytes(long bytes) {
        return String.format(java.util.Locale.FRANCE, "%.1f Mo", bytes / (1024.0 * 1024.0));
    }
}
