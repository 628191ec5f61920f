package fr.sommenumerique.helpdesk.assistant.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a cleaned message into its parts: each question or request, with the sentences of context before it
 * (« Nous sommes 450 habitants. Sommes-nous obligés… ? »). Enumerations (« (1) … (2) … », « d'une part … d'autre
 * part ») and « et est-ce que » start a new part; a part too short to stand alone (« c'est possible ? ») stays with
 * the one before it.
 */
public final class MessageParts {

    private static final Pattern SENTENCE = Pattern.compile("[^.!?]+[.!?]*");
    /** Compiled once; two or more, as a single space is left as it is. */
    private static final Pattern REPEATED_SPACES = Pattern.compile(" {2,}");
    /** « (90 hab.) », « M. Petit », « env. 300 »: a dot that shortens a word, not one that ends a sentence. */
    private static final Pattern ABBREVIATION_DOT = Pattern.compile("\\b(hab|env|cf|ex|m|mme|mlle|mr|st|ste|tel|n)\\.(?=\\s|\\))"
            + "|(?<=\\p{L})\\.(?=\\))");
    /** Where a second question starts inside one sentence. */
    private static final Pattern BREAK = Pattern.compile(
            "\\s*(?:\\(\\d\\)|\\b\\d\\)|(?<=[,;:]) ?(?:et |puis )?(?:d'autre part|deuxiemement|ensuite|par ailleurs|autre question)"
                    + "|,? et (?:est-ce que|est ce que|est-ce qu|est ce qu|aussi,?|sinon,?|d'autre part|au passage ?:?)"
                    + "|\\bd'une part\\b|\\bd'autre part\\b|(?:premiere|deuxieme|seconde|1ere|2e|2eme) question ?:?)");
    /** « le maire me demande sous combien de temps … »: the question word may come after a preposition. */
    private static final String ASKED_AFTER_PREPOSITION = "(?:(?:sous|dans|en|a partir de|pendant|a|de|par"
            + "|pour|avec|aupres de) )?";
    /** A sentence that asks without a question mark: « Il voudrait aussi savoir quand … », « Il demande aussi qui … ». */
    private static final Pattern ASKS = Pattern.compile("^(?:il|elle|on|je|nous|le maire) (?:voudrait|voudrais|"
            + "voudrions|aimerait|aimerais|souhaite|souhaiterait|souhaiterais) (?:aussi |egalement )?"
            + "(?:savoir|connaitre)\\b|^(?:il|elle|le maire|le conseil) (?:me |nous )?demande (?:aussi |egalement )?"
            + "(?:si|qui|quand|combien|jusqu'a|ou|comment|pourquoi|quel\\w*|a quel\\w*)\\b"
            // « M. Leroy a demandé s'il fallait encore … », « Mme Moreau demande dans quel délai … »: a question a
            // councillor asked, passed on.
            + "|(?:^|[,:] )(?:m|mme|monsieur|madame|un conseiller|une conseillere|un adjoint|une adjointe|le \\p{L}+ adjoint) "
            + "(?:\\p{L}+ )?(?:a |m'a |nous a )?demande (?:aussi |egalement )?" + ASKED_AFTER_PREPOSITION
            + "(?:si (?!possible)|s'il |s'ils |qui |quand |combien |comment |pourquoi |quel\\w* |ce qu)");
    /** « trois questions rapides », « 2 petites questions », « deux choses »: how many questions follow (group 1). */
    private static final String QUESTIONS_BY_NUMBER = "(\\d|deux|trois|quatre) (?:petites |courtes )?"
            + "(?:questions|choses|points|sujets|demandes)(?: rapides| courtes| simples)?"
            // « trois questions du maire : », « deux questions contrôle de légalité : »: who asks, or about what
            + "(?: (?!(?:svp|stp|merci|s'il vous plait)\\b)(?:du|de|d'|pour|sur|sur le|sur la|concernant)? ?[^:?.!,]{1,30}?)?";
    /**
     * « 3 questions : a, b, et c ? », « bonjour, deux choses : a, et b ? », « une question sur les horaires et une sur l'offre : a, et b ? »: an announced
     * list whose items are separated by commas only.
     */
    private static final Pattern ANNOUNCED_LIST = Pattern.compile("^(?:(?:bonjour|bjr|bonsoir|salut),? )?(?:"
            + QUESTIONS_BY_NUMBER
            + "|une (?:petite )?question (?:sur|pour) [^:?]{1,40} et une (?:autre )?(?:sur|pour) [^:?]{1,40}) ?: ?");
    /** « trois petites questions : », « double question : », « 2 questions : », « deux choses : »: questions announced by number. */
    private static final Pattern ANNOUNCES_QUESTIONS = Pattern.compile("\\b" + QUESTIONS_BY_NUMBER
            + " ?:|\\bdouble question ?:");
    /** « combien de temps …, et la liste on l'affiche dans quel délai ? »: a comma and « et » between two questions. */
    private static final Pattern COMMA_AND = Pattern.compile(", et (?=\\p{L})");
    /**
     * « c koi le taux de subvention et c'est voté quand la charte ? », « que comprend l'offre et quelle part est
     * financée ? »: « et » without a comma, followed by a question word, between two questions.
     */
    private static final Pattern AND_ASKS = Pattern.compile(" et (?=(?:quel|quelle|quels|quelles|combien|quand|comment|"
            + "qui|pourquoi|c'est|a quel\\w*|a qui|ou) )");
    /** « Que comprend l'offre … »: a question opening on « que », which QUESTION_WORD leaves out (« que faire »). */
    private static final Pattern OPENS_ON_WHAT = Pattern.compile("^\\s*(?:que|qu')");
    /**
     * « pouvez-vous m'expliquer ce qu'est …, ce que contient … et si … ? »: indirect questions listed after a verb of
     * telling.
     */
    private static final Pattern TELL_ME = Pattern.compile("\\b(?:expliquer|dire|indiquer|preciser|savoir|confirmer|"
            + "connaitre|donner|communiquer|rappeler|demande|demandent)\\b");
    /**
     * « Le maire souhaite savoir qui a voté la charte, quel pourcentage est financé et pendant combien de temps. »,
     * « une commune voisine nous demande qui peut adhérer, comment … et si … . »: indirect questions, asked without a
     * question mark.
     */
    private static final Pattern ASKS_INDIRECTLY = Pattern.compile("\\b(?:souhaite\\w*|voudrai\\w*|aimerai\\w*|desire\\w*"
            + "|demande\\w*) (?:de )?(?:savoir|connaitre) (?=" + ASKED_AFTER_PREPOSITION + "(?:qui |quel|comment |combien "
            + "|quand |si |ce qu))|\\b(?:nous|me|vous) demande\\w* (?=" + ASKED_AFTER_PREPOSITION
            + "(?:qui |quel|comment |combien |quand |si ))");
    private static final Pattern INDIRECT_ITEM_BREAK = Pattern.compile("(?:,| et) (?=(?:ce qu'|ce que |ce qui |"
            + "si (?!oui|non)|s'il |qui |quand |comment |combien |pourquoi |quel\\w* |a quel\\w* |depuis quand |jusqu'a quand ))"
            // « me préciser le taux et sa durée, ainsi que les services compris dans l'offre ? »: a thing of its own
            // (not « ainsi que la date de son envoi », which leans on the thing before it)
            + "|,? ainsi que (?=(?:le|la|les|l'|votre|vos|un|une|des) (?!(?:\\S+ ){0,5}(?:son|sa|ses|leur|leurs)\\b))");
    private static final Pattern CLAUSE_JOIN = Pattern.compile(",?\\s+et,?\\s+|\\s\\+\\s|\\s*;\\s*");
    private static final Pattern LIST_ITEM_BREAK = Pattern.compile(",? et (?=\\p{L})|[,;] (?=\\p{L})");
    private static final Pattern NUMBERED = Pattern.compile("\\(?\\b\\d\\)");
    /** A dash that opens an item of a list: at the start or after a space, a word right after it. */
    private static final Pattern DASH_ITEM = Pattern.compile("(?<=^|\\s)-\\s?(?=\\p{L})");
    /** « 1. délai … ? 2. seuil … ? », « 1/ si …, 2/ à quel montant … », « 1- … 2- … »: other ways to number items. */
    private static final Pattern OTHER_NUMBERING = Pattern.compile("(?<=^|[\\s:;,])([1-5])[./-] (?=\\p{L})");
    /** A question word: « on fait comment pour … et est-ce que … ? » asks twice, not once after some context. */
    private static final Pattern QUESTION_WORD = Pattern.compile("\\b(?:comment|quand|quel|quelle|quels|quelles|combien|"
            + "cb|pourquoi|est-ce|est ce|faut-il|faut il|doit-on|peut-on|a quelle heure|koi|quoi|c'est qui|qui est|"
            + "qui sont|qui a|qui doit|qui peut|(?:par|a|pour|aupres de) qui|c'est ou|vous etes ou|etes-vous ou|ou se trouve\\w*|"
            + "y a-t-il|qu'est-ce)\\b");
    /** Possessives and pronouns that point back to the thing a question before named. */
    private static final String POINTING_WORDS = "son|sa|ses|leur|leurs|celui-ci|celle-ci";
    /** « … quand ? et c'est quoi son identifiant » leans on the question before it: it stays with it. */
    private static final Pattern POINTS_BACK = Pattern.compile("\\b(?:" + POINTING_WORDS + ")\\b");
    /** « y » as a word (« combien de membres y adhèrent »): the question points back to its subject. */
    private static final Pattern Y_WORD = Pattern.compile(".*\\by\\b.*");
    /** Punctuation ending a question read from a text, before its mark is put back. */
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[ ,.;:]+$");
    /**
     * « C'est quoi, et qui a créé ce système ? », « …, et il couvre combien d'années ? », « …, et combien ça coûte ? »:
     * within one sentence, demonstratives and subject pronouns point back too (« il faut », « il y a » name nothing).
     */
    private static final Pattern LEANS_BACK = Pattern.compile("\\b(?:" + POINTING_WORDS + "|cet|cette|ces|ca|cela|"
            + "elles?|ils)\\b|\\bce (?!que\\b|qu'|qui\\b)|\\bil (?!faut\\b|y a\\b)");
    /** « …, et quel article du CGCT ? »: fewer words than this go on with the question before. */
    private static final int MIN_OWN_QUESTION_WORDS = 5;
    /** « qui finance l'offre », « quand a lieu la formation »: a question word then a verb, not a determiner. */
    private static final Pattern ASKS_WITH_A_VERB = Pattern.compile("^(?:qui|quand|comment|pourquoi) (?!(?:de|du|des|le|"
            // (not a past tense: « …, et qui était secrétaire de séance ? » is about the sitting named before)
            + "la|les|l'|un|une|en|a|au|aux|etait|etaient|avait|avaient|a ete)\\b)\\p{L}");
    private static final int MIN_OWN_VERB_QUESTION_WORDS = 3;
    /** « … et c'est voté quand la charte ? »: each of two questions joined by « et » alone has this many words. */
    private static final int MIN_AND_QUESTION_WORDS = 4;
    /** « …, et pendant combien de temps ? »: a clause opening on a preposition goes on with the question before. */
    private static final Pattern OPENS_ON_PREPOSITION = Pattern.compile("^(?:pendant|depuis|jusqu|pour|dans|a partir|"
            + "en|sous|avec|sans|par|chez|sur|apres|avant|a|au|aux)\\b");
    /** « … ? et si fuite de données on a cb de temps pour prévenir ? »: a follow-up asked without its question mark. */
    private static final Pattern FOLLOW_UP = Pattern.compile("^(?:et|puis) .*\\b(?:comment|quand|quel|quelle|quels|"
            + "quelles|combien|cb|pourquoi|qui|ou|est-ce|est ce|faut-il|faut il|doit-on|peut-on|koi|quoi)\\b");
    private static final int MIN_TERMS = 3;
    private static final int MIN_FOLLOW_UP_TERMS = 2;
    /** « et on peut … ? », « et le certificat c'est quoi comme type ? », « et l'AR d'Actes il est instantané ? ». */
    private static final Pattern FOLLOW_UP_QUESTION = Pattern.compile("^(?:et|puis) (?:(?:on|je|nous|vous|il|elle|le|la|"
            // « … ? et peut-on envoyer le dimanche ? »: the verb before its subject
            + "les|du|des|un|une|ce|cette|ces) |l'|\\p{L}{2,}-(?:t-)?(?:on|il|elle|je|nous|vous)\\b)");
    /**
     * « vos serveurs sont où ? chez un gros américain ? »: a few words opening on a preposition, with a question mark,
     * have no subject of their own; they go on asking the question before them.
     */
    private static final Pattern ELLIPTIC = Pattern.compile("^(?:chez|pour|avec|sans|sur|dans|par|a|en)(?: \\S+){0,4} ?\\?$");
    /**
     * « Doit-on adhérer à COMEDEC ? C'est obligatoire pour une commune de 500 habitants ? »: « c'est obligatoire » judges
     * the thing the question before named; « c'est possible de télétransmettre le budget ? », « est-ce normal que
     * l'AR … ? » name their own.
     */
    private static final Pattern JUDGES_THE_THING_BEFORE = Pattern.compile("^(?:et )?(?:c'est|ca (?:c'est|est)|cela est|"
            + "est-ce) (?:\\p{L}+ )?(?:obligatoire|possible|payant|gratuit|automatique|necessaire|valable|pareil|oblige|"
            + "urgent|grave|normal)\\b(?! (?:de\\b|d'|que\\b|qu'))");

    /** Where the sentence of a request ends: what follows may ask a question of its own. */
    private static final Pattern AFTER_ASK = Pattern.compile("[.?!;]\\s+|,\\s*et\\s+|\\s+et\\s+(?=(?:me|nous) (?:dire|indiquer|"
            + "preciser)\\b|je (?:voudrais|voudrai|souhaiterais|aimerais) (?:aussi |egalement )?savoir\\b)");
    /** Words that lead into a question beside a request: « et tant que j'y suis : », « au passage, ». */
    private static final Pattern LEAD_IN = Pattern.compile("^(?:(?:et|puis|aussi|tant que j'y suis|au passage|"
            + "par la meme occasion)\\s*[,:]?\\s*)+");
    /** « dites-moi si … », « me dire si … »: a question asked without its question mark. */
    private static final Pattern ASKING_LEAD = Pattern.compile("^(?:(?:dites|indiquez|precisez)[- ]?(?:moi|nous)|(?:me|nous) "
            + "(?:dire|indiquer|preciser)|je (?:voudrais|voudrai|souhaiterais|aimerais) (?:aussi |egalement )?savoir)\\b\\s*"
            + "(?:si\\b\\s*|s'(?=ils?\\b))?");

    private MessageParts() {
    }

    /**
     * « seuil pr publier au boamp et seuil europeen fournitures », « vos horaires svp, et qu'est-ce qu'il y a dans
     * l'offre ? »: the clauses a sentence joins with « et », « + » or « ; », each of which may ask a thing of its own.
     * One clause only when nothing joins.
     */
    public static List<String> joinedClauses(String text) {
        return Arrays.stream(CLAUSE_JOIN.split(text)).map(String::strip).filter(c -> !c.isEmpty()).toList();
    }

    /**
     * The question a request goes on to ask after its ask ends at {@code askEnd}: « ajoutez-moi à la formation svp,
     * et tant que j'y suis : à partir de combien on publie au BOAMP ? », « pouvez-vous me créer un compte et me dire
     * s'il faut un certificat spécial », « … un accès Actes pour le maire. Il lui faut un certificat particulier ? ».
     * Only the question, without the words leading into it (« vous rappeler pour en parler : vous êtes là à quelles
     * heures ? » asks the hours). Empty when nothing after the ask asks.
     */
    public static Optional<String> questionAfter(String text, int askEnd) {
        // « ouvrez un accès à M. Petit svp, et dites-moi … »: the first end that leads into a question, not « M. »
        Matcher end = AFTER_ASK.matcher(text);
        int from = askEnd;
        while (end.find(from)) {
            Optional<String> question = questionFrom(text.substring(end.end()));
            if (question.isPresent()) {
                return question;
            }
            from = end.end();
        }
        return Optional.empty();
    }

    private static Optional<String> questionFrom(String after) {
        String rest = LEAD_IN.matcher(after.strip()).replaceFirst("");
        Matcher lead = ASKING_LEAD.matcher(rest);
        boolean asked = lead.find();
        if (asked) {
            rest = rest.substring(lead.end());
        }
        int mark = rest.indexOf('?');
        if (mark < 0 && !asked) {
            return Optional.empty();
        }
        String question = mark < 0 ? rest.strip() : rest.substring(0, mark).strip();
        int colon = question.lastIndexOf(": ");
        if (colon >= 0) {
            question = question.substring(colon + 2);
        }
        return question.chars().anyMatch(Character::isLetter)
                ? Optional.of(TRAILING_PUNCTUATION.matcher(question).replaceAll("") + " ?") : Optional.empty();
    }

    /**
     * The items of an announced list, when they are as many as announced and not already numbered (« 1) … 2) … »,
     * split elsewhere); else none.
     */
    private static List<String> listItems(String list, String announced) {
        int count = announced == null ? 2 : switch (announced) {
            case "deux" -> 2;
            case "trois" -> 3;
            case "quatre" -> 4;
            default -> Integer.parseInt(announced);
        };
        List<String> items = Arrays.stream(LIST_ITEM_BREAK.split(list)).map(String::strip)
                .filter(item -> !item.isBlank()).toList();
        return items.size() == count && !NUMBERED.matcher(list).find() ? items : List.of();
    }

    /**
     * The pieces of a sentence: split at the words that enumerate (« d'une part », « (2) », « et est-ce que »…), and a
     * question also where « , et » joins two clauses that each have a question word.
     */
    private static List<String> pieces(String sentence, boolean question) {
        List<String> pieces = new ArrayList<>();
        for (String piece : BREAK.split(sentence)) {
            Matcher tell = TELL_ME.matcher(piece);
            if (question && tell.find()) {
                String[] items = INDIRECT_ITEM_BREAK.split(piece.substring(tell.end()));
                if (items.length >= 2) {
                    items[0] = piece.substring(0, tell.end()) + items[0];
                    pieces.addAll(Arrays.asList(items));
                    continue;
                }
            }
            String[] halves = COMMA_AND.split(piece, 2);
            if (halves.length < 2) {
                // Without the comma, only two questions long enough to stand alone, the second naming its own subject
                // (« c'est quel type d'organisme et combien de membres y adhèrent ? » asks about one thing).
                String[] asked = AND_ASKS.split(piece, 2);
                if (asked.length == 2 && TextNormalizer.words(asked[0]) >= MIN_AND_QUESTION_WORDS
                        && TextNormalizer.words(asked[1]) >= MIN_AND_QUESTION_WORDS && !LEANS_BACK.matcher(asked[1]).find()
                        && !Y_WORD.matcher(asked[1]).matches()) {
                    halves = asked;
                }
            }
            if (question && halves.length == 2 && (QUESTION_WORD.matcher(halves[0]).find()
                    || OPENS_ON_WHAT.matcher(halves[0]).find()) && (QUESTION_WORD.matcher(halves[1]).find()
                    || ASKS_WITH_A_VERB.matcher(halves[1].strip()).find())) {
                pieces.add(halves[0]);
                pieces.add(halves[1]);
            } else {
                pieces.add(piece);
            }
        }
        return pieces;
    }

    /**
     * A later piece of a question that asks about a subject of its own: a question word, no word pointing back, not
     * opening on a preposition, and enough words.
     */
    private static boolean namesItsOwnSubject(String piece) {
        // « …, et qui finance l'offre ? » asks with a verb of its own in three words; « …, et quel article du CGCT ? »
        // names only what completes the question before.
        boolean withAVerb = ASKS_WITH_A_VERB.matcher(piece).find();
        long minWords = withAVerb ? MIN_OWN_VERB_QUESTION_WORDS : MIN_OWN_QUESTION_WORDS;
        return (QUESTION_WORD.matcher(piece).find() || withAVerb)
                && !LEANS_BACK.matcher(piece).find()
                && !OPENS_ON_PREPOSITION.matcher(piece).find() && TextNormalizer.words(piece) >= minWords;
    }

    /** « 1. … 2. … », « 1/ … 2/ … » written « 1) … 2) … », when both a first and a second item are numbered so. */
    private static String withNumbersInBrackets(String text) {
        List<String> numbers = OTHER_NUMBERING.matcher(text).results().map(m -> m.group(1)).toList();
        if (numbers.contains("1") && numbers.contains("2")) {
            return OTHER_NUMBERING.matcher(text).replaceAll("$1) ");
        }
        return withDashesNumbered(text);
    }

    /**
     * « -tél de somme numerique ? -les tarifs ont été votés quand », « - seuil travaux ?? - vous êtes où » : items
     * listed with dashes are numbered too, when there are two to nine of them and no other numbering.
     */
    private static String withDashesNumbered(String text) {
        long dashes = DASH_ITEM.matcher(text).results().count();
        if (dashes < 2 || dashes > 9 || NUMBERED.matcher(text).find()) {
            return text;
        }
        int[] item = {0};
        return DASH_ITEM.matcher(text).replaceAll(m -> ++item[0] + ") ");
    }

    /**
     * « 1) … ? 2) … ? 3) … ? », « - … - … »: a message listing its points, numbered or dashed, each point a question or
     * request of its own.
     */
    public static boolean isList(String message) {
        return listsPoints(prepared(message));
    }

    /** The message with abbreviations' dots dropped and its points numbered « 1) », « 2) », as it is split. */
    private static String prepared(String message) {
        return withNumbersInBrackets(ABBREVIATION_DOT.matcher(message).replaceAll("$1"));
    }

    private static boolean listsPoints(String prepared) {
        return NUMBERED.matcher(prepared).results().count() >= 2;
    }

    /**
     * @param isHead     whether a sentence asks or requests something (else it is context)
     * @param termCount  how many informative words a text has
     */
    public static List<String> split(String message, Predicate<String> isHead, ToIntFunction<String> termCount) {
        String text = prepared(message);
        boolean numberedList = listsPoints(text);
        List<String> sentences = new ArrayList<>();
        Set<String> asked = new HashSet<>();
        Set<String> listed = new HashSet<>();
        Set<String> leadsIntoList = new HashSet<>();
        // « … à partir de combien de travaux on fait une pub, et quel certificat il faut pour Actes ? »: a later piece
        // of a question, with a question word of its own, asks on its own even with few words.
        Set<String> ownQuestions = new HashSet<>();
        boolean announcedQuestions = ANNOUNCES_QUESTIONS.matcher(text).find();
        Matcher matcher = SENTENCE.matcher(text);
        boolean afterQuestion = false;
        while (matcher.find()) {
            boolean question = matcher.group().strip().endsWith("?");
            if (afterQuestion && !question && FOLLOW_UP.matcher(matcher.group().strip()).find()
                    && !POINTS_BACK.matcher(matcher.group()).find()) {
                asked.add(matcher.group().strip());
            }
            afterQuestion = question;
            boolean first = true;
            Matcher announced = ANNOUNCED_LIST.matcher(matcher.group().strip());
            // « trois questions rapides : vos horaires, le nombre de votants, et si … . »: questions announced by
            // number are questions, with or without their question mark.
            List<String> items = (question || announcedQuestions) && announced.find()
                    ? listItems(matcher.group().strip().substring(announced.end()), announced.group(1)) : List.of();
            if (!items.isEmpty()) {
                sentences.addAll(items);
                asked.addAll(items);
                listed.addAll(items);
                continue;
            }
            // « 1) vos horaires ? 2) … », « trois petites questions : … ? … ? »: numbered or announced questions
            // stand alone, however short.
            boolean hasNumber = NUMBERED.matcher(matcher.group()).find();
            boolean numbered = hasNumber || question && announcedQuestions;
            // « 1) délai pr transmettre un arrêté 2) vs fermez à quelle heure »: numbered items ask, question mark or not
            boolean numberedItems = numberedList && hasNumber;
            boolean asksIndirectly = !question && ASKS_INDIRECTLY.matcher(matcher.group()).find();
            List<String> pieces = pieces(matcher.group(), question || asksIndirectly);
            // Listed indirect questions ask each, like the pieces of a question; one alone stays as it was read.
            boolean asking = question || asksIndirectly && pieces.size() > 1;
            for (int i = 0; i < pieces.size(); i++) {
                String piece = pieces.get(i);
                if (!piece.isBlank() && piece.chars().anyMatch(Character::isLetter)) {
                    sentences.add(piece.strip());
                    if (numbered) {
                        listed.add(piece.strip());
                    }
                    // « pourriez-vous m'indiquer d'une part le seuil …, et d'autre part où publier … ? »: each
                    // enumerated piece of a question asks, not only the last one, which holds the question mark.
                    // « que trouve-t-on dans l'offre, et qui paie l'essentiel ? »: a first piece opening on « que »
                    // asks too, once the sentence is cut in two.
                    if (asking && (!first || QUESTION_WORD.matcher(piece).find()
                            || pieces.size() > 1 && OPENS_ON_WHAT.matcher(piece).find()) || numberedItems && i > 0) {
                        asked.add(piece.strip());
                    }
                    if (asking && !first && namesItsOwnSubject(piece.strip())) {
                        ownQuestions.add(piece.strip());
                    }
                    // « le maire voudrait savoir 1/ si … 2/ à quel montant … »: the words before the first item
                    // introduce it
                    if (numberedItems && i == 0 && pieces.size() > 1) {
                        leadsIntoList.add(piece.strip());
                    }
                    first = false;
                }
            }
        }
        List<StringBuilder> parts = new ArrayList<>();
        StringBuilder context = new StringBuilder();
        for (String sentence : sentences) {
            boolean head = !leadsIntoList.contains(sentence) && (sentence.endsWith("?") || asked.contains(sentence)
                    || ASKS.matcher(sentence).find() || isHead.test(sentence));
            if (!head) {
                context.append(context.isEmpty() ? "" : " ").append(sentence);
                continue;
            }
            // counted once: counting analyses the sentence as a search does
            int terms = termCount.applyAsInt(sentence);
            // « … ? et on peut envoyer le dimanche ? »: a follow-up question with a verb and its object asks on its
            // own; the engine joins it back to the question before when together they point to the same article.
            boolean followUp = (sentence.endsWith("?") && FOLLOW_UP_QUESTION.matcher(sentence).find()
                    || ownQuestions.contains(sentence)) && terms >= MIN_FOLLOW_UP_TERMS;
            boolean tooShort = (terms < MIN_TERMS && !followUp
                    || ELLIPTIC.matcher(sentence).find() || JUDGES_THE_THING_BEFORE.matcher(sentence).find())
                    && !listed.contains(sentence);
            if (tooShort && !parts.isEmpty()) {
                parts.get(parts.size() - 1).append(' ').append(context).append(context.isEmpty() ? "" : " ").append(sentence);
            } else {
                parts.add(new StringBuilder(context).append(context.isEmpty() ? "" : " ").append(sentence));
            }
            context.setLength(0);
        }
        if (!context.isEmpty()) {
            if (parts.isEmpty()) {
                parts.add(context);
            } else {
                parts.get(parts.size() - 1).append(' ').append(context);
            }
        }
        return parts.stream().map(p -> REPEATED_SPACES.matcher(p).replaceAll(" ").strip()).toList();
    }
}
