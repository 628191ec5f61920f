package fr.sommenumerique.helpdesk.assistant.rules;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What kind of content a question asks for, and whether a passage has it: a price needs an amount, « quand » a
 * date or a time, « qui » a person or a role, « où » a place, a phone number a number. A passage without it does
 * not answer the question, however many words it shares with it.
 */
public enum QuestionType {
    // « Quelqu'un répond chez vous le samedi ? »: when the support itself can be reached, not when a platform or the
    // préfecture works; only an article giving our opening days answers it.
    OPENING("nos jours et heures d'ouverture",
            "\\b(?:chez vous|vous (?:etes|serez) (?:encore |toujours |bien )?(?:ouverts?|la|joignables?)|vous (?:ouvrez|fermez|repondez)|"
                    + Reach.SOMEONE + "|vous joindre|vous appeler|vous appelle|vous telephone|vous avoir|vous voir|"
                    + "vous rendre visite|vous trouver|il y (?:aura|a) (?:encore |toujours )?quelqu'un|"
                    + "vos horaires|votre permanence)\\b"
                    + ".{0,60}\\b(?:samedi|dimanche|week-?end|feries?|lundi|mardi|mercredi|jeudi|vendredi|matin|soir|midi|"
                    + "apres-?midi|aprem|heures?|plus tard|apres|tard|tot|\\d{1,2} ?h(?:\\d\\d)?)\\b"
                    // « si j'ai un blocage le samedi, quelqu'un peut m'aider chez vous ? »: the closed day said first
                    + "|\\b(?:samedi|dimanche|week-?end|feries?)\\b.{0,60}\\b" + Reach.SOMEONE + "\\b"
                    // « je finis vers 17h45, je pourrai encore vous joindre ? »: the hour said first
                    + "|\\b\\d{1,2} ?h(?:\\d\\d)?\\b.{0,60}\\b(?:vous joindre|vous appeler|vous avoir|" + Reach.SOMEONE + ")\\b"
                    // « vous êtes ouverts quand ? », « quand êtes-vous joignables ? »: when, asked of us being open
                    + "|\\bvous (?:etes|serez) (?:ouverts?|joignables?)(?: \\S+){0,2} quand\\b|\\bvous (?:ouvrez|fermez) quand\\b"
                    + "|\\bquand (?:etes-vous|est-ce que vous etes|vous etes) (?:ouverts?|joignables?)\\b",
            "\\blundi au vendredi\\b|\\bouverts?\\b|\\bfermes?\\b"),
    PHONE("un numéro de téléphone",
            "\\b(?:numero de (?:telephone|tel|standard|fax)|votre numero|vos numeros|telephone de|numero du standard|"
                    + "votre (?:telephone|standard|tel)|vos coordonnees telephoniques)\\b",
            "\\b0\\d(?:[ .]?\\d{2}){4}\\b"),
    DURATION("une durée ou un délai",
            "\\b(?:(?:combien|cb|combein) de (?:temps|tps)|quel delai|quels delais|dans quel delai|en combien de temps|pendant combien|"
                    + "au bout de combien|delai de|duree)\\b",
            "\\b(?:\\d+|un|une|deux|trois|quinze)\\s*(?:h\\b|heures?|jours?|semaines?|mois|ans?|annees?)|"
                    + "\\bimmediat\\w*|\\binstantane\\w*|\\b24h|\\bjours? ouvres?|\\bjour ouvre"),
    // « … en visio ou en vrai ? et à quelle heure ? »: an hour, not any date (a year would pass for a « quand »).
    HOUR("une heure",
            "\\b(?:a|vers|jusqu'a|des|a partir de) (?:quelle|kel|kelle) heure\\b",
            "\\b\\d{1,2} ?h(?:\\d\\d)?\\b|\\b\\d{1,2} heures?\\b|\\bmidi\\b|\\bminuit\\b|\\b24 ?h|\\ba tout moment\\b|"
                    + "\\bjour et nuit\\b|\\bsoir\\b|\\bnuit\\b|\\bmatin\\b"),
    WHEN("une date ou un moment",
            // (« quand la subvention sera finie, combien … ? » opens a clause, it asks no date; so does « combien on
            // paiera quand la subvention sera finie ? » after the question word)
            "\\b(?:(?<!\\b(?:combien|combein|cb)\\b[^?.!]{0,60})quand(?! meme)(?![^,?]{1,40}, )|a quelle date|depuis quand|jusqu'a quand|a partir de quand|quel jour|quelle date|"
                    + "a quelle heure|en quelle annee)\\b",
            "\\b(?:19|20)\\d\\d\\b|\\b(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|"
                    + "decembre|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|rentree)\\b|\\b\\d{1,2} ?h\\b|"
                    + "\\b\\d{1,2}h\\d\\d|\\b(?:\\d+|un|une|deux|quinze)\\s*(?:heures?|jours?|semaines?|mois|ans?)\\b|"
                    + "\\bjours? ouvres?|\\bimmediat\\w*|\\ba tout moment|\\b24h|\\bdes (?:que|la|le|sa|son)\\b|"
                    + "\\bavant\\b|\\bapres\\b|\\bquand\\b|\\bdepuis\\b"),
    // « … d'où provient le financement qui réduit le coût de votre offre, et quelle part est prise en charge ? »: a
    // share of a cost is asked, which a percentage gives, not a price.
    SHARE("une part ou un pourcentage",
            // « l'Europe prend combien en charge ? »: the share the subsidy covers.
            "\\b(?:quelle part|quel pourcentage|quelle proportion|a hauteur de combien|combien de pour ?cent"
                    + "|(?:prend|prennent|finance|financent) combien|combien (?:\\S+ )?en charge)\\b",
            "\\d+ ?%|\\bpour ?cent\\b|\\bmoitie\\b|\\btiers\\b|\\bquart\\b"),
    PRICE("un prix",
            // « combein on paye », « cb ca coute »: hurried spellings of « combien ».
            "\\b(?:(?:combien|combein|combiens|cb) (?:ca |cela |ce |ça )?(?:vaut|valent|fait payer|"
                    + "faut payer|on paie|on paye|doit-on payer|on doit payer)|"
                    // « cb ca coute », « combien ça nous coûterait de la rompre ? »: a cost up to a few words after it.
                    + "(?:combien|combein|combiens|cb)(?: \\S+){0,3} cout(?:e|ent|er\\w*)\\b|"
                    // « la formation elle coûte combien ? »: the cost before « combien » (not « combien de temps »,
                    // « combien en % »).
                    + "cout(?:e|ent|er\\w*)(?: \\S+){0,2} (?:combien|combein|combiens|cb)\\b"
                    + "(?! (?:de|d')\\b| en (?:%|pour))|"
                    + "(?:c'est|cest|c est|c'?|ca fait) (?:combien|cb)\\b(?! (?:de|d'?)\\b)|payant\\w*|gratuit\\w*|devis|cotisation|"
                    // « après les 2 ans de subvention, combien on paiera par an ? », « quel montant restera à la charge
                    // de la commune ? »: what the commune will pay, in other words.
                    + "(?:combien|combein|cb)(?: \\S+){0,3} (?:pai|pay)(?:e|era|erons|erait|erions|erez|er)\\b|"
                    + "(?:montant|somme|reste|restera|restant)(?:-t-il)?(?: \\S+){0,4} a (?:la |notre )?charge\\b|"
                    // « il nous reste 20 % de combien exactement ? »
                    + "(?:reste|restera|restant)(?: \\S+){0,3} (?:de )?(?:combien|cb)\\b|reste a payer|"
                    // « après la subvention, on paiera combien ? » (what the commune pays, not « l'Europe paie combien % »)
                    + "\\b(?:on|nous|la commune|je) (?:pai|pay)(?:e|era|erons|erait|erez|ons)(?: \\S+){0,2} (?:combien|cb)\\b|"
                    + "montant de (?:la |l')?(?:participation|adhesion|abonnement|cotisation)|"
                    // « quelle sera la participation financière de la commune une fois la subvention terminée ? »
                    + "(?:quelle|quel) (?:sera|serait|est) (?:la |le )?(?:participation|reste a charge)(?: financiere)? "
                    + "(?:de la commune|des communes|communale)|"
                    // « les 80 % ça représente combien en euros ? », « le montant exact de la subvention »: a sum of
                    // money, which a percentage does not give.
                    + "(?:combien|cb|montant)\\b.{0,60}\\ben euros|en euros\\b.{0,60}\\b(?:combien|cb|montant)|montant exact|"
                    // « vous facturez la formation combien ? »
                    + "factur(?:e|ez|ent|era|erez)(?: \\S+){0,3} (?:combien|cb)\\b|(?:combien|cb) (?:vous |nous )?factur\\w*|"
                    // « combien doit-on pour cette année ? »: what the commune owes
                    + "(?:combien|cb) (?:doit-on|on doit|devons-nous|nous devons)(?! \\p{L}+(?:er|ir|re)\\b)|"
                    // « le SIVU doit-il payer la même participation ? », « faut-il payer pour la formation ? »: whether
                    // (and what) one pays.
                    + "(?:faut-il|faut il|doit-on|doit-il|doit-elle|doivent-ils|devons-nous|dois-je|devra-t-on) payer|"
                    // « y a-t-il des frais d'installation ? », « au-delà c'est facturé ? », « combien d'euros par an ? »
                    + "frais (?:d'installation|de mise en service|de dossier|d'ouverture|supplementaires|caches)|"
                    + "(?:y a-t-il|y a t il|il y a|ya) des frais|combien d'euros|(?:c'est|est|sera|serait) factur\\w*|"
                    + "participation (?:financiere|annuelle))\\b"
                    // « les prix ont été votés en même temps que la charte ? », « notre délibération sur les tarifs de
                    // la salle des fêtes … le délai ? », « les tarifs ont été arrêtés avant ou après la charte ? »: a
                    // decision about prices is asked, not a price.
                    + "|^(?!.*\\b(?:delib\\w*|vote[es]*|votaient|votent|arrete[es]*|adopte[es]*)\\b).*\\b(?:prix|tarifs?|tarification|couts?|"
                    + "grille tarifaire)\\b",
            "\\d[\\d  .]*(?:€|euros?)|\\bgratuit\\w*|\\bpayant\\w*"),
    WHO("une personne, un rôle ou un organisme",
            "(?:^|[?.!,;:] )qui\\b|\\b(?:a qui|aupres de qui|par qui|c'est qui|quel organisme|quelle instance|"
                    + "qui (?:signe|doit|peut|fixe|decide|instruit|paie|paye|organise|gere|s'occupe|est competent|"
                    + "est responsable|preside|valide|a valide|a signe|a approuve|finance|entretient|tranche|contacter))\\b",
            "\\b(?:maire|prefet|prefecture|president|comite|conseil|agent|agents|secretaire|commune|communes|syndicat|"
                    + "cnil|insee|departement|region|dpo|delegue|epci|entreprise|fournisseur|acheteur|tribunal|"
                    + "archives|etat|ministere|somme numerique|m\\.|mme|monsieur|madame)\\b"),
    WHERE("un lieu ou une adresse",
            "\\b(?:a quelle adresse|sur quel site|quel site|ou (?:se trouve\\w*|trouver|publier|publie\\w*|envoyer|"
                    + "envoie\\w*|deposer|adresser|s'adresser|mettre|met|on met|on publie|on envoie|doit-on|doivent|"
                    + "faut-il|ca))\\b|\\bou ?\\?",
            "\\b(?:adresse|avenue|rue|site|sites|data\\.gouv\\.fr|data\\.gouv|\\w+\\.fr|amiens|prefecture|mairie|en ligne|"
                    + "plateforme|boamp|jal|journal|portail|chorus pro|internet|bureaux|profil d'acheteur|archives)\\b");

    /** Words two patterns share (in a nested class: the constants may not read the enum's own static fields). */
    private static final class Reach {
        /** « quelqu'un répond », « quelqu'un peut m'aider »: someone of ours to be reached. */
        static final String SOMEONE = "quelqu'un (?:repond|decroche|peut m'aider|pourra m'aider|peut nous aider|pourra nous aider)";
    }

    private final String label;
    private final Pattern asked;
    private final Pattern content;

    QuestionType(String label, String asked, String content) {
        this.label = label;
        this.asked = Pattern.compile(asked);
        this.content = Pattern.compile(content);
    }

    /** French, for the decision's reason: « un prix », « une date ou un moment »… */
    public String label() {
        return label;
    }

    /** The first type, in this order, that the normalized question asks for; empty for other questions. */
    public static Optional<QuestionType> of(String normalizedQuestion) {
        return Recent.TYPES.get(normalizedQuestion, () -> ofNow(normalizedQuestion));
    }

    private static Optional<QuestionType> ofNow(String normalizedQuestion) {
        for (QuestionType type : values()) {
            if (type.asked.matcher(normalizedQuestion).find()) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /**
     * The types found in the last few texts: deciding on a part asks its type several times (to choose the article,
     * its passage, the reason), each time trying every type's pattern over the whole text. (In a nested class: the
     * constants may not read the enum's own static fields.)
     */
    private static final class Recent {
        static final RecentResults<String, Optional<QuestionType>> TYPES = new RecentResults<>(32);
    }

    /** Whether the normalized passage has the content this type of question needs. */
    public boolean answeredBy(String normalizedPassage) {
        return content.matcher(normalizedPassage).find();
    }
}
