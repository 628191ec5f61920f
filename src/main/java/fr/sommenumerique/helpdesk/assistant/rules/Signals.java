package fr.sommenumerique.helpdesk.assistant.rules;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phrases that reveal what a message is about, matched on normalized text (lower case, no accents). Each
 * method returns the phrase found, so that the decision can say why it was taken.
 */
public final class Signals {

    /** Names of the offer's services and of the regulation it deals with: the message is about Mairie connectée. */
    private static final Pattern STRONG_DOMAIN = Pattern.compile("\\b(?:"
            + "@?ctes|actes?(?! (?:de naissance|de deces|de mariage|d'etat civil|de l'etat civil))|teletransm\\w*|tele-transm\\w*|controle de legalite|prefecture|sous-prefecture|prefet|"
            + "deliberations?|delibs?|delibere|arretes?|accuses? de reception|ar|executoire|tiers de teletransmission|"
            + "tdt|s2low|certificats?|certifs?|rgs|cle usb|token|signature electronique|signer electroniquement|"
            + "marches? publics?|plateforme|plate-forme|marches|(?:le|un|ce|notre|du|au|son|leur) marche|consultations?|"
            + "dce|appels? d'offres?|mise en concurrence|sans publicite|\\d ?(?:€|euros?) ?ht|"
            + "profil d'acheteur|mapa|boamp|jal|seuils?|procedures? formalisees?|dume|donnees essentielles|"
            + "commande publique|pli|plis|candidatures?|chorus|factures? electroniques?|pes|helios|"
            + "partage de fichiers?|lien de partage|liens? de telechargement|transfert de fichiers?|"
            + "formations?|mairie connectee|somme numerique|charte|conventions?|adhesion|adherer|souscri\\w*|"
            + "subventions?|feder|react-?eu|fonds europeens|financements? europeens?|aides? europeennes?|80 ?%|rgpd|cnil|dpo|dpd|donnees personnelles|violation de donnees|"
            + "fuite de donnees|archives?|archivage|sae|(?:courants|courantes) et intermediaires|publication|publier|"
            + "affichage|proces-verbal|compte-rendu|"
            + "compte rendu|convocations?|recueil des actes|registres?(?! (?:d'etat civil|de l'etat civil)))\\b");

    /** Words about accounts and files that point to our platforms without naming them. */
    private static final Pattern WEAK_DOMAIN = Pattern.compile("\\b(?:"
            + "financements?|comptes?|identifiants?|login|mot de passe|mdp|connexion|connecter|acces|offres?|deposer|depot|"
            + "date limite|lien|fichiers?|telecharger|envoyer|transmettre|horaires?|heures?|ouvert\\w*|fermee?s?|"
            + "joignables?|joindre|pause|reprenez|telephone|numero|adresse|support|assistance|dossiers|stockage|"
            + "conservation|prestataires?)\\b");

    /** Topics that are plainly not Mairie connectée matters. */
    private static final Pattern OFF_TOPIC = Pattern.compile("\\b(?:"
            + "encombrants?|ordures?|dechets?|dechetterie|poubelles?|tri selectif|ramassage|collecte des|"
            + "box|livebox|freebox|bbox|fibre (?:a la maison|chez moi)|a la maison|chez moi|television|"
            + "logiciels? de (?:paie|compta\\w*|facturation|gestion)|paie|bulletins? de salaire|"
            + "etat civil|acte de naissance|actes? de deces|mariage|pacs|carte d'identite|passeport|permis de conduire|"
            + "permis de construire|urbanisme|cadastre|plu|cantine|periscolaire|garderie|"
            + "salle des fetes|location de salle|cimetiere|concession funeraire|elections?|listes? electorales?|electeurs?|scrutin|bureau de vote|"
            + "impots?|taxe fonciere|meteo|football|vacances|covoiturage|imprimante|photocopieur|antivirus|"
            + "chauffage|eclairage public|perso|a titre personnel|smartphone|lampadaires?|nids? de poule|voisins?|bruit)\\b");

    /** Something is broken or blocked. */
    private static final Pattern INCIDENT = Pattern.compile("(?:"
            + "\\bn'?arrive (?:pas|plus)|\\bj'?arrive (?:pas|plus)|\\barrive pas a\\b|\\bimpossible\\b|"
            + "(?<!par )\\berreurs?\\b|\\berror\\b|\\bne (?:fonctionne|marche|passe|s'ouvre|s'affiche|charge) (?:pas|plus)\\b|"
            + "\\b(?:fonctionne|marche|passe) (?:pas|plus)\\b|\\bbloque(?:e|s|es)?\\b|\\bplante\\b|\\bbug\\w*|\\bbeug\\w*|"
            + "\\ben panne\\b|\\bpanne\\b|\\b(?:a|est|sont) expire|\\bexpire(?:e|s)? (?:ce matin|hier|aujourd'hui|depuis)|"
            + "\\b(?:certificat|certif|cle|compte|mot de passe|mdp|identifiant)s? .{0,40}(?:expire|perime|refuse|invalide|revoque|bloque|desactive)|"
            + "\\b(?:mot de passe|mdp|identifiants?) (?:oublie|perdu)|\\brefuse(?:e|s|es)?\\b|\\brejete(?:e|s|es)?\\b|"
            + "\\bnon conforme\\b|\\bechec\\b|\\bechoue\\w*|\\bne (?:peux|peut|pouvons|pouvez) (?:pas|plus)\\b|"
            + "\\bpeux (?:pas|plus)\\b|\\bpage blanche\\b|\\becran blanc\\b|\\binaccessible\\b|\\bintrouvable\\b|"
            + "\\baidez[- ]?(?:moi|nous)\\b|\\bau secours\\b|\\bsos\\b|\\bdisparu\\b|\\bne (?:recois|recevons|recoit) (?:pas|plus)\\b|"
            + "\\bjamais (?:recu|arrive|parvenu)\\w*|\\btoujours pas (?:recu|arrive|parvenu)\\w*|"
            + "\\b(?:verifier|regarder|voir) ce qui (?:se passe|ne va pas|bloque)\\b)");

    /** A wish or a request: combined with a membership, account or training object it makes a subscription. */
    private static final Pattern REQUEST_INTENT = Pattern.compile("\\b(?:"
            + "souhait\\w*|voudri\\w*|voudr\\w*|veux|veut|voulons|veulent|aimeri\\w*|desir\\w*|envisage\\w*|"
            + "interesse\\w*|il (?:nous |me |lui |leur )(?:faudrait|faut)|il faudrait|besoin d|"
            + "(?:pouvez|pourriez)[- ]vous (?:nous |m'|me )?(?:envoyer|transmettre|inscrire|creer|ouvrir|ajouter|activer|"
            + "adresser|faire parvenir|faire passer|donner acces)|merci de (?:nous |m')?"
            + "|comment (?:faire|proceder|on fait|fait-on|adherer|souscrire|s'inscrire|s'abonner|signer|devenir)|"
            + "a qui (?:j'|je |nous |on )?\\w+|ou (?:envoyer|transmettre|adresser)|je vous (?:envoie|transmets|adresse)|"
            + "ci-joint|vous trouverez|demande (?:d'adhesion|de compte|d'ouverture|d'acces|d'inscription|de creation))");

    /** « souhaiterions savoir… », « voudrais connaître… »: an information request, not a subscription. */
    private static final Pattern INFORMATION_ONLY = Pattern.compile("\\b(?:(?:souhait\\w*|voudri\\w*|voudr\\w*|aimeri\\w*|"
            + "veut|veulent|voulons|desir\\w*) (?:savoir|connaitre|comprendre|avoir (?:des |plus d')?(?:infos?|informations|"
            + "renseignements|precisions))|il (?:me|nous|lui) faut (?:le|la|les|l') ?(?:montant|prix|tarifs?|couts?|date|numero|"
            + "nom|adresse|infos?\\w*|references?|liste|details?))");

    private static final Pattern MEMBERSHIP_OBJECT = Pattern.compile("\\b(?:"
            + "adher\\w*|adhesion|souscri\\w*|abonn\\w*|rejoindre|"
            + "conventionn\\w*|(?:signer|recevoir|envoyer|obtenir|transmettre|retourner|renvoyer|avoir) (?:la|une|le projet de|notre|les|des|nos)"
            + " (?:charte|convention)s?|(?:la|une) convention d'adhesion|(?:passer a|utiliser|mettre en place|demarrer|"
            + "commencer) (?:la teletransmission|le service|vos services|votre service|la plateforme|actes)|le pack|tout le pack|l'offre|mairie connectee|"
            + "beneficier (?:de|des) (?:l'offre|services?|mairie connectee))\\b");

    private static final Pattern ACCOUNT_OBJECT = Pattern.compile("\\b(?:"
            + "(?:un|une|des|deux|trois|2|3|2e|2eme|3e|deuxieme|second|seconde|nouveau|nouvel|nouvelle|nouveaux|autre|"
            + "autres|notre|son|mon|ses|leurs|ses propres) (?:comptes?|acces|identifiants?|codes? d'acces)|"
            + "(?:creer|creation|ouvrir|ouverture|ajouter|activer) (?:de |d')?(?:un |une |des |les |le )?"
            + "(?:comptes?|acces|utilisateurs?|agents?|collegues?)|"
            + "acces (?:a|pour|au) .{0,30}(?:collegue|agent|adjoint|secretaire|maire|elu)|"
            + "(?:pour|a) (?:ma|mon|notre|nos|une|un) (?:nouvelle |nouveau )?(?:collegue|agent|secretaire|adjoint)\\w*)\\b");

    private static final Pattern TRAINING_OBJECT = Pattern.compile("(?:"
            + "\\binscri\\w*\\b.{0,60}\\b(?:formations?|sessions?|ateliers?|presentations?|webinaires?)\\b|"
            + "\\bformations?\\b.{0,60}\\binscri\\w*|"
            + "\\bparticiper a (?:la|une|vos) (?:prochaine )?(?:formation|session)|\\bplaces? (?:pour|a) (?:la|une) formation|"
            + "\\b(?:s'|m'|nous )inscrire\\b)");

    private static final Pattern ADD_SERVICE_OBJECT = Pattern.compile("\\b(?:"
            + "ajouter|activer|ajout|activation|etendre|extension) (?:du |de |le |la |l'|un |au )?"
            + "(?:service|module|plateforme|acces|actes|marches|partage)\\w*");

    /** The municipal council decided to join: the next step is a membership request. */
    private static final Pattern COUNCIL_DECIDED = Pattern.compile(
            "\\b(?:conseil(?: municipal| communautaire)?|nous|on|elus?) (?:a |avons |ont |vient de )?"
                    + "(?:delibere|vote|valide|decide|approuve|adopte)\\w*.{0,80}\\b(?:mairie connectee|adh\\w*|charte|convention|offre)");

    private static final Pattern URGENCY = Pattern.compile("(?:\\burgen\\w*|\\bau plus vite\\b|\\bau plus tot\\b|\\basap\\b|"
            + "\\bbloquant\\w*|\\bdate limite\\b|\\bdemain\\b|\\bce soir\\b|\\baujourd'hui\\b|\\bce matin\\b|\\bimmediatement\\b|"
            + "\\bd'urgence\\b|\\baidez[- ]?(?:moi|nous)\\b|!!|\\bsos\\b|\\bau secours\\b)");

    private Signals() {
    }

    public static Optional<String> strongDomain(String text) {
        return find(STRONG_DOMAIN, text);
    }

    public static Optional<String> weakDomain(String text) {
        return find(WEAK_DOMAIN, text);
    }

    public static Optional<String> offTopic(String text) {
        return find(OFF_TOPIC, text);
    }

    public static Optional<String> incident(String text) {
        return find(INCIDENT, text);
    }

    public static Optional<String> urgency(String text) {
        return find(URGENCY, text);
    }

    public static Optional<String> councilDecidedToJoin(String text) {
        return find(COUNCIL_DECIDED, text);
    }

    /** A wish or request that is not merely asking for information. */
    public static Optional<String> requestIntent(String text) {
        String withoutInformationRequests = INFORMATION_ONLY.matcher(text).replaceAll(" ");
        return find(REQUEST_INTENT, withoutInformationRequests);
    }

    public static Optional<String> membershipObject(String text) {
        return find(MEMBERSHIP_OBJECT, text);
    }

    public static Optional<String> accountObject(String text) {
        return find(ACCOUNT_OBJECT, text);
    }

    public static Optional<String> trainingObject(String text) {
        return find(TRAINING_OBJECT, text);
    }

    public static Optional<String> addServiceObject(String text) {
        return find(ADD_SERVICE_OBJECT, text);
    }

    static List<Pattern> all() {
        return List.of(STRONG_DOMAIN, WEAK_DOMAIN, OFF_TOPIC, INCIDENT, REQUEST_INTENT, INFORMATION_ONLY,
                MEMBERSHIP_OBJECT, ACCOUNT_OBJECT, TRAINING_OBJECT, ADD_SERVICE_OBJECT, COUNCIL_DECIDED, URGENCY);
    }

    private static Optional<String> find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group().strip()) : Optional.empty();
    }
}
