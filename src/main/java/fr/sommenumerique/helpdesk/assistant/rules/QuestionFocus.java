package fr.sommenumerique.helpdesk.assistant.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The question itself in a message that also gives context: « Notre marché fait 230 000 € HT sur 4 ans. Est-ce qu'on
 * dépasse le seuil européen ? » → « Est-ce qu'on dépasse le seuil européen ? ». Context words about the commune, the
 * mayor or the day dilute how well an article seems to cover a message; the question sentence says what is asked.
 */
public final class QuestionFocus {

    private static final Pattern SENTENCE = Pattern.compile("[^.!?]+[.!?]*");

    /**
     * A question asked without a question mark (« je souhaiterais connaître vos horaires d'ouverture, afin de savoir
     * quand vous joindre »): what is asked runs from the asking verb to a purpose clause or the end of the sentence.
     * The asker may be someone else (« Monsieur le Maire souhaiterait savoir d'où provient… », « les secrétaires se
     * demandent si… », « le maire s'interroge sur… ») or the ask a formula of politeness (« je vous serais
     * reconnaissante de bien vouloir me préciser… », « merci de nous indiquer… »).
     */
    private static final Pattern ASKED = Pattern.compile("\\b(?:(?:je|j'|il|elle|on|nous|maire|conseil|president"
            + "|adjointe?|secretaires?|collegues?|tresoriere?) ?(?:souhaiterais|souhaiterait|souhaiterions|souhaitons|souhaite|voudrais|voudrait"
            + "|voudrions|aimerais|aimerait|aimerions) (?:aussi |egalement )?(?:connaitre|savoir)"
            + "|se demande(?:nt)?|s'interroge(?:nt)? sur"
            // « il demande aussi jusqu'à quelle heure on peut vous appeler »: a question passed on by someone else
            // « ma collègue demande quelles sont les démarches », « il demande ce que c'est »
            + "|(?:il|elle|maire|conseil|president|adjointe?|collegues?|secretaire|tresoriere?) (?:me |nous )?demande(?:nt)? "
            + "(?:aussi |egalement )?(?=(?:si|s'il|s'ils|qui|quand|combien|jusqu'a|comment|pourquoi|quel\\w*|a quel\\w*"
            + "|ce que|ce qu'|ce qui|ou)\\b)"
            + "|(?:pourriez|pouvez)-vous (?:me |m'|nous )(?:dire|indiquer|preciser|communiquer|donner)"
            + "|(?:bien vouloir|merci de) (?:me |m'|nous )(?:dire|indiquer|preciser|communiquer))\\b"
            + "([^.!?]*?)(?:,? (?:afin de|afin d'|afin que|pour savoir|pour que|car)\\b|[.!?]|$)");

    /** « pour passer à la télétransmission, ma collègue demande… »: the subject, told before who asks. */
    private static final Pattern SUBJECT_FIRST = Pattern.compile("^(?:pour|concernant|au sujet d[eu']|a propos d[eu']"
            + "|s'agissant d[eu'])\\b[^,]*,");

    /** Words that open a question asked without its mark: a question word or a fact asked for. */
    private static final Pattern TOLD = Pattern.compile("^\\s*(?:si|s'il|s'ils|ce que|ce qu'|ce qui|combien|quand|qui|"
            + "quel\\w*|ou|comment|pourquoi|jusqu'a|a partir de|a quel\\w*|depuis quand|dans quel\\w*"
            // « pouvez-vous nous donner sa date et son objet ? »: a fact asked for
            + "|(?:le|la|les|l'|sa|son|ses|votre|vos) ?(?:date|nom|numero|adresse|reference|objet|montant|coordonnees|"
            + "horaires|telephone)s?)\\b");

    /**
     * « c'est quoi REACT-EU ? », « qu'est-ce que le DUME ? », « c où vos bureaux ? »: asks what or where one thing is,
     * which one word may name.
     */
    /** « m'expliquer ce qu'est le plan REACT-EU »: asked indirectly. */
    private static final String INDIRECTLY = "\\bce qu'est\\b";
    private static final Pattern WHAT_IS = Pattern.compile("\\b(?:c'?est|cest|c|ce) (?:quoi|koi|ou)\\b|"
            + "\\bqu'est[- ]ce que\\b|\\bqu'est[- ]ce qu'|\\b(?:ca|ça) veut dire\\b|\\bkesako\\b|" + INDIRECTLY);
    private static final Pattern ASKED_INDIRECTLY = Pattern.compile(INDIRECTLY);
    /** « c'est quoi ça ? », « ce que c'est »: the thing is pointed at, named earlier in the message. */
    private static final Pattern POINTED_THING = Pattern.compile("^(?:ca|cela|ce truc|ce machin|c)$");
    private static final Pattern ASKS_WHAT_IT_IS = Pattern.compile("\\bce que c'est\\b|\\b(?:c'?est|cest|c) (?:quoi|koi) (?:ca|cela)\\b");
    /** « il y a le mot REACT-EU », « il est question de « REACT-EU » »: the word a later « c'est quoi ça ? » points at. */
    private static final Pattern NAMED_WORD = Pattern.compile("\\b(?:le mot|le terme|l'expression|le sigle|l'acronyme|"
            + "il est question d[eu']|la mention)\\s*(?:de |d')?[«\"]?\\s*([\\p{L}\\d][\\p{L}\\d-]{2,})"
            // « le maire a vu « REACT-EU » dans votre délibération »: one word quoted
            + "|«\\s*([\\p{L}\\d][\\p{L}\\d-]{2,})\\s*»");
    /** Where the thing asked about ends: « REACT-EU qu'on voit sur vos documents », « REACT-EU au juste ». */
    private static final Pattern THING_END = Pattern.compile("[?.!,;:]|^ ?deja\\b| (?:qu'|que |qui |dont |au juste|"
            + "exactement|en fait|deja|sur |dans |ds |pour )");

    /**
     * The sender's own words on a question forwarded to us (« que dois-je lui répondre ? »), or the words of whoever
     * forwarded it to the sender (« tu peux demander à Somme Numérique ? », « pouvez-vous voir avec Somme Numérique ? »).
     */
    private static final Pattern RELAY = Pattern.compile("\\bque (?:dois-je|doit-on|faut-il|dois je|doit on|faut il) "
            + "(?:lui |leur )?repondre\\b|\\bque (?:lui|leur) repondre\\b|\\bqu'est-ce que je (?:lui |leur )?reponds\\b"
            + "|\\b(?:tu peux|peux-tu|pouvez-vous|vous pouvez|pourriez-vous|tu pourrais) (?:demander|voir|poser la "
            + "question|te renseigner|vous renseigner) (?:a|avec|aupres de) somme numerique\\b");

    private QuestionFocus() {
    }

    /**
     * A short question with the sentence just before it, which gives it its subject: « … je ne sais pas du tout ce
     * que vous faites pour nous. Concrètement, ça sert à quoi ? ». Empty when the first question opens the message.
     */
    public static Optional<String> withSentenceBefore(String text) {
        String previous = null;
        Matcher matcher = SENTENCE.matcher(text);
        while (matcher.find()) {
            String sentence = matcher.group().strip();
            if (sentence.endsWith("?")) {
                return previous == null ? Optional.empty() : Optional.of(previous + " " + sentence);
            }
            if (!sentence.isEmpty()) {
                previous = sentence;
            }
        }
        return Optional.empty();
    }

    /**
     * A sentence that asks a question without a question mark (« au passage, il voudrait savoir à partir de … »), and
     * says what: « pourriez-vous me dire, » alone, cut from its question, does not.
     */
    public static boolean asksWithoutMark(String sentence) {
        Matcher asked = ASKED.matcher(sentence);
        return asked.find() && asked.group(1).chars().anyMatch(Character::isLetter);
    }

    /**
     * A question asked without a mark whose asked words open on a question word (« merci de me dire combien de temps
     * il faut les laisser », « pourriez-vous m'indiquer si … »): it asks to be told something. « merci de nous dire la
     * suite » after a council's vote asks for the next step of a request.
     */
    public static boolean asksToBeTold(String sentence) {
        Matcher asked = ASKED.matcher(sentence);
        return asked.find() && TOLD.matcher(asked.group(1)).find();
    }

    /** The clause that opens the sentence where a question is asked without its mark and gives its subject, or "". */
    private static String subjectBefore(String text, int askedAt) {
        String before = text.substring(0, askedAt);
        int sentenceStart = Math.max(before.lastIndexOf('?'), Math.max(before.lastIndexOf('.'), before.lastIndexOf('!'))) + 1;
        Matcher subject = SUBJECT_FIRST.matcher(before.substring(sentenceStart).strip());
        return subject.find() ? subject.group().substring(0, subject.group().length() - 1) + " " : "";
    }

    /** Whether the text passes a question on (« pouvez-vous voir avec Somme Numérique ? »), asking nothing itself. */
    public static boolean relays(String text) {
        return RELAY.matcher(text).find();
    }

    /**
     * The thing a « c'est quoi … ? » question asks about, without what the sentence says around it: « c'est quoi
     * REACT-EU qu'on voit sur vos documents ? » → « REACT-EU ».
     */
    public static Optional<String> whatItIs(String question) {
        Matcher matcher = WHAT_IS.matcher(question);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String rest = question.substring(matcher.end());
        Matcher end = THING_END.matcher(rest);
        String thing = (end.find() ? rest.substring(0, end.start()) : rest).strip();
        if (thing.isEmpty()) {
            // « les actes de nature 3 c'est quoi déjà ? »: the thing comes before the question words.
            String before = question.substring(0, matcher.start());
            int sentenceStart = Math.max(before.lastIndexOf('?'), Math.max(before.lastIndexOf('.'),
                    before.lastIndexOf('!'))) + 1;
            thing = before.substring(sentenceStart).strip();
        }
        return thing.isEmpty() ? Optional.empty() : Optional.of(thing);
    }

    /**
     * The thing a question asks about, as {@link #whatItIs(String)} finds it, or, when it only points at it (« il y a
     * le mot REACT-EU. C'est quoi ça ? », « … question de « REACT-EU ». Pouvez-vous m'expliquer ce que c'est ? »),
     * the word the whole message named before.
     */
    public static Optional<String> whatItIs(String question, String wholeText) {
        Optional<String> thing = whatItIs(question);
        boolean pointed = thing.map(t -> POINTED_THING.matcher(t).matches()).orElse(false)
                || thing.isEmpty() && ASKS_WHAT_IT_IS.matcher(question).find();
        if (pointed) {
            Matcher named = NAMED_WORD.matcher(wholeText);
            if (named.find()) {
                return Optional.of(named.group(1) != null ? named.group(1) : named.group(2));
            }
        }
        if (thing.isEmpty() && ASKED_INDIRECTLY.matcher(wholeText).find()) {
            // « Le trésorier nous demande ce qu'est REACT-EU. Pouvez-vous m'expliquer en deux mots ? »
            return whatItIs(wholeText);
        }
        return thing;
    }

    /**
     * The sentences that end with a question mark, when the message has other sentences as well; in a message
     * without one, what an asking verb asks for.
     */
    public static Optional<String> of(String text) {
        List<String> questions = new ArrayList<>();
        int sentences = 0;
        Matcher matcher = SENTENCE.matcher(text);
        while (matcher.find()) {
            String sentence = matcher.group().strip();
            if (sentence.isEmpty()) {
                continue;
            }
            sentences++;
            if (sentence.endsWith("?")) {
                // « TR: sauvegardes > De : adjoint aux finances > Est-ce que la GED … ? »: the headers of a forwarded
                // mail before the quoted question are no part of it.
                int quoted = sentence.lastIndexOf('>');
                questions.add(quoted >= 0 ? sentence.substring(quoted + 1).strip() : sentence);
            }
        }
        // « > … un scan de la signature du gérant suffit-il ? --- que dois-je répondre à cette entreprise ? »: the
        // question forwarded is the one asked.
        // Only relays (« tu peux demander à Somme Numérique ? »): the question forwarded has no question mark.
        boolean onlyRelays = !questions.isEmpty() && questions.stream().allMatch(q -> RELAY.matcher(q).find());
        if (onlyRelays) {
            Matcher asked = ASKED.matcher(text);
            if (asked.find() && !asked.group(1).isBlank()) {
                return Optional.of(asked.group(1).strip());
            }
        }
        if (questions.stream().anyMatch(q -> !RELAY.matcher(q).find())) {
            questions.removeIf(q -> RELAY.matcher(q).find());
        }
        if (questions.isEmpty()) {
            Matcher asked = ASKED.matcher(text);
            return asked.find() && !asked.group(1).isBlank()
                    ? Optional.of((subjectBefore(text, asked.start()) + asked.group(1)).strip()) : Optional.empty();
        }
        if (questions.size() == sentences) {
            return Optional.empty();
        }
        return Optional.of(String.join(" ", questions));
    }
}
