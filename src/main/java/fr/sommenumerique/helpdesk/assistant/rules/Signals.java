package fr.sommenumerique.helpdesk.assistant.rules;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hard facts the assistant keeps as rules, matched on normalized text (lower case, no accents): the words of an
 * incident and of urgency. What a message wants is learned from examples ({@code knowledge-base/intentions/}); these
 * words only confirm an incident and set its priority. Each method returns the phrase found, so that the decision
 * can say why it was taken.
 */
public final class Signals {

    /** Where a word starts (see {@link #atWordStart}). */
    private static final String WORD_START = "(?<!\\w)(?=\\w)";

    /** « transmis deux fois par erreur » went wrong; « deux fois par an » is a rule. */
    private static final String NOT_A_RATE = "(?! par (?:an|mois|semaine|jour|annee))";
    /** « envoi de la charte », « envoi convention adhésion »: the papers to join, asked for as a noun. */
    public static final String SEND_MEMBERSHIP_PAPERS = "envoi (?:de |du |des )?(?:la |le |les )?(?:conventions?|chartes?|"
            + "dossier d'adhesion|documents? d'adhesion)\\b";
    /** The message names the offer, its platforms or its texts: whatever else it reads like, it is about us. */
    private static final Pattern NAMES_THE_OFFER = Pattern.compile("\\b(?:actes|teletransm\\w*|mairie connectee|charte|"
            + "somme numerique|@?utonum|chorus|pes v2|helios|dume|profil d'acheteur|partage de fichiers)\\b");
    /** Something is broken or blocked. */
    private static final Pattern INCIDENT = atWordBoundary("(?:"
            // « je n'arrive pas à retrouver votre numéro »: asks for our details, nothing is broken. « pu » is « plus »
            // written as spoken (« le lien marche pu »).
            + "n'?arrive (?:pas|plus|pu)(?! a (?:re)?trouver (?:votre|vos)\\b)|j'?arrive (?:pas|plus|pu)|"
            + "arrive pas a\\b(?! (?:re)?trouver (?:votre|vos)\\b)|impossible\\b|"
            // « une erreur de frappe », « une erreur matérielle » in a text: a slip of the pen, not a breakdown.
            + "(?<!par )erreurs?\\b(?! (?:de frappe|materielles?)\\b)|error\\b|ne (?:fonctionne|marche|passe|s'ouvre|s'affiche|charge) (?:pas|plus)\\b|"
            + "(?:fonctionne|marche|passe) (?:pas|plus|pu)\\b|bloque(?:e|s|es)?\\b|plante\\b|bug\\w*|beug\\w*|"
            // « plateforme marchés HS ?? », « plus aucun AR depuis lundi »: out of service, nothing arrives any more.
            + "hs\\b|hors (?:service|ligne)\\b|plus aucun (?:ar|accuse|acces|envoi|mail|message)s?\\b|"
            + "en panne\\b|panne\\b|(?:a|est|sont) expire|expire(?:e|s)? (?:ce matin|hier|aujourd'hui|depuis|demain|"
            // « le mien expire la semaine prochaine »: about to stop working
            + "la semaine prochaine|dans (?:\\d+|quelques|deux|trois) jours)|"
            + "(?:certificat|certif|cle|compte|mot de passe|mdp|identifiant)s? .{0,40}(?:expire|perime|refuse|invalide|revoque|bloque|desactive)|"
            + "(?:mot de passe|mdp|identifiants?) (?:oublie|perdu)|"
            // « la clé USB avec le certificat de la secrétaire a été perdue »: a certificate lost or stolen
            + "certifica\\w*\\b.{0,60}\\b(?:perdu|vole|egare)e?s?\\b|(?:perdu|vole|egare)e?s?\\b.{0,30}\\bcertificat\\b|"
            // « le certificat est sur une clé USB qu'on ne retrouve plus », « la clé du certificat, elle ne la retrouve pas »
            + "certifica\\w*\\b.{0,60}\\b(?:ne|n') ?(?:l'|la |le |les )?(?:re)?trouv\\w* (?:plus|pas)\\b|"
            + "refuse(?:e|s|es)?\\b|rejete(?:e|s|es)?\\b|"
            + "rejett?(?:e|ent)\\b|n'?(?:apparai|aparai)(?:t|ssent) (?:pas|plus)\\b|"
            + "non conforme\\b|echec\\b|echoue\\w*|"
            // « l'export sort un fichier vide », « la page reste toute blanche »: nothing shown where something should be.
            + "(?:fichier|page|ecran|export)s? (?:\\w+ ){0,2}(?:vides?|blanche?s?)\\b|"
            // « sur mon espace Actes je vois les actes d'une autre commune ! »: another body's files shown to us.
            + "(?:vois|voit|voyons|voient|apparai\\w*|affich\\w*)\\b.{0,40}\\b(?:actes|documents|fichiers|dossiers|"
            + "deliberations|delibs) d'une? autres? (?:commune|collectivite|mairie)s?\\b|"
            // « un dossier partagé est visible par une personne extérieure à la commune ! »: files open to strangers.
            + "(?:visibles?|accessibles?|consultables?) (?:par|a) (?:une personne|des personnes|quelqu'un|un tiers|"
            + "des tiers|tout le monde|n'importe qui)(?! (?:de la|du) (?:commune|mairie|conseil)\\b)|"
            // « les PDF reviennent sans le tampon, c'est la première fois que ça arrive »: something unusual happened.
            + "la premiere fois que (?:ca|cela) (?:nous |m')?arrive\\b|"
            // « le PDF récupéré après envoi ne porte pas le tampon de la préfecture »: what should be stamped is not.
            + "ne (?:porte|portent) (?:pas|plus) (?:le |de |du |les )?tampons?\\b|"
            // « l'AR reçu porte une date de décision fausse », « la date limite affichée sur la plateforme est fausse »:
            // what a platform or a paper shows is wrong.
            + "(?:affichee?s?|indiquee?s?)\\b.{0,40}\\b(?:est|sont) (?:fausse?s?|erronee?s?|incorrecte?s?)\\b|"
            // « la convention que vous nous avez envoyée porte le nom d'une autre commune »: a paper made out wrongly.
            + "(?:porte|portent|indique|mentionne|est au|sont au)\\b.{0,30}\\bnom d'une autre (?:commune|collectivite|mairie)\\b|"
            // « ma clé de certificat n'est plus reconnue sur le nouvel ordinateur »
            + "(?:n'est|ne sont|n'etait|n'a) (?:pas|plus) (?:ete )?reconnue?s?\\b|"
            // « au bout de combien de temps la préfecture ne peut plus attaquer une délib ? »: a rule, not a breakdown.
            + "(?<!prefet |prefecture |tribunal |juge )ne (?:peux|peut|pouvons|pouvez) (?:pas|plus)\\b|"
            + "peux (?:pas|plus|pu)\\b|page blanche\\b|ecran blanc\\b|inaccessible\\b|introuvable\\b|"
            + "aidez[- ]?(?:moi|nous)\\b|au secours\\b|sos\\b|disparu\\b|ne (?:recois|recevons|recoit) (?:pas|plus)\\b|"
            + "jamais (?:recu|arrive|parvenu)\\w*|"
            // « un AR pour un acte qu'on n'a jamais envoyé »
            + "qu(?:'on|e nous|e j'?) n'?(?:a|avons|ai) jamais (?:envoye|transmis|teletransmis|depose)\\w*|"
            + "(?:toujours|tjrs|tjs|tjr) pas (?:recu|arrive|parvenu)\\w*|"
            // « envoyé lundi matin et toujours rien jeudi », « toujours « en attente » ce mercredi »: waited in vain
            // (not « vendredi 18h, toujours rien le dimanche »: no acknowledgement comes at the week-end)
            + "toujours (?:rien|aucun\\w*|« ?en attente)\\b(?!.{0,25}\\b(?:samedi|dimanche|week-?end)\\b)|"
            + "(?:verifier|regarder|voir) ce qui (?:se passe|ne va pas|bloque)\\b|"
            // « l'envoi reste en statut posté depuis vendredi », « rien ne bouge »: stuck on the platform.
            + "reste (?:en|au) (?:statut|etat)\\b|rien (?:ne )?bouge\\b|"
            // « ça sonne dans le vide, quelqu'un peut-il me rappeler ? »: the commune asks to be called back (not « me
            // rappeler les horaires » nor « pouvez-vous me rappeler : le délai… », which ask to be reminded).
            + "(?:me|nous) rappeler ?(?:\\?|$|svp\\b|s'il vous plait\\b|rapidement\\b|au plus vite\\b|demain\\b|"
            + "des que possible\\b|au 0\\d)|"
            // « l'espace partagé est plein, on peut plus déposer de fichiers »
            + "(?:on|je|nous) (?:peut|peux|pouvons) plus\\b|"
            // « les bordereaux PES n'arrivent plus dans Hélios », « la facture porte un montant différent du devis »,
            // « l'AR porte un identifiant qui n'est pas celui de notre commune, c'est quoi ce bazar ? »
            + "n'?arrivent (?:plus|pas)\\b|montant (?:different|errone|faux)\\b|qui n'est pas (?:celui|celle) de (?:notre|la) commune\\b|"
            + "c'est quoi ce (?:bazar|bordel|cirque|souk)\\b|"
            // « la facture elle est pas arrivée sur Chorus Pro », « on est venus et y a personne »
            + "(?<!\\b(?:tant que|lorsque|quand|si) .{0,16})(?:est|sont) pas (?:arrive|parvenu)e?s?\\b|on est (?:venu|alle|passe)s?\\b.{0,30}\\b(?:ya|y a|y avait|il y avait|il n'y avait) personne\\b|"
            // « les tampons sont vides. Problème chez vous ? »
            + "(?:probleme|souci|bug|panne) (?:chez vous|de votre cote|sur votre plateforme)\\b|"
            // « le standard ne répond pas depuis ce matin »: our line failing for hours, not a question on our hours
            // (« ça sonne dans le vide depuis 12h45 » is the lunch break).
            + "(?:ne|personne ne) (?:repond|repondez|decroche|decrochez)\\w* (?:pas |plus )?(?:\\S+ ){0,3}depuis\\b|"
            // « l'AR est arrivé mais avec la mauvaise date »: what the platform gave back carries a wrong value.
            + "(?:mauvaise|fausse) date\\b|date (?:erronee|fausse|incorrecte)\\b|"
            // « une date de réception fausse », « la nature indiquée est X au lieu de Y », « l'ID n'a pas le bon
            // numéro », « avec l'objet d'une autre délibération »: a value the platform gave back is wrong.
            + "(?:date|nature|objet|numero|identifiant|montant|intitule)(?: (?!(?:et|ou|mais)\\b)\\S+){1,3} "
            + "(?:erronee?s?|fausses?|faux|incorrecte?s?)\\b|"
            // « le tampon indique la mauvaise commune, c'est marqué Ailly-le-Haut-Clocher au lieu d'Ailly-sur-Noye »
            + "(?:indique|marque|affiche|mentionne)e?s? (?:la |le )?mauvaise? (?:commune|collectivite|mairie|nom)\\b|"
            + "(?:c'est|il est|c est) (?:marque|ecrit|indique)e? .{1,40}\\bau lieu d(?:e |')|"
            + "(?:nature|objet|numero|identifiant|intitule) (?:indique|affiche|inscrit|mentionne)e?s? (?:est |sont )?"
            + ".{0,40}\\bau lieu de\\b|"
            + "pas (?:le|la) bon(?:ne)? (?:date|nature|objet|numero|identifiant|montant|intitule)\\b|"
            + "(?:avec|porte|indique) (?:l'objet|le numero|l'identifiant|l'intitule) d'une? autre\\b|"
            // « l'AR indique une date de réception au 01/01/1970 »: a date no sending can have
            + "date\\b.{0,50}\\b(?:0?1/0?1/1970|1er janvier 1970|1970)\\b|"
            // « transmise avec la mauvaise nature », « l'AR indique une nature « AU » alors qu'on a mis arrêté
            // individuel »: the act was classified wrong, or the platform shows other than what was chosen.
            // « la délib est partie au nom de la commune voisine, mauvaise collectivité sélectionnée »
            + "(?:mauvaise|fausse|erreur de) (?:nature|classification|matiere|collectivite)\\b|"
            + "nature (?:erronee|incorrecte|fausse)\\b|alors qu'on (?:a|avait) (?:mis|choisi|selectionne|coche)\\b|"
            // « la visio coupe au bout de dix minutes », « ça rame », « on est déconnectés sans arrêt »: a service that
            // fails while in use.
            + "(?:coupe|coupent|saute|sautent|rame|rament|freeze|freezent)(?= (?:au bout|tout le temps|sans arret|"
            + "en plein|toutes les|sans cesse|a chaque|encore))|lenteurs?\\b|(?:tres|trop|hyper|super) lent\\w*|"
            + "(?:suis|sommes|est|sont|etre|on est|a ete|ont ete) (?:deconnecte|ejecte)\\w*|"
            // « l'acte est parti deux fois, la préf a deux AR », « apparaît en double »: a sending duplicated.
            + "(?<!\\bnoms? |\\bnoms? (?:est|sont|figure|apparait) |fois )en double\\b(?! exemplaire)|"
            + "(?:parti|envoye|transmis|teletransmis|passe|arrive|recu)e?s? (?:deux|2) fois\\b" + NOT_A_RATE + "|"
            // « on nous a facturé Mairie connectée deux fois »: a charge duplicated
            + "(?:facture|preleve|debite)e?s?(?: \\S+){0,3} (?:deux|2) fois\\b" + NOT_A_RATE + "|"
            + "(?:deux|2) (?:ar|accuses de reception)\\b|double (?:facturation|prelevement|paiement)\\b|"
            + "(?:erreur de|mauvaise) facturation\\b|(?:montant|facture|somme)\\b.{0,30}\\bne correspond (?:pas|plus)\\b|"
            // « Actes me renvoie « fichier non PDF/A » », « le bouton est grisé »: a message shown, a button off.
            + "(?:renvoie|affiche|indique|marque)\\w* (?:le message |un message |l'erreur )?[«\"]|grise(?:e|s|es)?\\b|"
            // « un mail signé « Somme Numérique » qui demande nos identifiants, c'est vous ? »: a message in our name
            // asking for passwords or a click is a security matter for an agent, whatever the question around it.
            + "(?:se presentant comme|se presente comme|se disant|soi-disant|pretendument|au nom de|signee?|de la part de|venant de)"
            + "\\W{0,4}(?:de\\W{1,4})?somme numerique\\b|(?:revalider|reactiver|confirmer|verifier) (?:son|votre|vos|ses|nos|mon|ma|leur)"
            + " (?:compte|identifiants?|mot de passe|acces)\\b|demande\\w* (?:nos|vos|ses|mes|mon|son|notre|votre|les|leurs) (?:identifiants?|mots? de "
            + "passe|codes)\\b|(?:hamecon\\w*|phishing|escroquerie|frauduleu\\w*)\\b)");

    private static final Pattern ASKS_WHAT_WENT_WRONG = Pattern.compile("\\b(?:c'est|c'?|est-ce|est ce|cest|ce n'est|c'est pas|"
            + "ca parait|ca semble|est-il|est il) (?:pas )?(?:normal|grave)\\b|\\bque se passe-t-il\\b|"
            + "\\bqu'est-ce qui se passe\\b|\\bqu'est-ce qui ne va pas\\b");
    private static final Pattern COMPARES = Pattern.compile("\\b(?:(?:c'est|c'?|est-ce|cest) (?:pas )?(?:la meme chose|pareil)\\b"
            + "|la meme chose que\\b|(?:quelle|la) difference entre\\b|\\bquoi la difference\\b|\\bqui sert a quoi\\b"
            + "|\\b(?:on|je) (?:les )?(?:confond|confonds|melange)\\b)");

    private static final Pattern PLACE_ONLY = Pattern.compile("(?:la |le )?(?:commune|mairie|ville|village|secretariat)"
            + " (?:de |du |des |d')[^,;:!?.\\d]{1,60}");

    /**
     * The commune asks where something it already sent stands (« où en est notre dossier ? », « aucune nouvelle
     * depuis », « a-t-elle bien été signée ? »): an agent must look at that file, whatever is asked around it.
     */
    private static final Pattern STATE_OF_FILE = atWordStart("(?:\\bou en (?:est|sont|etes)\\b|"
            + "\\b(?:aucune|pas de|sans|jamais eu de|toujours pas de) (?:nouvelles?|reponse)\\b|\\baucun retour\\b|"
            // « je relance pour la 3e fois ma demande de compte », « toujours sans réponse »: a reminder about a file.
            + "\\bje (?:vous )?relance\\b|\\brelance (?:pour|de|ma|notre|concernant)\\b|\\b(?:toujours )?sans reponse\\b|"
            + "\\btoujours rien\\b|\\ben attente\\b.{0,40}\\bdepuis\\b|\\bbien ete (?:recue?s?|signee?s?|enregistree?s?|traitee?s?|prise?s? en compte)\\b|"
            + "\\b(?:avez|a|ont)(?:-vous|-t-(?:il|elle))? bien (?:recu|signe|enregistre|traite)\\w*|"
            // « la commune de Pissy a-t-elle déjà signé la charte ? », « quels comptes sont ouverts au nom de la mairie
            // chez vous ? »: what this commune has with us, which only its file says.
            + "\\b(?:a-t-elle|a-t-il|avons-nous|a-t-on|sommes-nous|est-elle|est-on) (?:deja|bien) (?:signe|adhere|inscrite?|"
            + "membre|adherente?)\\b|\\bquels? (?:comptes|acces|services)\\b.{0,30}\\b(?:sont|avons|a|ont) (?:ouverts?|actifs?)\\b|"
            // « on a reçu une facture de Somme Numérique de 350 €, c normal ? », « payé la facture deux fois »: an
            // invoice the commune received from us, which only its file explains.
            + "\\b(?:a|ai|avons|ont) (?:bien |deja )?(?:recu|paye|regle)\\w* (?:(?:deux|2) fois )?(?:une |la |les |deux |2 |votre |vos |cette )?factures?\\b"
            + "(?! (?:electronique|dematerialisee|d'une entreprise|d'un fournisseur|sur chorus|via chorus|dans chorus))|"
            + "\\b(?:votre|vos) factures?\\b|"
            // « combien on a payé l'an dernier pour Mairie connectée ? »: what this commune paid, in its file only.
            + "\\b(?:combien|cb) (?:on|nous) (?:a|avons) (?:deja )?(?:paye|regle|verse)\\b|\\bfacturation de (?:la formation|l'adhesion|mairie connectee)\\b)");

    /**
     * An acknowledgement awaited after a sending on a day the préfecture does not issue it (« envoyé dimanche soir,
     * toujours pas d'AR lundi 8h, c'est normal ? »): the question the Actes article answers (the AR comes on the next
     * working day), not an incident. Not when something else went wrong (an error shown, a sending blocked or still
     * pending days later): that is for an agent.
     */
    private static final Pattern ACKNOWLEDGEMENT = Pattern.compile("\\b(?:ar|accuses? de reception|accuse|recu de la "
            + "prefecture)\\b");
    private static final Pattern CLOSED_DAY = Pattern.compile("\\b(?:samedi|dimanche|week-?end|ferie|soir|nuit|"
            + "(?:1[89]|2[0-3]) ?h(?:\\d\\d)?)\\b");
    /** « c'est normal ? », « c'est un bug ? », or any question about it. */
    private static final Pattern ASKS_IF_NORMAL = Pattern.compile("\\b(?:normal|grave|bug)\\b|\\?");
    private static final Pattern SOMETHING_ELSE_WRONG = Pattern.compile("\\b(?:erreur|message|impossible|bloque\\w*|"
            + "refus\\w*|rejet\\w*|en attente|mauvais\\w*|annul\\w*)\\b");

    /**
     * The commune says it wants to leave the offer (« on veut arrêter Mairie connectée en fin d'année »): a request
     * for the team, which knows the terms; the joining steps, which share its words, do not answer it.
     */
    private static final Pattern LEAVING = atWordStart("\\b(?:on veut|on voudrait|on souhaite|nous voulons|"
            + "nous voudrions|nous souhaitons|nous souhaiterions|a decide d'|a decide de|a vote pour)\\s*"
            + "(?:arreter|resilier|quitter|sortir de|mettre fin a|ne plus utiliser|se retirer de|nous retirer de)\\b"
            + ".{0,20}\\b(?:mairie connectee|l'offre|la convention|l'adhesion|la charte|vos services)");

    /**
     * A question on whether the commune qualifies (« on a droit à l'aide europe ? », « sommes-nous éligibles ? »),
     * with no word that asks to join: a question, however close its words are to a membership request.
     */
    private static final Pattern ELIGIBILITY = Pattern.compile("\\b(?:(?:on|nous) (?:a|avons|aurait|aurions) droit|"
            + "a-t-on droit|avons-nous droit|pour avoir droit|peut-on pretendre|pouvons-nous pretendre|(?:on|nous) (?:peut|pouvons) "
            + "pretendre|(?:on est|sommes-nous|nous sommes|est-on) eligibles?)\\b[^?]*\\?");
    /** A verb of wanting and the adverbs that may follow it (« le maire veut maintenant aussi … »). */
    /** « un agent veut ouvrir un compte épargne temps »: an account of another kind than an access to our platforms. */
    private static final String NOT_A_USER_ACCOUNT = "(?! (?:epargne|bancaire|courant|administratif|de gestion|de depot)\\b)";
    private static final String WANTS = "\\b(?:veu[tx]|voulons|voudr(?:ai[st]?|ait|ions|aient)|souhait(?:e|ons|erai[st]?|"
            + "erions)|aimer(?:ai[st]?|ions))\\s+(?:(?:maintenant|aussi|egalement|donc|bien|elle-meme|lui-meme|nous-memes|"
            // « le syndicat d'eau voudrait lui aussi vos services »
            + "(?:lui|elle|eux|nous) aussi)\\s+)*";
    private static final Pattern ASKS_FOR_SOMETHING = Pattern.compile("\\b(?:inscri\\w*|adherer|rejoindre|souhait\\w*|"
            + "voudr\\w*|envoyez|merci de|pouvez-vous|pourriez-vous)\\b");

    /**
     * The commune asks Somme Numérique to act on an account, a membership or a training seat (« pouvez-vous nous
     * inscrire », « merci de créer un accès », « il faudrait me créer un compte », « transférez-lui les droits », « je
     * vous saurais gré de bien vouloir procéder aux modifications », « j'ai besoin d'un compte », « on voudrait un
     * accès »): a request to record, even when the same message also asks a question. An imperative counts only with
     * whom or what it acts on: « vous ouvrez à quelle heure ? » asks nothing to be done.
     */
    private static final Pattern ASKS_TO_ACT = atWordStart("\\b(?:(?:(?:pouve[rz]?|pourriez|pourrez)[- ](?:vous|vs)|"
            + "(?:vous|vs) (?:pouvez|pourriez|pourrez)|merci de|je vous (?:remercie|prie|saurais gre) de)(?: bien vouloir)?"
            // « pouvez-vous maintenant activer notre compte Actes ? »
            + "(?: (?:maintenant|desormais|des maintenant|rapidement|deja))?\\s+"
            + "(?:(?:nous|me|m'|lui|leur|les|la|le|l')\\s*)?" + "(?:inscrire|ouvrir|creer|transferer|ajouter|rajouter|activer|"
            + "desactiver|supprimer|fermer|cloturer|resilier|lancer|attribuer|reserver|rattacher|modifier|changer|mettre a jour|"
            + "donner (?:un |l')?acces|proceder (?:a|aux) (?:l'|la |les )?(?:ouverture|creation|fermeture|cloture|"
            + "suppression|desactivation|inscription|transfert|modification)s?)\\b"
            + "|\\b(?:il )?(?:faut|faudrait)\\s+(?:(?:nous|me|m'|lui|leur)\\s*)?(?:inscrire|ouvrir|creer|transferer|"
            + "desactiver|supprimer|fermer|cloturer|rattacher|regrouper|fusionner|renommer)\\b"
            // « il faudrait regrouper nos 2 comptes, vous pouvez le faire ? »: the thing to do, asked of us
            + "|\\b(?:(?:vous|vs) (?:pouvez|pourriez)|(?:pouvez|pourriez)-vous) (?:nous |me )?(?:le faire|vous en charger|"
            + "vous en occuper|faire le necessaire)\\b"
            // « j'ai l'honneur de solliciter la signature de la Charte », « nous sollicitons l'ouverture d'un accès »
            + "|\\bsollicit(?:e|ons|er)(?: de votre (?:part|bienveillance))?(?: (?:l'|la |le |les |un |une )?)"
            + "(?:adhesion|signature|ouverture|creation|inscription|fermeture|cloture|suppression|transfert|activation|"
            + "desactivation|acces|compte)\\b"
            // « nous demandons l'ouverture d'un compte Actes »: the same, in plain words
            + "|\\b(?:je|nous) (?:vous )?demand(?:e|ons) (?:l'|la |le |les |un |une )?(?:adhesion|ouverture|creation|inscription|"
            + "fermeture|cloture|suppression|transfert|activation|desactivation)\\b"
            // « je voudrais des identifiants à mon nom », « il nous faut un accès marchés »: what is wanted, named
            + "|\\b(?:je voudrais|nous voudrions|il me faudrait|il nous faudrait|il me faut|il nous faut) (?:des|mes|nos|un|une|"
            + "de nouveaux) (?:identifiants|acces|codes d'acces|comptes?)\\b"
            // « Demande d'ouverture d'un compte Actes pour la commune de … »: the request named as a noun
            + "|\\bdemande d'(?:ouverture|creation|activation|fermeture|cloture|suppression|desactivation) d'(?:un|une)?\\s*(?:compte|acces)\\b"
            // « est-il possible d'inscrire 3 élus à une formation ? », « souhaite que vous ouvriez un compte pour … »
            + "|\\bpossible d'inscrire\\b|\\bpossible de (?:nous |me |lui |leur )?(?:creer|ouvrir|ajouter|activer) (?:un|une|des|"
            + "le|la|les|l')\\s*(?:\\S+ )?(?:comptes?|acces)\\b"
            + "|\\bque vous (?:nous |me |lui |leur )?(?:ouvriez|creiez|inscriviez|ajoutiez|activiez|fermiez|supprimiez|"
            + "desactiviez|transferiez)\\b"
            // « tu peux activer Actes pour le SIVOS ? »: asked familiarly
            + "|\\b(?:tu peux|peux-tu|tu pourrais|pourrais-tu) (?:nous |me |lui |leur )?(?:inscrire|ouvrir|creer|activer|"
            + "ajouter|desactiver|supprimer|fermer|transferer)\\b"
            // « est-il possible d'ajouter la commune de Pertain à la convention ? »
            + "|\\bpossible d'ajouter (?:la|notre) commune\\b"
            // « inscription pr la formation actes svp », « Signature de la charte svp », « lancer l'adhésion svp »: the
            // request named as a noun and asked for; « la commune voudrait adhérer »: the wish stated
            + "|\\b(?:inscription|souscription|adhesion|signature de la charte)\\b[^.?!]{0,40}\\b(?:svp|stp|s'il vous plait)\\b"
            + "|\\blancer (?:l'|notre |la )?(?:adhesion|inscription|souscription)\\b"
            + "|\\b(?:voudrait|souhaite|souhaiterait|voudrions|souhaitons|souhaiterions) (?:adherer|souscrire)\\b(?! \\?| a (?:l'association|l'amf|une association))"
            // « on voudrait ajouter la formation marchés à notre offre », « je souhaite résilier l'accès au partage »,
            // « la commune souhaite bénéficier de Mairie connectée », « je veux m'inscrire à la formation »
            + "|\\b(?:je|on|nous|commune|maire) (?:voudrait|voudrais|voudrions|souhaite|souhaitons|souhaiterait|souhaiterais|"
            + "souhaiterions|veux|voulons|veut) (?:m'|m |nous |l'|les |la |le )?(?:ajouter|rajouter|activer|resilier|fermer|supprimer|"
            + "inscrire|beneficier de|souscrire)\\b(?! \\?)(?=.{0,60}\\b(?:comptes?|acces|services?|actes|marches|partage|"
            + "formations?|plateformes?|offre|mairie connectee|identifiants?|charte)\\b)"
            // « m'a chargé de demander l'ouverture d'un compte Actes », not « la procédure pour demander l'ouverture »
            + "|(?<!pour )(?<!comment )\\bdemander (?:l'|la |une )?(?:ouverture|creation|adhesion|activation|fermeture|"
            + "cloture|suppression) d(?:'|e |u |es )(?:un |une )?(?:compte|acces|service|actes)\\b"
            // « … et prendre note de notre demande ? »
            + "|\\b(?:prendre note|prenez note|enregistrer|enregistrez) (?:de )?(?:notre|ma|cette|la) demande\\b"
            // « merci d'ouvrir un compte au nom de M. X »: the same ask, elided
            + "|\\bmerci d'(?:inscrire|ouvrir|ajouter|activer|attribuer|etablir)\\b"
            // « ouvrez le compte », not « à quelle heure vous ouvrez le matin » nor « vous fermez le midi ? »
            + "|(?<!\\bvous )(?<!\\bvs )\\b(?:inscrivez|ouvrez|creez|transferez|ajoutez|activez|desactivez|supprimez|fermez|"
            + "cloturez|attribuez|reservez)(?:[- ](?:nous|moi|lui|leur)\\b|\\s+(?:son|sa|ses|mon|ma|mes|notre|nos|le|la|les|l'|un|"
            + "une|en)\\b)"
            // « inscrivez Arnaud à la prochaine formation »: the imperative before a name; not « vous inscrivez … »
            // (said of the commune) nor « ouvrez vous … ? » (asking our hours)
            + "|(?<!\\bvous )(?<!\\bvs )\\b(?:inscrivez|creez|ajoutez|activez|desactivez|supprimez|cloturez)\\s+"
            + "(?:(?!(?:vous|vs|pas|quand|comment|ou)\\b)\\p{L}{3,}|m\\.|mme\\b|mlle\\b)"
            // « j'ai besoin d'un compte », « on voudrait un accès », « qu'on ait un accès », « que soit créé un accès »;
            // typed in haste (« je voudré un acé », « g besoin d1 acces »); asked as a question (« c possible d'avoir
            // un 2e compte ? », « on peut avoir un accès ? »): having one is still asked of us
            + "|\\b(?:besoin d(?:'|1 |e )|(?:voudrai[st]?|voudre|voudrions|voudraient|souhaite(?:rai[st]?|rions)?|aimerai[st]?|"
            + "aimerions|veu[tx]?|voulons)\\s+|(?:qu'(?:on|il|elle)|que \\p{L}+) ait\\s+|que j'aie\\s+|que nous ayons\\s+|pour l'ouverture d'|c'est pour (?:creer|ouvrir)\\s+|"
            + "possible d'(?:avoir|obtenir)\\s+|(?:on|je|nous) (?:peut|peux|pouvons|pourrait|pourrais|pourrions) (?:avoir|obtenir)\\s+|"
            + "(?:peut-on|puis-je|pouvons-nous|pourrait-on|pourrions-nous) (?:avoir|obtenir)\\s+)"
            + "(?:(?:un|une|des|les|mon|ma|mes|son|sa|ses|nos|notre|leur|leurs|d'un|d'une|l'|2e|deuxieme|second|nouvel|"
            + "nouveau|nouveaux|autre)\\s*)*(?:acces|acce|ace|compte|demonstration|demo|presentation)s?\\b" + NOT_A_USER_ACCOUNT
            // « je voudrais qu'on me crée des accès », « que mes accès remplacent ceux de mon prédécesseur »: the
            // commune wants something done to its accounts, told as a wish
            + "|\\bqu'on (?:me |m'|nous |lui |leur )(?:cree|ouvre|donne|attribue|inscrive|ajoute|transfere)\\b"
            // « nous voulons ouvrir un compte sur votre plateforme », « pouvez-vous nous envoyer de quoi adhérer ? »
            + "|" + WANTS + "(?:ouvrir|creer|avoir)\\s+(?:(?:un|une|des|mon|ma|notre|nos|son|sa|nouvel|nouveau)\\s+)*(?:acces|compte)s?\\b"
            + NOT_A_USER_ACCOUNT
            + "|\\b(?:envoyer|transmettre|adresser)\\s+(?:(?:nous|me|m')\\s*)?(?:de quoi adherer|(?:la |le |les )?(?:conventions?|chartes?|"
            + "dossier d'adhesion|documents? (?:pour|d')\\s*adh\\w+))\\b"
            // « envoi convention adhésion à signer svp », « envoi de la charte svp »: the same ask, as a noun (not
            // « l'envoi de la convention est-il possible par mail ? », which asks how)
            + "|\\b" + SEND_MEMBERSHIP_PAPERS + "(?![^.!?]*\\?)"
            + "|" + WANTS + "que (?:mes|nos|ses|son|mon|leurs?|les) (?:acces|comptes?|droits)\\b"
            // asked as a question: « est-ce qu'on peut avoir la charte à signer ? », « je pourrais m'inscrire à une
            // formation ? »: what is asked for is still to be sent or done
            + "|\\b(?:avoir|obtenir|recevoir)\\s+(?:la |le |les )?(?:charte|convention|documents?|papiers?)\\b[^?.]{0,40}"
            + "\\b(?:a|pour) signer\\b"
            // « on veut tout le pack Mairie connectée »: the offer itself, told as a wish
            + "|" + WANTS + "(?:prendre )?(?:tout )?le pack\\b"
            + "|(?<!\\bquand )(?<!\\bcomment )\\b(?:je (?:peux|pourrais) m'|(?:nous|on) (?:pouvons|pourrions|pourrait|peut) "
            + "nous )inscrire\\b"
            + "|\\bque soi(?:en)?t (?:cree|ouvert|ferme|supprime|transfere|active|desactive)e?s?\\b"
            // « on veut adhérer », « nous souhaitons souscrire », « le maire veut qu'on arrête le service »
            + "|\\b(?:on|nous|je|la commune|le conseil|le maire) (?:veut|veux|voulons|voudrait|voudrais|voudrions|souhaite|"
            + "souhaitons|souhaiterait|souhaiterais|souhaiterions|aimerait|aimerais|aimerions) (?:bien )?(?:adherer|rejoindre|souscri\\w*|nous inscrire|m'inscrire|"
            // « je voudrais inscrire madame la maire », not « inscrire cette délibération à l'ordre du jour »
            + "inscrire(?![^.?!]{0,50}\\b(?:ordre du jour|budget|registre))|s'inscrire|s'abonner|nous abonner)\\b|\\b(?:veut|voudrait|souhaite|souhaiterait) qu'on (?:arrete|resilie|"
            + "quitte|supprime)\\b"
            // « sept de nos communes souhaitent adhérer ensemble », « fais le nécessaire pour qu'on adhère »
            // (a named one: « quand une commune veut rejoindre le dispositif » is any commune)
            // (a single commune's wish said as a sentence of context before its question is left to the classifier)
            + "|(?<!\\bune )(?<!\\bun )\\b(?:communes|mairies|elus|ils|elles|syndicat|sivom|sivu|sivos|sisco|cc|"
            + "communaute de communes) "
            + "(?:\\S+ ){0,8}?(?:veut|veulent|voudrait|voudraient|souhaite|souhaitent|souhaiterait|souhaiteraient|aimerait|"
            + "aimeraient) (?:bien |aussi |egalement )?(?:adherer|rejoindre|souscrire)\\b|\\b(?:pour|veut|voudrait|souhaite|aimerait) qu'on adhere\\b"
            // the commune wants a service or the offer itself (« le maire veut maintenant aussi l'outil pour envoyer
            // les gros fichiers », « on voudrait utiliser votre service », « on aimerait avoir la même chose », « la CC
            // voudrait signer une convention », « pour qu'on soit dans le dispositif »), however it goes on to ask how
            + "|" + WANTS + "(?:(?:avoir|beneficier de|profiter de)\\s+)?(?:l'outil|le service|la plateforme|l'offre|"
            + "la meme chose|signer (?:une |la )?(?:convention|charte))\\b"
            // « utiliser la plateforme » may be a how-to of a member; « utiliser votre service » is not yet having it
            + "|" + WANTS + "(?:(?:avoir|utiliser|beneficier de|profiter de)\\s+)?(?:vos (?:outils|services)|votre "
            + "(?:outil|service|offre|plateforme))\\b"
            + "|\\bqu'on ait la meme chose\\b|\\b(?:ca|cela) nous interesserait\\b(?! de (?:savoir|connaitre))"
            // the council has decided to join (« le conseil a dit oui pr mairie connectée », « a voté l'adhésion »)
            + "|\\b(?:le conseil|le conseil municipal|les elus) a (?:dit oui|vote|delibere|accepte|approuve|valide)\\b"
            + "[^.?!]{0,30}\\b(?:mairie connectee|l'adhesion|adherer|la charte|la convention|l'offre)\\b"
            // « le comité syndical du SIVOM a autorisé le président à signer la charte »
            + "|\\b(?:le conseil|le comite syndical|le comite|le bureau|le conseil communautaire)(?: \\S+){0,3} a autorise\\b"
            + "[^.?!]{0,40}\\b(?:signer|adherer|mairie connectee|la charte|la convention|l'adhesion)\\b"
            + "|\\bpour (?:qu'on soit|que nous soyons|etre|entrer) (?:dans|de) (?:le dispositif|mairie connectee|l'offre)\\b"
            + "|\\bvous contacter pour (?:engager|lancer|entamer) (?:la|les|notre) (?:demarche|adhesion)s?\\b"
            // an account to close or to open told as a fact to act on (« le compte de l'ancien maire est à fermer »),
            // a seat asked for (« c'est pr inscrire ma collègue »)
            + "|\\b(?:compte|acces)s?\\b[^.?!]{0,40}\\b(?:est|sont) a (?:fermer|supprimer|desactiver|creer|ouvrir|transferer)\\b"
            + "|\\b(?:c'est|cest|c) (?:pour|pr) (?:inscrire?|m'inscrire?|nous inscrire?)\\b"
            // « pr la formation de la semaine pro on pe venir à 2 ? »: seats at a training session
            + "|\\bformations?\\b[^.?!]{0,60}\\b(?:on|nous) (?:peut|pe|peu|pouvons|pourrait|pourrions) (?:venir|participer) a "
            + "(?:\\d+|deux|trois|plusieurs)\\b"
            // in SMS, an infinitive opens the message: « inscrire 3 pers formation actes », « créer accès actes pour … »
            + "|^(?:bjr |bonjour |salut )?(?:inscrire|creer|ouvrir|fermer|supprimer|desactiver|transferer)\\b)");

    /** Asks in words, with or without a question mark, SMS spellings included: « vendredi fermé a kel heure ». */
    private static final Pattern QUESTION_WORD = Pattern.compile("\\b(?:quel|quelle|quels|quelles|kel|kelle|kels|kelles"
            + "|quand|combien|cb|comment|pourquoi|est-ce que|est ce que)\\b");
    private static final Pattern URGENCY = atWordStartOr("!!", "(?:\\burgen\\w*|\\bau plus vite\\b|\\bau plus tot\\b|\\basap\\b|"
            + "\\bbloquant\\w*|\\bdate limite\\b|\\bdemain\\b|\\bce soir\\b|\\baujourd'hui\\b|\\bce matin\\b|\\bimmediatement\\b|"
            + "\\bd'urgence\\b|\\baidez[- ]?(?:moi|nous)\\b|\\bsos\\b|\\bau secours\\b)");

    /** The key of a find: the same pattern over the same text finds the same phrase. */
    private record Find(Pattern pattern, String text) {
    }

    /**
     * The phrases found in the last few texts: these patterns of many alternatives cost a sixth of a long message's
     * decision, and it asks the same pattern of the same text several times.
     */
    private static final RecentResults<Find, Optional<String>> RECENT_FINDS = new RecentResults<>(64);

    private Signals() {
    }

    /**
     * A pattern whose every alternative starts a word, tried only where a word starts: without this, each of its many
     * alternatives is tried at every character of a long mail (a fifth of a decision's time).
     */
    private static Pattern atWordStart(String regex) {
        return Pattern.compile(WORD_START + "(?:" + regex + ")");
    }

    /**
     * The same for a pattern whose every alternative would start with {@code \\b}: the word boundary is checked once
     * where a word starts, not once per alternative (ninety of them for incidents), which is what costs.
     */
    private static Pattern atWordBoundary(String regex) {
        return Pattern.compile(WORD_START + "\\b(?:" + regex + ")");
    }

    /** The same, with a literal that starts no word (« !! ») tried everywhere. */
    private static Pattern atWordStartOr(String literal, String regex) {
        return Pattern.compile(Pattern.quote(literal) + "|" + WORD_START + "(?:" + regex + ")");
    }

    /**
     * A training or an account asked for that another body provides (« inscrire notre cantonnier à une formation
     * CACES », « une formation CNFPT sur la paie », « ouvrir un compte pour la régie », « un compte Facebook pour la
     * mairie »): nothing for us to record.
     */
    private static final Pattern NOT_OUR_REQUEST = atWordStart("(?:formations?|stages?|sessions?|inscrire|inscription)\\b"
            + ".{0,60}\\b(?:cnfpt|caces|premiers secours|secourisme|sst|bafa|bafd|habilitation electrique|concours|"
            + "etat civil|recensement|assesseurs|paie)\\b|(?:cnfpt|caces|secourisme|bafa)\\b.{0,60}\\b(?:formations?|"
            + "stages?|sessions?|inscrire|inscription)\\b|comptes? (?:de depot|bancaire|au tresor|facebook|pour (?:la |une )?"
            + "regie|pour payer)\\b|comptes?\\b.{0,30}\\b(?:regie|cantine en ligne|facebook|repertoire electoral|comedec)\\b");

    /**
     * Asks how to reach us by phone, fax or post (« quel est votre numéro de téléphone svp », « à quelle adresse postale
     * vous adresser un courrier ? », « vous avez encore un fax ? »), or when one may call us (« je peux vous appeler à
     * 13h ? »), not by e-mail, which is not known here.
     */
    private static final Pattern ASKS_OUR_CONTACT = atWordStart("(?:votre|vos) (?:numero de (?:telephone|tel)|numero|"
            + "telephone|tel|standard|coordonnees|adresse postale|adresse exacte)\\b(?! (?:(?:de |d')?(?:mail|e-mail|courriel|siret|siren)|"
            + "de (?:dossier|compte|ticket)))|(?:a quelle|quelle est votre|quelle) adresse postale\\b"
            + "|(?<!avant de )(?:vous|vs) (?:joindre|appeler|telephoner)\\b|joindre "
            + "(?:somme numerique|le syndicat|vos services)\\b|(?:vous|vs) (?:avez|auriez) (?:encore |toujours )?un fax\\b");

    public static boolean asksOurContact(String text) {
        return find(ASKS_OUR_CONTACT, text).isPresent();
    }

    public static Optional<String> notOurRequest(String text) {
        return find(NOT_OUR_REQUEST, text);
    }

    public static Optional<String> incident(String text) {
        return find(INCIDENT, text);
    }

    /** The closed day named when an acknowledgement is awaited after a weekend or evening sending, if so. */
    public static Optional<String> acknowledgementAfterClosedDay(String text) {
        if (!ACKNOWLEDGEMENT.matcher(text).find() || !ASKS_IF_NORMAL.matcher(text).find()
                || SOMETHING_ELSE_WRONG.matcher(text).find()) {
            return Optional.empty();
        }
        return find(CLOSED_DAY, text);
    }

    public static Optional<String> stateOfFile(String text) {
        return find(STATE_OF_FILE, text);
    }

    public static Optional<String> leaving(String text) {
        return find(LEAVING, text);
    }

    public static boolean eligibilityQuestion(String text) {
        return ELIGIBILITY.matcher(text).find() && !ASKS_FOR_SOMETHING.matcher(text).find();
    }

    /** The message only names a commune or its town hall (« Commune de Saint-Valery-sur-Somme »): it asks nothing. */
    public static boolean onlyNamesAPlace(String text) {
        return PLACE_ONLY.matcher(text.strip()).matches();
    }

    /**
     * « c'est normal ? », « c grave ? », « que se passe-t-il ? »: whether something that happened is as it should be,
     * or what is going on.
     */
    public static boolean asksWhatWentWrong(String text) {
        return ASKS_WHAT_WENT_WRONG.matcher(text).find();
    }

    /** « Chorus Pro et PES V2 c'est la même chose ? », « quelle différence entre … ? »: two things compared. */
    public static boolean compares(String text) {
        return COMPARES.matcher(text).find();
    }

    /** « Sur Actes, quelle nature… », « pour la charte, c'est sur demande ? »: the offer is named. */
    public static boolean namesTheOffer(String text) {
        return NAMES_THE_OFFER.matcher(text).find();
    }

    public static boolean asksInWords(String text) {
        return QUESTION_WORD.matcher(text).find();
    }

    /** Words that ask for something to be done (« inscrivez », « nous souhaitons », « pouvez-vous »…). */
    public static boolean asksForSomething(String text) {
        return ASKS_FOR_SOMETHING.matcher(text).find();
    }

    /** The commune asks for an action on an account, a membership or a training seat: the phrase found. */
    public static Optional<String> asksToAct(String text) {
        return find(ASKS_TO_ACT, text);
    }

    /** Where the ask to act ends in the text, if it asks to act. */
    public static Optional<Integer> askToActEnd(String text) {
        Matcher matcher = ASKS_TO_ACT.matcher(text);
        return matcher.find() ? Optional.of(matcher.end()) : Optional.empty();
    }

    public static Optional<String> urgency(String text) {
        return find(URGENCY, text);
    }

    static List<Pattern> all() {
        return List.of(INCIDENT, STATE_OF_FILE, LEAVING, URGENCY);
    }

    private static Optional<String> find(Pattern pattern, String text) {
        return RECENT_FINDS.get(new Find(pattern, text), () -> findNow(pattern, text));
    }

    private static Optional<String> findNow(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group().strip()) : Optional.empty();
    }
}
