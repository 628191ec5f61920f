package fr.sommenumerique.helpdesk.assistant;

import fr.sommenumerique.helpdesk.knowledge.TextCut;
import fr.sommenumerique.helpdesk.assistant.intent.IntentClassifier;
import fr.sommenumerique.helpdesk.assistant.intent.IntentModelCache;
import fr.sommenumerique.helpdesk.assistant.intent.IntentScores;
import fr.sommenumerique.helpdesk.assistant.rules.GluedElisions;
import fr.sommenumerique.helpdesk.assistant.rules.Acronyms;
import fr.sommenumerique.helpdesk.assistant.rules.MessageCleaner;
import fr.sommenumerique.helpdesk.assistant.rules.MessageParts;
import fr.sommenumerique.helpdesk.assistant.rules.PopulationInText;
import fr.sommenumerique.helpdesk.assistant.rules.QuestionFocus;
import fr.sommenumerique.helpdesk.assistant.rules.QuestionType;
import fr.sommenumerique.helpdesk.assistant.rules.ReplyTexts;
import fr.sommenumerique.helpdesk.assistant.rules.ServiceDetector;
import fr.sommenumerique.helpdesk.assistant.rules.Signals;
import fr.sommenumerique.helpdesk.assistant.rules.TextNormalizer;
import fr.sommenumerique.helpdesk.assistant.topic.TopicClassifier;
import fr.sommenumerique.helpdesk.assistant.topic.TopicScores;
import fr.sommenumerique.helpdesk.knowledge.Article;
import fr.sommenumerique.helpdesk.knowledge.Funding;
import fr.sommenumerique.helpdesk.knowledge.Intent;
import fr.sommenumerique.helpdesk.knowledge.IntentExample;
import fr.sommenumerique.helpdesk.knowledge.KnowledgeBase;
import fr.sommenumerique.helpdesk.knowledge.SearchHit;
import fr.sommenumerique.helpdesk.knowledge.SearchResult;
import fr.sommenumerique.helpdesk.knowledge.Section;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Decides what to do with one message: answer it from the knowledge base, record a subscription request, hand it
 * to a human as a ticket, or say it is out of scope (naming where to turn when a topic card knows). It has no side
 * effects.
 *
 * <p>What a message wants comes from a classifier trained on the labelled examples of the knowledge base
 * ({@code intentions/}); the services it names from {@code services.yml}; municipal matters that are not Somme
 * Numérique's from the topic cards of {@code hors-sujet/}, which compete with the articles in one search. A message
 * that asks several things is split into parts, each decided on its own. An article answers only when it covers the
 * question well and its sections hold the kind of content asked (a price, a date, a place…), because a wrong
 * confident answer is worse than a hand-over.
 */
public class DecisionEngine {

    private static final int CANDIDATES = 5;
    /**
     * « c'est pour savoir si vous pouviez m'inscrire … »: a request wrapped in a question of politeness, which the
     * classifier reads as a question for its « savoir si ».
     */
    private static final Pattern POLITE_ASK = Pattern.compile("\\b(?:c'est pour savoir|je voulais savoir|"
            + "je voudrais savoir|je souhaiterais savoir) si vous (?:pouvez|pourriez|pouviez) ");
    /** A question sentence with fewer informative words (« C'est normal ? ») says too little on its own. */
    private static final int MIN_FOCUSED_TERMS = 2;
    /** Below this probability of its best intent, a sentence of a long message is context, not a part. */
    private static final double HEAD_PROBABILITY = 0.5;
    /** « on voudrait savoir avant de s'inscrire »: a wish to know, not to join. */
    private static final Pattern WISH_TO_KNOW = Pattern.compile("\\b(?:voudr|souhait|aimer)\\w* (?:savoir|connaitre)\\b");
    /** A membership this close to the question (a share of its probability) is the reading when a wish is said. */
    private static final double HESITATION_SHARE = 0.9;
    /** Below this, an incident the classifier alone sees in a statement next to an answered question is context. */
    private static final double CONTEXT_INCIDENT_PROBABILITY = 0.6;
    /** A message the classifier is this sure is out of scope, naming no service, is out of scope. */
    private static final double OUT_OF_SCOPE_PROBABILITY = 0.5;
    /**
     * « la préfecture veut déplacer notre bureau de vote, à qui s'adresser ? »: a municipal matter the classifier is
     * sure of, though a word of it (préfecture) names a service, when no article answers.
     */
    private static final double SURE_OUT_OF_SCOPE = 0.95;
    /** The classifier reads a municipal matter this surely: an article must cover the message well to answer it. */
    private static final double VERY_LIKELY_OUT_OF_SCOPE = 0.7;
    /** … in a message short enough that its reading is not that of a long story around the question. */
    private static final int VERY_LIKELY_MAX_TERMS = 12;
    private static final Pattern SENTENCE_END = Pattern.compile("[.?!]+");
    /** What separates words (see {@link #words}), compiled once: the text of every part is read that way. */
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\d@'-]+");
    /** An incident word counts when the classifier gives incidents at least this probability. */
    private static final double INCIDENT_SIGNAL_PROBABILITY = 0.15;
    /** The classifier is this sure a message is a question: an incident word alone does not make it one. */
    private static final double SURE_QUESTION_PROBABILITY = 0.9;
    /** An article covering this much of the question's weight may match a smaller share of its words. */
    private static final double CLEAR_COVERAGE = 0.45;
    /** How much less a word no article knows counts in the matched share than a known one. */
    private static final double UNKNOWN_WORD_SHARE = 0.5;
    /** An article covering this much of a question despite an acronym it does not know answers it anyway. */
    private static final double GUESSED_ACRONYM_COVERAGE = 0.8;
    /** A topic card or related article is worth naming when it covers this share of the question. */
    private static final double RELATED_COVERAGE = 0.3;
    private static final int MAX_RELATED = 3;
    /** A topic card is named only when it shares at least this many words with the message (« Amiens » alone is not). */
    private static final int MIN_TOPIC_TERMS = 2;
    /** A lower-ranked article covering this much more of the question, at this share of the best score, leads. */
    private static final double WIDER_COVERAGE_MARGIN = 0.25;
    private static final double WIDER_MIN_SCORE_RATIO = 0.4;
    /** A second article covering this much more of the question, at this share of the best score, answers too. */
    private static final double SECOND_WIDER_COVERAGE = 0.05;
    private static final double SECOND_WIDER_SCORE_RATIO = 0.7;
    /** An article scoring this share of the best one is close enough to be what a long message is about. */
    private static final double CLOSE_SCORE_RATIO = 0.6;
    /** An answer the search covers this much needs no second opinion. */
    private static final double SECOND_OPINION_COVERAGE = 0.8;
    /**
     * Else the topic classifier must pick one of its articles first, or give them this share together (« Faut-il un
     * certificat pour télétransmettre nos actes ? » is asked like the questions on Actes in general, on its
     * certificate and on whether it is compulsory).
     */
    private static final double SECOND_OPINION_SHARE = 0.3;
    /** The share that is enough when the article the classifier picks is about the same service. */
    private static final double SAME_SERVICE_SHARE = 0.15;
    /** The share under which the question sentence alone says the answering articles are not what it asks about. */
    private static final double QUESTION_SENTENCE_SHARE = 0.02;
    /** How far ahead of the best article a topic card must score to be the subject of a message on its own. */
    private static final double TOPIC_LEAD = 2.0;
    /**
     * A message the search finds no confident article for is still answered by the best one when the topic classifier
     * gives that article at least this probability…
     */
    private static final double ASKED_LIKE_PROBABILITY = 0.9;
    /** … and the article shares at least this weighted share of the message's words. */
    private static final double ASKED_LIKE_MIN_COVERAGE = 0.1;
    /** Beyond this many searched words, the topic classifier's certainty says more about the length than the topic. */
    private static final int ASKED_LIKE_MAX_TERMS = 35;
    /** Greetings this likely are greetings alone, whatever article shares their words. */
    private static final double SURE_GREETING = 0.9;
    /** An article related to a question handed over is listed when it covers this share of it. */
    private static final double WORTH_READING = 0.2;
    /** Below this, the classifier's best intent is not trusted and the message is handled as a question. */
    private static final double MIN_INTENT_PROBABILITY = 0.3;
    /** An answer of fewer characters takes the next section of the article too, so that it says enough. */
    private static final int MIN_ANSWER_CHARS = 350;
    /** Below this probability of a question (or out-of-scope question), a message is not answered from an article. */
    private static final double MIN_QUESTION_PROBABILITY = 0.2;
    /** An unsure request in a message with a question mark yields to a question this nearly as likely. */
    private static final double ASKING_SHARE = 0.75;
    /** A request must have at least this probability when another intent is the best. */
    private static final double MIN_REQUEST_PROBABILITY = 0.3;
    /** The requests together must be this many times likelier than under an even spread to make a request. */
    private static final double MIN_REQUEST_LIFT = 1.1;
    private static final int MIN_REQUEST_WORDS = 3;
    /** A reading that leaves only the question: the part is searched and answered like one. */
    private static final IntentScores QUESTION_ONLY = new IntentScores(Map.of(Intent.QUESTION, 1.0));
    /** A word that asks a question of fact (« qui signe », « quel montant », « combien »). */
    private static final Pattern ASKED_WORD = Pattern.compile("\\b(?:qui|quand|quel|quelle|quels|quelles|combien|comment|"
            + "pourquoi|a partir de)\\b");
    /** « vous savez où … ? », « savez-vous si … ? »: asks whether we know something. */
    private static final Pattern ASKS_IF_WE_KNOW = Pattern.compile("\\b(?:(?:vous|vs) savez|savez-vous|sauriez-vous) "
            + "(?:ou|si|qui|quand|comment|combien|pourquoi|a qui|aupres de qui|quel\\w*)\\b[^?]*\\?");
    /** A question to Somme Numérique itself (« vous êtes là à quelles heures ? »). */
    private static final Pattern TO_US = Pattern.compile("\\b(?:vous|vs) (?:etes|ouvrez|fermez)\\b|\\betes-vous\\b");
    /** Verbs of an ask and the requests they allow (see {@link #requestOfVerbs}). */
    private static final Map<Pattern, Set<Intent>> REQUEST_VERBS = Map.of(
            Pattern.compile("\\b(?:ferm|supprim|desactiv|clotur|retir)(?:er|ez|e|es)\\b"), Set.of(Intent.ACCOUNT_CLOSE),
            // « message transféré », « je vous transfère la demande du maire » forward a mail, not an account
            Pattern.compile("(?<!message )(?<!vous )\\b(?:transfer|remplac|bascul)(?:er|ez|e|es|ent)\\b"),
            Set.of(Intent.ACCOUNT_TRANSFER),
            Pattern.compile("\\b(?:modifi|chang|rattach)(?:er|ez|e)\\b|\\bmettre a jour\\b"),
            Set.of(Intent.ACCOUNT_CHANGE),
            Pattern.compile("\\b(?:creer|creez|cree|ouvrir|ouvrez|ouvre)\\b"),
            Set.of(Intent.ACCOUNT_CREATE, Intent.ADD_SERVICE));
    private static final Pattern JOIN = Pattern.compile("\\b(?:adherer|rejoindre|" + Signals.SEND_MEMBERSHIP_PAPERS + ")");
    private static final Pattern WORD = Pattern.compile("[\\s,.;:!?]+");
    private static final Pattern LETTERS = Pattern.compile("\\p{L}{2,}");
    /** What an article must cover to answer a message the classifier takes for out of scope. */
    private static final double STRONG_COVERAGE = 0.6;
    /** A word at most this many articles know names a precise thing (« SIREN »), not a context (« nom », « date »). */
    private static final int RARE_TERM_ARTICLES = 2;
    /** Words sharing this many first letters are taken as the same word when sections are chosen. */
    private static final int PREFIX = 5;
    /** A word of an unknown point that search ignores counts from this length (« comment », not « de »). */
    private static final int MIN_QUESTION_WORD = 3;
    /** « Et la délib a été affichée quand ? » says too little to leave the previous question's subject. */
    private static final int CONTINUATION_MAX_TERMS = 3;
    /** A word at most this many articles know can name the subject of a follow-up question (« certificat », « AR »). */
    private static final int SUBJECT_MAX_ARTICLES = 8;
    private static final Pattern NEW_SUBJECT = Pattern.compile("^et (?:quel|quelle|quels|quelles)\\b");
    /** An article naming the thing asked answers instead of the best from this share of its score. */
    private static final double NAMING_SCORE_RATIO = 0.75;
    /** « ce délai », « son numéro »: a thing pointed back to, which the context names. */
    private static final Pattern POINTED = Pattern.compile("^(?:ce|cet|cette|ces|ca|son|sa|ses|leur|leurs)\\b");
    /** A thing asked about (« c'est quoi REACT-EU ? ») is precise when one of its words is known to this few articles. */
    private static final int THING_MAX_ARTICLES = 3;
    /** A card covering this much more of a message than the article ahead of it on score is its subject. */
    private static final double CARD_COVERAGE_LEAD = 0.4;
    /** A card that covers a municipal matter as well as the best article, at this share of its score at least, ties. */
    private static final double CARD_TIE_SCORE_RATIO = 0.6;
    /** How much less of the message a card scoring above the article may cover and still take the message. */
    private static final double TIED_CARD_COVERAGE_GAP = 0.3;
    /** The second of two things compared: its article scores at least this share of the first's. */
    private static final double COMPARED_SCORE_RATIO = 0.5;
    /** … on a word this few articles know (the thing's name, not a common word). */
    private static final int COMPARED_MAX_ARTICLES = 2;
    /** « … et c'est financé par qui ? »: a clause of one informative word points to an article only far ahead. */
    private static final double ONE_WORD_CLAUSE_LEAD = 2.0;
    /**
     * The passages of an answer widened to a clause's article, at most: with the other parts of a message, the reply
     * must still fit one chat message.
     */
    private static final int MAX_CLAUSE_ANSWER_CHARS = 2_400;

    /** Chosen by cross-validation against naive Bayes: see {@link #crossValidation}. */
    private static final IntentClassifier.Algorithm ALGORITHM = IntentClassifier.Algorithm.MAXENT;

    private record Model(KnowledgeBase.Status status, IntentClassifier classifier, Supplier<TopicClassifier> topics,
                         ServiceDetector services, GluedElisions elisions) {
    }

    /** A text that sends the reader to the mail's subject: « voir objet », « cf. objet », « la demande en objet ». */
    private static final Pattern SUBJECT_POINTER = Pattern.compile(
            "(?iu)\\b(?:voir|cf\\.?|c\\.f\\.|en|dans l['’]|mentionn\\p{L}* en|indiqu\\p{L}* en)\\s*:?\\s*(?:l['’])?objet\\b");

    /** What finds the article giving our phone number and postal address. */
    private static final String OUR_CONTACT = "numéro de téléphone et adresse postale de Somme Numérique";

    /** A text of at most so many words of its own (« ci-joint », « voir objet ») leaves the question to the subject. */
    private static final int SAYS_NOTHING_WORDS = 3;

    /** At most so many decisions worked out ahead of need are kept; the oldest goes first. */
    private static final int ANTICIPATED_MAX = 256;

    /** A decision worked out ahead of need, with the knowledge base it was taken on. */
    private record Anticipated(KnowledgeBase.Status status, Decision decision) {
    }

    private final KnowledgeBase knowledgeBase;
    private final AssistantSettings settings;
    private final MessageCleaner cleaner = new MessageCleaner();
    /**
     * By unknown point of an article: the points are fixed with the knowledge base (a few dozen), and analysing each
     * again at every message cost ~2 % of a decision.
     */
    private final Map<String, PointWords> pointWords = new ConcurrentHashMap<>();
    private volatile Model model;
    /** By question: taken once by {@link #decide(Question)}; those never asked for make way for newer ones. */
    private final LongAdder anticipatedUsed = new LongAdder();
    private final Map<Question, Anticipated> anticipated = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Question, Anticipated> eldest) {
                    return size() > ANTICIPATED_MAX;
                }
            });

    public DecisionEngine(KnowledgeBase knowledgeBase, AssistantSettings settings) {
        this.knowledgeBase = knowledgeBase;
        this.settings = settings;
        model();
    }

    /** What the classifier learns from: the corpus of {@code intentions/} and the topic cards' sample questions. */
    public static List<IntentExample> trainingExamples(KnowledgeBase knowledgeBase) {
        List<IntentExample> examples = new ArrayList<>(knowledgeBase.intentExamples());
        examples.addAll(sampleQuestions(knowledgeBase));
        return examples;
    }

    /** What names the intent corpus of the knowledge base, as the model cache records it (see the build's trainer). */
    public static String intentCorpusKey(KnowledgeBase knowledgeBase) {
        return IntentClassifier.corpusKey(trainingExamples(knowledgeBase), ALGORITHM);
    }

    /**
     * What the topic classifier learns from: the questions of {@code sujets/}, and each article's and card's title
     * and sample questions.
     */
    public static List<TopicClassifier.Example> topicExamples(KnowledgeBase knowledgeBase) {
        List<TopicClassifier.Example> examples = new ArrayList<>();
        knowledgeBase.topicExamples().forEach(e -> examples.add(new TopicClassifier.Example(e.articleId(), e.text())));
        Stream.concat(knowledgeBase.articles().stream(), knowledgeBase.outOfScopeTopics().stream()).forEach(a -> {
            examples.add(new TopicClassifier.Example(a.id(), a.title()));
            a.questions().forEach(q -> examples.add(new TopicClassifier.Example(a.id(), q)));
        });
        return examples;
    }

    /**
     * The sample questions of the out-of-scope topic cards, as out of scope. Those of the articles are not used: many
     * are written as requests (« on veut s'inscrire, on fait comment ») that the corpus labels as such.
     */
    public static List<IntentExample> sampleQuestions(KnowledgeBase knowledgeBase) {
        List<IntentExample> examples = new ArrayList<>();
        knowledgeBase.outOfScopeTopics()
                .forEach(a -> a.questions().forEach(q -> examples.add(new IntentExample(Intent.OUT_OF_SCOPE, q))));
        return examples;
    }

    /**
     * k-fold cross-validation of the intent classifier on the corpus, with the algorithm used and the alternative:
     * one summary line per algorithm, then precision and recall per intent.
     */
    public List<String> crossValidation(int folds) {
        List<String> lines = new ArrayList<>();
        for (IntentClassifier.Algorithm algorithm : IntentClassifier.Algorithm.values()) {
            lines.addAll(fr.sommenumerique.helpdesk.assistant.intent.CrossValidation.run(knowledgeBase.intentExamples(),
                    sampleQuestions(knowledgeBase), algorithm, folds, cleaner::clean).lines());
        }
        return lines;
    }

    /** The cleaning applied to a message before it is classified: greeting, thanks and signature removed. */
    public String clean(String text) {
        return cleaner.clean(text);
    }

    /** The classifier and service detector of the knowledge base as loaded now, retrained after a reload. */
    private Model model() {
        Model current = model;
        KnowledgeBase.Status status = knowledgeBase.status();
        if (current != null && current.status() == status) {
            return current;
        }
        synchronized (this) {
            if (model == null || model.status() != status) {
                List<IntentExample> examples = trainingExamples(knowledgeBase);
                IntentClassifier classifier = examples.stream().map(IntentExample::intent).distinct().count() < 2
                        ? null : IntentClassifier.train(examples, ALGORITHM, cleaner, settings.modelCache() == null
                        ? null : new IntentModelCache(settings.modelCache()));
                List<TopicClassifier.Example> asked = topicExamples(knowledgeBase);
                // Trained on first use: only messages no article covers need it, and a cold start on one core is tight.
                boolean fewSubjects = asked.stream().map(TopicClassifier.Example::articleId).distinct().count() < 2;
                Supplier<TopicClassifier> topics = fewSubjects ? () -> null
                        : TopicClassifier.trainedOnFirstUse(asked, knowledgeBase::normalizedTerms);
                model = new Model(status, classifier, topics, new ServiceDetector(knowledgeBase.serviceVocabulary()),
                        GluedElisions.knowing(() -> knowledgeTexts(examples)));
            }
            return model;
        }
    }

    /** The texts of every article, card and intent example: the words a glued elision is split into. */
    private List<String> knowledgeTexts(List<IntentExample> examples) {
        List<String> texts = new ArrayList<>();
        examples.forEach(e -> texts.add(e.text()));
        Stream.concat(knowledgeBase.articles().stream(), knowledgeBase.outOfScopeTopics().stream()).forEach(a -> {
            texts.add(a.title());
            texts.add(a.text());
            texts.addAll(a.questions());
            texts.addAll(a.tags());
        });
        return texts;
    }

    /** Whether an automatic answer is sure enough to resolve its ticket, or must stay open for staff to check. */
    public boolean needsReview(Decision decision) {
        return decision.kind() == DecisionKind.ANSWER && decision.confidence() < settings.reviewBelow();
    }

    public Decision decide(String text) {
        return decide(Question.of(text));
    }

    /**
     * What {@link #decide(Question)} will answer for this question, worked out now (on a thread that has the time,
     * ahead of the one that will ask for it) and kept until it is asked for, or until the knowledge base changes.
     */
    public Decision anticipate(Question question) {
        KnowledgeBase.Status status = knowledgeBase.status();
        Decision decision = decideNow(question);
        anticipated.put(question, new Anticipated(status, decision));
        return decision;
    }

    public Decision decide(Question question) {
        Anticipated ahead = anticipated.isEmpty() ? null : anticipated.remove(question);
        // the same question on the same knowledge base gets the same decision: the engine has no state of its own
        if (ahead != null && ahead.status() == knowledgeBase.status()) {
            anticipatedUsed.increment();
            return ahead.decision();
        }
        return decideNow(question);
    }

    /** How many decisions were found worked out ahead of need (what the mail benchmark reports). */
    public long anticipatedDecisionsUsed() {
        return anticipatedUsed.sum();
    }

    private Decision decideNow(Question question) {
        if (question.subject() == null || question.subject().isBlank()) {
            return decideText(question);
        }
        String own = cleaner.ownWords(question.text());
        boolean pointsToSubject = SUBJECT_POINTER.matcher(own).find();
        if (!pointsToSubject && own.split(" ").length > SAYS_NOTHING_WORDS) {
            return decideText(question);
        }
        // « Bonjour, voir objet » or « Bonjour, / Cordialement » under the subject « Certificat expiré sur Actes »:
        // the subject is the message. A subject that is no question (« Mairie de Rue ») leaves the text's decision.
        String rest = SUBJECT_POINTER.matcher(own).replaceAll(" ").strip();
        Decision withSubject = decideText(question.withText(
                rest.split(" ").length > SAYS_NOTHING_WORDS ? question.subject() + "\n\n" + rest : question.subject()));
        boolean saysSomething = withSubject.kind() == DecisionKind.ANSWER || withSubject.kind() == DecisionKind.SUBSCRIPTION
                || withSubject.kind() == DecisionKind.TICKET && withSubject.priority() != null
                && withSubject.priority() != Priority.NORMAL && withSubject.priority() != Priority.LOW;
        return saysSomething ? withSubject : decideText(question);
    }

    private Decision decideText(Question question) {
        Model current = model();
        String text = cleaner.withoutSignatureAfterQuestion(cleaner.clean(current.elisions().split(question.text())));
        if (text.isBlank()) {
            return greetingOnly(IntentScores.NONE);
        }
        IntentScores whole = classify(current, text);
        if (whole.best() == Intent.GREETING && greetingsAlone(current, whole, text)) {
            return greetingOnly(whole);
        }
        List<String> texts = MessageParts.split(text,
                sentence -> isHead(classify(current, sentence)) || Signals.asksToAct(sentence).isPresent()
                        || QuestionFocus.asksWithoutMark(sentence),
                sentence -> knowledgeBase.normalizedTerms(sentence).size());
        List<DecisionPart> parts = new ArrayList<>();
        List<PartOutcome> outcomes = new ArrayList<>();
        // « 1) … ? 2) Si j'appelle à 17h15 un vendredi, … ? 3) … ? »: a listed point of more than a few words is a
        // question of its own, not the continuation of the point before, even when no article answers it (« 3) les
        // communes concernées ? » only completes the point before).
        boolean listed = texts.size() > 1 && MessageParts.isList(text);
        if (texts.size() <= 1) {
            outcomes.add(decidePart(question, current, text, whole, true));
        } else {
            for (String part : texts) {
                IntentScores scores = classify(current, part);
                // « Merci de lancer les inscriptions en tout cas. » reads as thanks, but asks to act.
                // « … ? et vous êtes joignables quand ? Merci beaucoup ! » asks, whatever its thanks weigh.
                if (scores.best() == Intent.GREETING && Signals.asksToAct(part).isEmpty() && !part.contains("?")) {
                    continue;
                }
                PartOutcome outcome = decidePart(question, current, part, scores, false);
                if (asksAboutRecordedRequest(outcome, outcomes)) {
                    // « Le conseil souhaite adhérer. Pouvez-vous nous confirmer qui signe la convention ? »: the
                    // request is recorded by the part before; this one asks a question about it, which the classifier
                    // reads as the same request again. It is answered as the question it is.
                    outcome = decidePart(question, current, part, QUESTION_ONLY, false);
                }
                if (isHandedOver(outcome) && QuestionFocus.relays(part)) {
                    // « Bonjour Mme Dupont, pouvez-vous voir avec Somme Numérique ? »: the words that pass the
                    // question on, not a question of their own.
                    continue;
                }
                PartOutcome previous = outcomes.isEmpty() ? null : outcomes.get(outcomes.size() - 1);
                if (previous != null && isLeftOver(outcome) && previous.part().kind() == DecisionKind.ANSWER
                        && !(listed && knowledgeBase.normalizedTerms(part).size() > CONTINUATION_MAX_TERMS)
                        && !asksSomethingElse(outcome, previous.part().articleIds())) {
                    // « C'était pendant le Covid je crois ? »: a continuation of the previous question, not a new one.
                    Optional<PartOutcome> merged = answeredTogether(question, current, previous, part);
                    if (merged.isPresent()) {
                        outcomes.set(outcomes.size() - 1, merged.get());
                        continue;
                    }
                }
                if (previous != null && previous.part().kind() == DecisionKind.ANSWER
                        && outcome.part().kind() == DecisionKind.ANSWER && continues(part)
                        && knowledgeBase.normalizedTerms(part).size() <= CONTINUATION_MAX_TERMS
                        && !outcome.part().articleIds().contains(previous.part().articleIds().get(0))
                        && !namesItsOwnArticle(part, outcome, previous)) {
                    // « … la séance qui a validé la charte, les convocations étaient parties quand ? Et la délib a été
                    // affichée quand ? »: « Et la délib » is the deliberation of the question before, not any act.
                    // A short follow-up only (a longer one names its own subject: « et le préfet a combien de temps
                    // pour contester une délib ? »), and only when the two questions together still point to the
                    // previous article: it answers both.
                    Optional<PartOutcome> merged = answeredTogether(question, current, previous, part);
                    if (merged.isPresent()) {
                        outcomes.set(outcomes.size() - 1, merged.get());
                        continue;
                    }
                }
                if (previous != null && previous.part().kind() == DecisionKind.OUT_OF_SCOPE && !previous.articles().isEmpty()
                        && outcome.part().kind() == DecisionKind.ANSWER && whole.best() == Intent.OUT_OF_SCOPE) {
                    // « … peut-on dissoudre le CCAS ? et faut-il une délibération du conseil ? »: in a message the
                    // classifier reads as a municipal matter, a part after the one a topic card answered asks on about
                    // that matter; the card says where to turn for both, an article on deliberations would not.
                    outcomes.set(outcomes.size() - 1, previous.continuedBy(part));
                    continue;
                }
                if (previous != null && previous.part().kind() == DecisionKind.OUT_OF_SCOPE
                        && (leansOnContext(outcome) || isHandedOver(outcome) || (continues(part)
                        && knowledgeBase.normalizedTerms(part).size() <= CONTINUATION_MAX_TERMS))
                        && current.services().detect(part).stream().noneMatch(ServiceArea::isPlatform)) {
                    // « comment recruter un remplaçant titulaire ? faut-il publier une annonce quelque part ? »: the
                    // second question is about the first one's municipal matter, not about procurement notices.
                    String joined = previous.part().text() + " " + part;
                    PartOutcome merged = decidePart(question, current, joined, classify(current, joined), false);
                    if (merged.part().kind() != DecisionKind.ANSWER
                            || !merged.part().articleIds().equals(outcome.part().articleIds())) {
                        outcomes.set(outcomes.size() - 1, merged);
                        continue;
                    }
                }
                outcomes.add(outcome);
            }
            // A part the knowledge base cannot answer alone (« il faut une délibération, autre chose ? ») often
            // only details the question: when the whole message is answered as one, the whole message wins. Not when
            // that part points to another article (a second question the whole answer leaves unanswered), nor when
            // the whole answer would drop a request the parts recorded.
            boolean leftOver = outcomes.stream().anyMatch(DecisionEngine::isLeftOver);
            if (outcomes.isEmpty() || leftOver) {
                // The whole message decided as one part, only when it may win: deciding on the longest text, with
                // its searches, took about a third of a long message's decision.
                PartOutcome single = decidePart(question, current, text, whole, true);
                List<PartOutcome> parted = outcomes;
                boolean wholeAnswersAll = single.part().kind() == DecisionKind.SUBSCRIPTION
                        || (single.part().kind() == DecisionKind.ANSWER
                        && parted.stream().noneMatch(o -> o.subscriptionKind() != null)
                        && parted.stream().filter(DecisionEngine::isLeftOver)
                        .noneMatch(o -> asksSomethingElse(o, single.part().articleIds()))
                        // « 1) si elle doit signer son offre, 2) avec quel certificat, 3) si vous acceptez le
                        // DUME »: nor when it drops an article that answered a part on its own.
                        && parted.stream().filter(o -> o.part().kind() == DecisionKind.ANSWER)
                        .allMatch(o -> single.part().articleIds().contains(o.part().articleIds().get(0))));
                // A message whose whole is a municipal matter of a topic card, with parts that are either out of
                // scope or unanswered for want of an article (« le recensement c'est quelle année ? »): the card
                // answers all.
                boolean wholeOutOfScope = single.part().kind() == DecisionKind.OUT_OF_SCOPE
                        && !single.articles().isEmpty() && parted.stream()
                        .allMatch(o -> isLeftOver(o) || o.part().kind() == DecisionKind.OUT_OF_SCOPE);
                if (outcomes.isEmpty() || wholeAnswersAll || wholeOutOfScope) {
                    outcomes = new ArrayList<>(List.of(single));
                }
            }
            // « J'ai transmis ce matin la délibération du mauvais conseil. Est-il possible d'annuler un envoi ? »: a
            // statement that asks nothing and names no incident word, which the classifier only leans to read as an
            // incident, is the context of the question answered next to it, not a second problem.
            if (outcomes.stream().anyMatch(o -> o.part().kind() == DecisionKind.ANSWER)) {
                outcomes.removeIf(DecisionEngine::isContextOnly);
                // « Notre commune a 1 809 habitants. Est-ce qu'on rentre dans les clous pour l'aide européenne ? »: in a
                // message the classifier reads as a question, the commune's size, read as a membership by the classifier
                // alone, with no word that asks for anything, is the context of the question answered beside it. (« Le
                // conseil a voté l'adhésion. » asks nothing in words either, but it is a request.)
                if (whole.best() == Intent.QUESTION) {
                    outcomes.removeIf(o -> isContextRequest(o) && PopulationInText.find(o.part().text()).isPresent());
                }
            }
            // « Pouvez-vous me confirmer le nom du tiers de télétransmission ? Notre préfecture nous le demande pour
            // l'avenant. »: a statement after a question, asking nothing in words and read as a request by the
            // classifier alone, says why the question is asked.
            for (int i = outcomes.size() - 1; i > 0; i--) {
                PartOutcome before = outcomes.get(i - 1);
                if (isContextRequest(outcomes.get(i)) && before.subscriptionKind() == null
                        && before.part().text().contains("?")) {
                    outcomes.remove(i);
                }
            }
            // « Nous avons envoyé notre dossier d'adhésion le 3 novembre. … où en est notre dossier ? »: what was sent
            // is the context of the follow-up an agent must look at, not a new request.
            if (outcomes.stream().anyMatch(o -> o.incident() && Signals.stateOfFile(o.part().text()).isPresent())) {
                outcomes.removeIf(DecisionEngine::isContextRequest);
            }
        }
        outcomes = withQuestionsBeside(question, current, outcomes);
        outcomes = mergeSameArticle(outcomes);
        outcomes.forEach(o -> parts.add(o.part()));
        return combine(question, text, whole, outcomes, current);
    }

    /**
     * « Ajoutez-moi à la formation marchés svp, et tant que j'y suis : à partir de combien on publie au BOAMP ? »: a
     * request that goes on, after its ask, to a question of its own. The request is recorded and the question
     * answered beside it when an article answers it; else the agent who takes the request reads it there.
     */
    private List<PartOutcome> withQuestionsBeside(Question question, Model current, List<PartOutcome> outcomes) {
        List<PartOutcome> result = new ArrayList<>();
        for (PartOutcome outcome : outcomes) {
            result.add(outcome);
            String text = outcome.part().text();
            Optional<String> beside = outcome.subscriptionKind() == null ? Optional.empty()
                    : Signals.askToActEnd(text).flatMap(end -> MessageParts.questionAfter(text, end))
                    .filter(q -> Signals.asksToAct(q).isEmpty() && !Signals.asksForSomething(q) && standsAlone(q))
                    .filter(q -> outcomes.stream().noneMatch(o -> o != outcome
                            && o.part().text().contains(q.replace(" ?", ""))));
            beside.map(q -> decidePart(question, current, q, QUESTION_ONLY, false))
                    .filter(o -> o.part().kind() == DecisionKind.ANSWER)
                    .ifPresent(result::add);
        }
        return result;
    }

    /**
     * A question cut from the request before it that still says what it asks: two informative words (« il faut un
     * certificat spécial ? »), or a question to us (« vous êtes là à quelles heures ? »). « c'est payant ? », « quelle
     * est la suite ? » only make sense with the request.
     */
    private boolean standsAlone(String question) {
        return knowledgeBase.normalizedTerms(question).size() >= MIN_FOCUSED_TERMS || TO_US.matcher(question).find();
    }

    /**
     * A message the classifier reads as greetings first is greetings alone, answered with the assistant's introduction:
     * <ul>
     * <li>when greetings are at least even odds, or the message says almost nothing; or when greetings are likely
     * enough, with no incident word and no article sharing even a poor part of the message (« vous êtes un robot ? »);
     * <li>but not when an article covers it well, on several words (« Merci pour votre aide de ce matin ! Petite
     * question : êtes-vous ouverts le lundi de Pâques ? »), unless greetings are sure (« merci pour votre aide, bonne
     * fin d'année » shares three words with the article on the funding; « ça va ? » shares one word with an article,
     * « bon courage pour la fin d'année » two with a poor coverage);
     * <li>nor when its question sentence, read alone, is no greeting (« Bonjour, je suis secrétaire depuis septembre
     * … je découvre tout. C'est quel éditeur votre plateforme marchés ? Merci de votre patience. »).
     * </ul>
     */
    private boolean greetingsAlone(Model current, IntentScores scores, String text) {
        double greetings = scores.probability(Intent.GREETING);
        Optional<SearchHit> closest = knowledgeBase.search(text, 1).best();
        boolean nothingElseToRead = greetings >= MIN_INTENT_PROBABILITY && Signals.incident(text).isEmpty()
                && closest.filter(h -> h.coverage() >= RELATED_COVERAGE).isEmpty();
        boolean coveredWell = closest.filter(h -> h.coverage() >= STRONG_COVERAGE
                && h.matchedTerms().size() >= MIN_TOPIC_TERMS).isPresent();
        return (greetings >= HEAD_PROBABILITY || saysAlmostNothing(text) || nothingElseToRead)
                && (greetings >= SURE_GREETING || !coveredWell)
                && QuestionFocus.of(text).filter(asked -> classify(current, asked).best() != Intent.GREETING).isEmpty();
    }

    /**
     * « merci pour hier ! »: no question, no incident word, at most one informative word. With a greeting the likeliest
     * intent, such a message thanks or greets, whatever the classifier's (spread) probability.
     */
    private boolean saysAlmostNothing(String text) {
        return !text.contains("?") && Signals.incident(text).isEmpty()
                && knowledgeBase.normalizedTerms(text).size() <= 1;
    }

    /**
     * A part read as a request by the classifier alone (no word of its own asks to act), that asks a question with a
     * question word, after a part that already records the same request.
     */
    private static boolean asksAboutRecordedRequest(PartOutcome outcome, List<PartOutcome> before) {
        String text = outcome.part().text();
        return outcome.subscriptionKind() != null && text.contains("?") && ASKED_WORD.matcher(text).find()
                && Signals.asksToAct(text).isEmpty() && Signals.leaving(text).isEmpty()
                && before.stream().anyMatch(o -> o.subscriptionKind() == outcome.subscriptionKind());
    }

    /**
     * The previous question and this part decided as one, when that answers from the previous question's article:
     * the part only went on with it.
     */
    private Optional<PartOutcome> answeredTogether(Question question, Model current, PartOutcome previous, String part) {
        String joined = previous.part().text() + " " + part;
        PartOutcome merged = decidePart(question, current, joined, classify(current, joined), false);
        return merged.part().kind() == DecisionKind.ANSWER
                && merged.part().articleIds().get(0).equals(previous.part().articleIds().get(0))
                ? Optional.of(merged) : Optional.empty();
    }

    /**
     * « … un avenant ? et le certificat c'est quoi comme type ? »: the follow-up names the subject of its own article, in
     * that article's title and not in the previous one's: a new subject, not the previous question's. A word many
     * articles know (« délib », « quand ») names no subject.
     */
    private boolean namesItsOwnArticle(String part, PartOutcome outcome, PartOutcome previous) {
        List<String> own = titleTerms(outcome.part().articleIds().get(0));
        List<String> before = titleTerms(previous.part().articleIds().get(0));
        return knowledgeBase.normalizedTerms(part).stream().anyMatch(t -> own.contains(t) && !before.contains(t)
                && knownByAtMost(t, SUBJECT_MAX_ARTICLES));
    }

    private List<String> titleTerms(String articleId) {
        return knowledgeBase.article(articleId).map(a -> knowledgeBase.normalizedTerms(a.title())).orElse(List.of());
    }

    /** A part handed over for want of an article, or read as a precision: maybe the end of the previous question. */
    private static boolean isLeftOver(PartOutcome outcome) {
        return outcome.part().kind() == DecisionKind.TICKET && !outcome.incident()
                && (outcome.part().articleIds().isEmpty() || Intent.FOLLOW_UP.code().equals(outcome.part().intent()));
    }

    /**
     * A part left over whose own closest article, found on a good share of its words, is none of those answering:
     * a question of its own (« et ensuite le préfet a combien de temps pour réagir ? »), not a detail of theirs
     * (« il a cb de temps en tout ? », one word shared with an article on something else).
     */
    private boolean asksSomethingElse(PartOutcome leftOver, List<String> answeringIds) {
        return knowledgeBase.search(leftOver.part().text(), 1).best()
                .filter(h -> h.coverage() >= RELATED_COVERAGE && h.matchedTerms().size() >= MIN_TOPIC_TERMS
                        && !answeringIds.contains(h.article().id()))
                .isPresent();
    }

    /**
     * A question handed over, not an incident: after a municipal matter (« … on est 260 hab, c'est combien
     * maintenant ? »), often one that only the matter before it gives a subject to.
     */
    private static boolean isHandedOver(PartOutcome outcome) {
        return outcome.part().kind() == DecisionKind.TICKET && !outcome.incident();
    }

    /** An answer on a weak match: a question that may only make sense with the one before it. */
    private static boolean leansOnContext(PartOutcome outcome) {
        return outcome.part().kind() == DecisionKind.ANSWER && outcome.part().confidence() < STRONG_COVERAGE;
    }

    /** A part read as an incident by the classifier alone, unsure, with no incident word and no question. */
    private static boolean isContextOnly(PartOutcome outcome) {
        DecisionPart part = outcome.part();
        return outcome.incident() && !part.text().contains("?") && Signals.incident(part.text()).isEmpty()
                && part.confidence() < CONTEXT_INCIDENT_PROBABILITY;
    }

    /** A request part that asks nothing in words (no ask, no question mark): the classifier's reading alone. */
    private static boolean isContextRequest(PartOutcome outcome) {
        String text = outcome.part().text();
        return outcome.subscriptionKind() != null && !text.contains("?") && !Signals.asksForSomething(text)
                && Signals.asksToAct(text).isEmpty() && Signals.leaving(text).isEmpty();
    }

    private IntentScores classify(Model current, String text) {
        return current.classifier() == null ? new IntentScores(Map.of(Intent.QUESTION, 1.0))
                : current.classifier().classify(POLITE_ASK.matcher(text).replaceAll("vous pouvez "));
    }

    private static boolean isHead(IntentScores scores) {
        Intent best = scores.best();
        return best != Intent.GREETING && best != Intent.QUESTION && best != Intent.OUT_OF_SCOPE
                && scores.probability(best) >= HEAD_PROBABILITY;
    }

    /** One part and what it needs: its decision, the articles behind it, its services and search. */
    private record PartOutcome(DecisionPart part, List<Article> articles, List<ServiceArea> services,
                               List<ArticleRef> candidates, SubscriptionKind subscriptionKind, boolean incident,
                               List<Article> related) {

        /** This outcome, for its part and the part after it that asks on about the same matter. */
        PartOutcome continuedBy(String next) {
            DecisionPart p = part;
            return new PartOutcome(new DecisionPart(p.text() + " " + next, p.intent(), p.kind(), p.reply(), p.articleIds(),
                    p.passages(), p.confidence(), p.reason()), articles, services, candidates, subscriptionKind, incident,
                    related);
        }
    }

    private PartOutcome decidePart(Question question, Model current, String text, IntentScores scores, boolean whole) {
        List<ServiceArea> services = current.services().detect(text);
        SearchResult search = knowledgeBase.search(text, CANDIDATES);
        List<ArticleRef> candidates = refs(search.hits());
        double coverage = search.best().map(SearchHit::coverage).orElse(0.0);
        boolean covered = search.best().filter(h -> covers(h, search)).isPresent();
        Intent best = trustedIntent(scores, text, whole && covered, !whole || covered);
        String intent = scores.best().code();

        // « Où en est notre dossier ? » about something already sent: an agent must look at it, whatever is asked;
        // unless the classifier is sure the matter is not ours (« je relance pour la 3e fois ma demande de compte »
        // it reads as out of scope at 31 %).
        boolean surelyOutOfScope = best == Intent.OUT_OF_SCOPE
                && scores.probability(Intent.OUT_OF_SCOPE) >= OUT_OF_SCOPE_PROBABILITY;
        Optional<String> stateOfFile = surelyOutOfScope ? Optional.empty() : Signals.stateOfFile(text);
        Optional<String> saysItFails = Signals.incident(text);
        Optional<String> incidentWord = saysItFails.or(() -> stateOfFile);
        // An incident word next to a service (« en statut erreur sur Actes ») is a hard fact, whatever the wording.
        // So is a sending on a closed day: its acknowledgement awaited is the Actes article's question, not a fault.
        boolean incident = Signals.acknowledgementAfterClosedDay(text).isEmpty()
                && (best == Intent.INCIDENT || stateOfFile.isPresent()
                || (incidentWord.isPresent() && !best.isRequest()
                && ((!surelyOutOfScope && scores.probability(Intent.INCIDENT) >= INCIDENT_SIGNAL_PROBABILITY)
                || (services.stream().anyMatch(ServiceArea::isPlatform) && !surelyAQuestion(scores, text))
                // « La visio du conseil coupe au bout de dix minutes sur votre plateforme »: a statement that
                // something fails, asking nothing, is reported to us.
                || (!surelyOutOfScope && saysItFails.isPresent() && !text.contains("?")
                && !QuestionFocus.asksWithoutMark(text))
                // « on nous a facturé Mairie connectée deux fois cette année, c normal ? »: whether what went wrong is
                // normal is for an agent to check.
                || (!surelyOutOfScope && saysItFails.isPresent() && Signals.asksWhatWentWrong(text)))));
        if (incident) {
            return new PartOutcome(part(text, Intent.INCIDENT.code(), DecisionKind.TICKET, ReplyTexts.partIncident(),
                    List.of(), List.of(), scores.probability(Intent.INCIDENT), "incident signalé"
                    + incidentWord.map(w -> " : « " + w + " »").orElse(" (" + percent(scores.probability(Intent.INCIDENT))
                    + ")")), List.of(), services, candidates, null, true, List.of());
        }
        Optional<String> leaving = Signals.leaving(text);
        if (leaving.isPresent()) {
            SubscriptionKind kind = SubscriptionKind.ACCOUNT_CLOSE;
            return new PartOutcome(part(text, Intent.ACCOUNT_CLOSE.code(), DecisionKind.SUBSCRIPTION, "", List.of(),
                    List.of(), scores.probability(Intent.ACCOUNT_CLOSE), "demande de sortie de l'offre : « "
                    + leaving.get() + " »"), List.of(), services, candidates, kind, false, List.of());
        }
        Optional<String> notOurs = best.isRequest() && services.stream().noneMatch(ServiceArea::isPlatform)
                ? Signals.notOurRequest(text) : Optional.empty();
        if (notOurs.isPresent()) {
            // « Pouvez-vous inscrire notre cantonnier à une formation CACES ? »: another body provides it; the commune
            // is told where to turn, and nothing is recorded as a request to us.
            PartOutcome elsewhere = outOfScopePart(text, intent, scores, Optional.empty(), candidates, coverage);
            return withReason(elsewhere, elsewhere.part().reason() + " ; demande qui ne nous revient pas : « "
                    + notOurs.get() + " »");
        }
        if (best.isRequest() || (scores.requestProbability() > HEAD_PROBABILITY
                && scores.probability(scores.bestRequest()) >= MIN_REQUEST_PROBABILITY && best == Intent.FOLLOW_UP)) {
            Intent request = best.isRequest() ? best : scores.bestRequest();
            return requestPart(text, request, scores.probability(request), Signals.asksToAct(text)
                    .map(ask -> "« " + ask + " »").orElse(percent(scores.probability(request))), services, candidates);
        }
        if (best == Intent.FOLLOW_UP) {
            return new PartOutcome(part(text, intent, DecisionKind.TICKET, ReplyTexts.followUp(), List.of(), List.of(),
                    scores.probability(best), "précision sur un message précédent (" + percent(scores.probability(best))
                    + ")"), List.of(), services, candidates, null, false, List.of());
        }
        SearchResult topics = knowledgeBase.searchWithTopics(text, CANDIDATES);
        Optional<SearchHit> topic = card(topics);
        Optional<SearchHit> confidentArticle = search.best().filter(h -> covers(h, search));
        // Sure it is out of scope and naming no service: only an article that covers the question very well, better
        // than any topic card, may still answer it (one shared word is not enough).
        boolean strongArticle = confidentArticle.filter(h -> h.coverage() >= STRONG_COVERAGE).isPresent();
        // « la préfecture nous relance pour le compte administratif, c'est quoi la date limite de vote ? »: a short
        // message the classifier nearly surely reads as a municipal matter, naming the préfecture but not the offer.
        boolean nearlySurelyMunicipal = scores.probability(Intent.OUT_OF_SCOPE) >= VERY_LIKELY_OUT_OF_SCOPE
                && knowledgeBase.normalizedTerms(text).size() <= VERY_LIKELY_MAX_TERMS && !Signals.namesTheOffer(text);
        boolean outOfScope = !strongArticle && (nearlySurelyMunicipal
                || best == Intent.OUT_OF_SCOPE && scores.probability(best) >= OUT_OF_SCOPE_PROBABILITY
                && current.services().detectOutright(text).isEmpty());
        // A topic card that covers the question better than any article: a municipal matter, not ours.
        boolean topicWins = topics.best().filter(card -> card.article().outOfScope() && card.matchedTerms().size()
                >= MIN_TOPIC_TERMS && (covers(card, topics) || dominates(card, topics))).isPresent();
        // « pour un pacs en mairie c'est quoi les pièces ? »: the classifier reads a municipal matter and a card names a
        // word no article knows; the article found, not far ahead, only shares common words (« pièces », « demander »).
        // Whatever the classifier reads, a card that covers far more of the message than any article and names a word
        // no article knows (« les délégués du conseil municipal pour les sénatoriales, comment on les élit ? »).
        Optional<SearchHit> topArticle = topics.hits().stream().filter(h -> !h.article().outOfScope()).findFirst();
        double articleCoverage = topArticle.map(SearchHit::coverage).orElse(0.0);
        // The word must be among the card's subjects (its tags), not a verb of a sample question (« fixé »).
        boolean cardNamesIt = topic.filter(card -> best == Intent.OUT_OF_SCOPE ? namesWhatNoArticleKnows(card, topics)
                : card.coverage() >= articleCoverage + CARD_COVERAGE_LEAD && !articleFarAhead(card, topics)
                && tagsNameWhatNoArticleKnows(card)).isPresent();
        // « la secrétaire veut passer titulaire, comment on fait ? »: the classifier leans to a municipal matter (its best
        // reading, however unsure), and a topic card matches, one of its subjects among them, as much of the message as
        // the best article does (« titulaire » of a certificate), nearly as strongly: the card's matter, not the
        // article's. One subject word is enough when the card scores at least as high as the article (« vous pouvez
        // faire nos fiches de paie ? »: « paie » is the card's subject, the article on funding only shares it). A card
        // scoring above the article may cover somewhat less of the message: « recruter un agent contractuel … un modèle
        // de contrat ? » is a staff matter though the article on transmission delays names agents' contracts too.
        Optional<SearchHit> tiedCard = scores.best() != Intent.OUT_OF_SCOPE || !services.isEmpty() ? Optional.empty()
                : topics.hits().stream().filter(h -> h.article().outOfScope()).findFirst()
                .filter(card -> (card.matchedTerms().size() >= MIN_TOPIC_TERMS
                        || topArticle.filter(a -> card.score() >= a.score()).isPresent()) && namesASubjectOf(card)
                        && topArticle.map(a -> (card.coverage() >= a.coverage()
                        || card.score() >= a.score() && card.coverage() >= a.coverage() - TIED_CARD_COVERAGE_GAP)
                        && card.score() >= a.score() * CARD_TIE_SCORE_RATIO)
                        .orElse(true));
        // « quel est votre numéro de téléphone svp, le maire voudrait des renseignements avant le conseil »: how to reach
        // us is ours to answer, whatever card the council and the mayor bring up.
        boolean asksOurContact = Signals.asksOurContact(QuestionFocus.of(text).orElse(text));
        if (tiedCard.isPresent() && !asksOurContact) {
            return outOfScopePart(text, intent, scores, tiedCard, candidates, coverage);
        }
        if ((topicWins || cardNamesIt || outOfScope && services.isEmpty()) && !asksOurContact) {
            return outOfScopePart(text, intent, scores, topic, candidates, coverage);
        }
        PartOutcome asQuestion = questionPart(question, current, text, intent, scores, search, topics, topic, services,
                candidates, whole);
        if (outOfScope && !asksOurContact && asQuestion.part().kind() != DecisionKind.OUT_OF_SCOPE) {
            // « faut-il une délibération pour accepter un don ? »: a service named only in passing; the question is
            // still read as one, for the card it may find, but not answered from an article.
            return outOfScopePart(text, intent, scores, topic, candidates, coverage);
        }
        return asQuestion;
    }

    /**
     * The intent the part is handled as. When the classifier is unsure, the knowledge base decides: the message is
     * searched like a question. Not when the requests together are the likelier reading and no article answers the
     * message (« les accès de l'ancien maire fermés et qu'on en ouvre pour lui »: creation, transfer and closing share
     * the probability, none is sure alone); « votre num de tel svp » is answered. A short part of a longer message
     * (« pouvez-vous vérifier si mes droits ont changé ? » after a broken button) says too little to be read so.
     */
    private static Intent trustedIntent(IntentScores scores, String text, boolean wholeCovered, boolean answered) {
        if (Signals.eligibilityQuestion(text) && scores.best().isRequest()) {
            return Intent.QUESTION;
        }
        if (scores.best() == Intent.INCIDENT && scores.probability(Intent.INCIDENT) < HEAD_PROBABILITY && wholeCovered
                && text.contains("?") && Signals.incident(text).isEmpty() && Signals.stateOfFile(text).isEmpty()) {
            // « les entreprises qui téléchargent nos dossiers … doivent payer quelque chose ? »: an unsure incident
            // with no word of one, in a message an article answers as a whole.
            return Intent.QUESTION;
        }
        if (scores.best().isRequest() && text.contains("?") && PopulationInText.find(text).isPresent()
                && !Signals.asksForSomething(text) && Signals.asksToAct(text).isEmpty()) {
            // « ns on est 240 hab, le pack est financé à cb % par l'Europe ? »: the commune's size, which the classifier
            // reads as a membership, in a message that asks a question and no word that asks for anything.
            return Intent.QUESTION;
        }
        if (scores.best().isRequest() && Signals.asksToAct(text).isEmpty() && Signals.leaving(text).isEmpty()
                && (QuestionFocus.asksToBeTold(text) || ASKS_IF_WE_KNOW.matcher(text).find())) {
            // « merci de me dire combien de temps il faut les laisser », « vous savez où elle doit s'inscrire ? »: asks
            // to be told something, not to be done something, whatever the words of a request around it.
            return Intent.QUESTION;
        }
        if (Signals.asksToAct(text).isPresent()) {
            // « il faudrait me créer un compte … Au passage, dans quel délai … ? »: an explicit ask to act is recorded,
            // whatever else the message asks (its question is answered as a part of its own). « je veux adhérer »
            // names its request: three words leave the classifier guessing between requests.
            return Signals.asksToAct(text).filter(ask -> JOIN.matcher(ask).find()).map(ask -> Intent.MEMBERSHIP)
                    .orElseGet(() -> requestOfVerbs(scores, text));
        }
        if (scores.best() == Intent.QUESTION && scores.probability(Intent.MEMBERSHIP)
                >= scores.probability(Intent.QUESTION) * HESITATION_SHARE && Signals.asksForSomething(text)
                && !WISH_TO_KNOW.matcher(text).find()) {
            // « le conseil souhaite bénéficier de Mairie connectée. Que faut-il faire pour s'inscrire ? »: the
            // classifier hesitates between a question and a membership, and the commune says what it wants.
            return Intent.MEMBERSHIP;
        }
        double asking = scores.probability(Intent.QUESTION) + scores.probability(Intent.OUT_OF_SCOPE);
        if (scores.best().isRequest() && scores.probability(scores.best()) < HEAD_PROBABILITY && text.contains("?")
                && !Signals.asksForSomething(text) && asking >= scores.probability(scores.best()) * ASKING_SHARE) {
            // « on est 450 habitants … on peut le supprimer ? »: a population or a staff change read as a request, in a
            // message that asks a question the classifier nearly takes for one, and no word that asks for something.
            return Intent.QUESTION;
        }
        if (scores.probability(scores.best()) >= MIN_INTENT_PROBABILITY) {
            return scores.best();
        }
        // A few words (« Question », « Mairie de Rue ») spread the classifier evenly, and most intents are requests:
        // their shared probability says something only well above its share under an even spread.
        // A message that hardly reads as a question is not answered, whatever article shares its words.
        // Two words (« nous dire ») or a commune's name alone say too little to record anything on that share alone.
        return (!answered || asking < MIN_QUESTION_PROBABILITY) && scores.requestLift() >= MIN_REQUEST_LIFT
                && !Signals.eligibilityQuestion(text) && WORD.split(text.strip()).length >= MIN_REQUEST_WORDS
                && !Signals.onlyNamesAPlace(text) ? scores.bestRequest() : Intent.QUESTION;
    }

    /**
     * The request the verbs of an ask name, the classifier choosing among the requests they allow: « ouvrez un accès
     * marchés à Mme Roger » creates an account (or adds a service), whatever words of membership the message has;
     * « supprimez ses accès » closes one; « que mes accès remplacent ceux de mon prédécesseur » transfers them. Verbs
     * of several kinds (« fermez son compte et créez-en un pour sa remplaçante ») or none (« merci de lancer ») leave
     * the classifier's best request.
     */
    private static Intent requestOfVerbs(IntentScores scores, String text) {
        List<Set<Intent>> named = REQUEST_VERBS.entrySet().stream().filter(e -> e.getKey().matcher(text).find())
                .map(Map.Entry::getValue).toList();
        return named.size() != 1 ? scores.bestRequest() : named.get(0).stream()
                .max(Comparator.comparingDouble(scores::probability)).orElseThrow();
    }

    /**
     * A message the classifier is sure asks a question, with a question mark: an incident word in it belongs to what is
     * asked about (« moi je dis qu'on ne peut pas l'appliquer avant… qui a raison ? »), not to a breakdown.
     */
    private static boolean surelyAQuestion(IntentScores scores, String text) {
        return text.contains("?") && scores.probability(Intent.QUESTION) >= SURE_QUESTION_PROBABILITY;
    }

    /**
     * The message asks for something to be done, in words (« le maire souhaite que… », « pouvez-vous… ») or in the
     * classifier's reading (requests together at least as likely as a question), but not whether the commune
     * qualifies. « Comment demander un compte ? » only asks how.
     */
    private static boolean asksFor(IntentScores scores, String text) {
        return !Signals.eligibilityQuestion(text)
                && ((Signals.asksForSomething(text) && !QuestionFocus.asksToBeTold(text))
                || scores.requestProbability() >= scores.probability(Intent.QUESTION));
    }

    /** A request recorded for the team; {@code why} says in the reason what made it one. */
    private static PartOutcome requestPart(String text, Intent request, double confidence, String why,
                                           List<ServiceArea> services, List<ArticleRef> candidates) {
        SubscriptionKind kind = SubscriptionKind.of(request).orElseThrow();
        return new PartOutcome(part(text, request.code(), DecisionKind.SUBSCRIPTION, "", List.of(), List.of(), confidence,
                "demande : " + kind.label().toLowerCase(java.util.Locale.ROOT) + " (" + why + ")"), List.of(), services,
                candidates, kind, false, List.of());
    }

    /** The out-of-scope card that covers the message; one matched word is enough when no article knows it. */
    private Optional<SearchHit> card(SearchResult topics) {
        return topics.hits().stream().filter(h -> h.article().outOfScope())
                .filter(h -> h.coverage() >= RELATED_COVERAGE && (h.matchedTerms().size() >= MIN_TOPIC_TERMS
                        || h.matchedTerms().stream().anyMatch(this::noArticleKnows))).findFirst();
    }

    /**
     * A topic card far ahead of every article in one search (« le recensement … les agents recenseurs sont payés par
     * qui ? »): the articles only share incidental words (« payés », « année ») with the message.
     */
    private static boolean dominates(SearchHit card, SearchResult topics) {
        return topics.hits().stream().filter(h -> !h.article().outOfScope()).findFirst()
                .map(article -> card.score() >= article.score() * TOPIC_LEAD).orElse(true);
    }

    /** A card that matched a word no article knows, with no article scoring far ahead of it: the subject is its. */
    private boolean namesWhatNoArticleKnows(SearchHit card, SearchResult topics) {
        return card.matchedTerms().stream().anyMatch(this::noArticleKnows) && !articleFarAhead(card, topics);
    }

    /** The card matches one of its subjects (its tags), not only words its sample questions happen to use. */
    private boolean namesASubjectOf(SearchHit card) {
        Set<String> subjects = subjects(card);
        return card.matchedTerms().stream().anyMatch(t -> Arrays.stream(t.split("\\|")).anyMatch(subjects::contains));
    }

    private boolean tagsNameWhatNoArticleKnows(SearchHit card) {
        Set<String> subjects = subjects(card);
        return card.matchedTerms().stream().anyMatch(t -> subjects.contains(t) && noArticleKnows(t));
    }

    /** The normalized terms of a card's subjects (its tags). */
    private Set<String> subjects(SearchHit card) {
        return new HashSet<>(knowledgeBase.normalizedTerms(String.join(" ", card.article().tags())));
    }

    /**
     * The converse: an article far ahead of the card in the same search is the message's subject. Not one that only
     * scores on common words while the card covers far more of the message (« les délégués du conseil municipal pour
     * les sénatoriales » shares « conseil municipal » with the article on convocations).
     */
    private static boolean articleFarAhead(SearchHit card, SearchResult topics) {
        return topics.hits().stream().filter(h -> !h.article().outOfScope()).findFirst()
                .map(article -> article.score() >= card.score() * TOPIC_LEAD
                        && article.coverage() + CARD_COVERAGE_LEAD > card.coverage()).orElse(false);
    }

    private PartOutcome outOfScopePart(String text, String intent, IntentScores scores, Optional<SearchHit> found,
                                       List<ArticleRef> candidates, double coverage) {
        // Out of scope, but a long self-introduction hides the matter: its card is looked for on the question alone.
        // Or the matter is told in a sentence of context and the question only asks « à qui s'adresser ? ».
        // Of the cards the question and the sentences find, the one that shares the most telling words: « le maire
        // souhaite savoir à qui s'adresser » finds a card on « s'adresser » alone, the bureau de vote before it more.
        Optional<SearchHit> topic = found.or(() -> Stream.concat(QuestionFocus.of(text).stream(),
                        SENTENCE_END.splitAsStream(text).filter(s -> !s.isBlank()))
                .map(s -> card(knowledgeBase.searchWithTopics(s, CANDIDATES))).flatMap(Optional::stream)
                .max(Comparator.comparingDouble(SearchHit::score)));
        if (topic.isPresent()) {
            Article card = topic.get().article();
            return new PartOutcome(part(text, intent, DecisionKind.OUT_OF_SCOPE, ReplyTexts.outOfScope(card),
                    List.of(card.id()), List.of(card.text()), topic.get().coverage(), "hors sujet : « " + card.title()
                    + " » (couverture " + percent(topic.get().coverage()) + ")"), List.of(card), List.of(), candidates,
                    null, false, List.of());
        }
        return new PartOutcome(part(text, intent, DecisionKind.OUT_OF_SCOPE, ReplyTexts.outOfScope(), List.of(), List.of(),
                scores.probability(Intent.OUT_OF_SCOPE), "hors sujet (" + percent(scores.probability(Intent.OUT_OF_SCOPE))
                + "), aucune fiche d'orientation ne correspond (meilleure couverture " + percent(coverage) + ")"),
                List.of(), List.of(), candidates, null, false, List.of());
    }

    private PartOutcome questionPart(Question question, Model current, String text, String intent, IntentScores scores,
                                     SearchResult search, SearchResult topics, Optional<SearchHit> topic,
                                     List<ServiceArea> services,
                                     List<ArticleRef> candidates, boolean whole) {
        String original = whole ? question.text() : text;
        List<String> unknownAcronyms = unknownAcronyms(original, search);
        // « toujours pas 😕 »: a message the classifier hardly takes for a question is not answered from an article
        // that shares a word with it; one that asks in words (« vendredi fermé a kel heure ») is a question. A
        // classifier spread evenly over a few words (« numero de tel du standard svp ») says nothing either way: only
        // another intent standing out, or two words at most, make the message « not a question ».
        boolean saysTooLittle = scores.probability(Intent.QUESTION) + scores.probability(Intent.OUT_OF_SCOPE)
                < MIN_QUESTION_PROBABILITY && (scores.probability(scores.best()) >= MIN_INTENT_PROBABILITY
                || LETTERS.matcher(text).results().count() < MIN_REQUEST_WORDS)
                && !Signals.eligibilityQuestion(text) && !Signals.asksInWords(text)
                && Signals.acknowledgementAfterClosedDay(text).isEmpty();
        // « la subvention DETR … quel taux ? »: an acronym no article knows but a topic card names is a municipal
        // matter that card orients, not an unknown word to hand over.
        // Not when an article scores far ahead of that card: « le CCAS a perdu une clé USB avec la liste des
        // bénéficiaires, on doit prévenir quelqu'un ? » is a data breach, whoever lost the key.
        Optional<SearchHit> acronymCard = unknownAcronyms.stream().flatMap(acronym -> topics.hits().stream()
                .filter(h -> h.article().outOfScope()
                        && h.matchedTerms().containsAll(knowledgeBase.normalizedTerms(acronym))))
                .findFirst().filter(card -> !articleFarAhead(card, topics));
        if (acronymCard.isPresent()) {
            return outOfScopePart(text, intent, scores, acronymCard, candidates,
                    search.best().map(SearchHit::coverage).orElse(0.0));
        }
        // No card knows it: the acronym hands the question over only if it matters to what is asked.
        Optional<String> unknownAcronym = unknownAcronyms.stream()
                .filter(acronym -> Acronyms.asked(original, acronym)).findFirst();
        List<SearchHit> confident = unknownAcronym.isPresent() || saysTooLittle ? List.of() : confidentHits(search, whole);
        SearchResult answering = search;
        if (confident.isEmpty() && unknownAcronym.isEmpty() && !saysTooLittle) {
            // Context around the question can hide a good match: try the question sentence alone.
            // « c'est quoi REACT-EU qu'on voit sur vos documents ? »: the thing asked about, alone.
            Optional<String> asked = QuestionFocus.of(text);
            Optional<String> thing = QuestionFocus.whatItIs(asked.orElse(text), text);
            Optional<String> focus = thing.or(() -> asked);
            Optional<SearchResult> focused = focus.map(q -> knowledgeBase.search(q, CANDIDATES));
            boolean leaning = thing.isEmpty() && focused.filter(f -> f.queryTerms().size() < MIN_FOCUSED_TERMS).isPresent();
            if (leaning) {
                // « Concrètement, ça sert à quoi ? » says too little alone: with the sentence before it, which gives
                // it its subject, and without the self-introduction further up. The whole message must then have its
                // best article there: « … Moi je dis que … Qui a raison ? » leans on more than one sentence.
                focused = QuestionFocus.withSentenceBefore(text).map(q -> knowledgeBase.search(q, CANDIDATES));
            }
            if (focused.isPresent() && (focused.get().queryTerms().size() >= MIN_FOCUSED_TERMS || thing.isPresent())) {
                confident = confidentHits(focused.get(), whole);
                if (!confident.isEmpty() && !(leaning ? isBest(confident.get(0), search)
                        : pointsTo(search, confident.get(0)))) {
                    // A short question (« est-ce autorisé ? ») leans on its context: the whole message must point
                    // to the same article, or the sentence alone answers something else.
                    confident = List.of();
                }
                if (!confident.isEmpty()) {
                    answering = focused.get();
                    candidates = refs(focused.get().hits());
                }
            }
        }
        if (confident.isEmpty() && unknownAcronym.isEmpty() && !saysTooLittle
                && Signals.asksOurContact(QuestionFocus.of(text).orElse(text))) {
            // « quel est votre numéro de téléphone svp, le maire voudrait des renseignements avant le conseil »: the
            // context dilutes the coverage; the article found for our phone number and postal address answers.
            SearchResult contact = knowledgeBase.search(OUR_CONTACT, 1);
            confident = ourContact(contact);
            if (!confident.isEmpty()) {
                answering = contact;
            }
        } else if (confident.size() == 1 && Signals.asksOurContact(QuestionFocus.of(text).orElse(text))) {
            // « vs avez encore un fax ? la secrétaire veut vous faxer la délib »: the context brings its own article
            // (deliberations); when the question sentence alone finds the article giving our phone number and
            // address, that article answers.
            SearchResult contact = knowledgeBase.search(OUR_CONTACT, 1);
            List<SearchHit> ours = ourContact(contact);
            boolean askedAlone = QuestionFocus.of(text).map(q -> knowledgeBase.search(q, CANDIDATES))
                    .flatMap(SearchResult::best)
                    .filter(h -> ours.stream().anyMatch(o -> o.article().id().equals(h.article().id()))).isPresent();
            if (askedAlone && !ours.isEmpty() && !ours.get(0).article().id().equals(confident.get(0).article().id())) {
                confident = ours;
                answering = contact;
            }
        }
        Optional<SearchHit> askedLikeIt = Optional.empty();
        double askedLikeProbability = 0;
        // Not for a long story around the question (« mardi après-midi une administrée … vendredi le marché … »): the
        // classifier adds up every word of it, and the days and hours of a week read like questions on our hours.
        if (confident.isEmpty() && unknownAcronym.isEmpty() && !saysTooLittle && current.topics().get() != null
                && scores.requestProbability() < scores.probability(Intent.QUESTION)
                && search.queryTerms().size() <= ASKED_LIKE_MAX_TERMS) {
            // « … j'ai essayé de vous appeler à 13h15 … puis vers 18h même chose » shares few words with the article on
            // the opening hours, but is asked like the questions people wrote about it: the best article answers when
            // the topic classifier, on its own, is nearly sure the message is about that very article. A topic card it
            // is as sure of (and that shares some words) gives its reply: where to turn, not a hand-over.
            TopicScores askedAbout = current.topics().get().classify(text);
            askedLikeIt = search.hits().stream().filter(h -> !h.article().outOfScope()).findFirst()
                    .filter(h -> !h.article().handover() && h.coverage() >= ASKED_LIKE_MIN_COVERAGE
                            && askedAbout.probability(h.article().id()) >= ASKED_LIKE_PROBABILITY);
            askedLikeProbability = askedLikeIt.map(h -> askedAbout.probability(h.article().id())).orElse(0.0);
            Optional<SearchHit> cardLikeIt = askedLikeIt.isPresent() ? Optional.empty() : topics.hits().stream()
                    .filter(h -> h.article().outOfScope() && h.coverage() >= ASKED_LIKE_MIN_COVERAGE
                            && askedAbout.probability(h.article().id()) >= ASKED_LIKE_PROBABILITY).findFirst();
            if (cardLikeIt.isPresent()) {
                return outOfScopePart(text, intent, scores, cardLikeIt, candidates,
                        search.best().map(SearchHit::coverage).orElse(0.0));
            }
            confident = askedLikeIt.stream().toList();
        }
        if (confident.isEmpty() && unknownAcronym.isEmpty() && !saysTooLittle
                && QuestionType.of(text).filter(type -> type == QuestionType.OPENING).isPresent()) {
            // « … quelqu'un décroche chez vous à 8h15 ou je dois attendre ? »: when the support can be reached, which
            // only our opening days answer; the commune's own schedule around it dilutes the coverage. The best
            // article answers if it gives them and shares a good part of the question.
            confident = search.best().filter(h -> !h.article().handover() && h.coverage() >= RELATED_COVERAGE
                    && QuestionType.OPENING.answeredBy(TextNormalizer.normalize(h.article().text()))).stream().toList();
            if (confident.isEmpty()) {
                // « si je vous appelle vers 17h45 il y aura encore quelqu'un ? » shares hardly a word with the
                // article giving our hours: the article found for what the question asks for (the type's own words)
                // answers, if it gives them.
                SearchResult asked = knowledgeBase.search(QuestionType.OPENING.label(), 1);
                confident = asked.best().filter(h -> !h.article().handover() && !h.article().outOfScope()
                        && QuestionType.OPENING.answeredBy(TextNormalizer.normalize(h.article().text()))).stream().toList();
                if (!confident.isEmpty()) {
                    answering = asked;
                }
            }
        }
        if (!confident.isEmpty() && unknownAcronym.isEmpty()) {
            // « … un camion @utonum … c'est compris dans notre abonnement Mairie connectée ? » answered from the
            // article on the offer: the message names a thing only one article knows, in that article's title, and the
            // best article does not say it. That article answers instead if it covers the question; if it does not,
            // no article is confident (the question is handed over rather than answered beside the thing asked).
            SearchHit first = confident.get(0);
            SearchResult within = answering;
            // (Not against a hand-over article: « des adresses mail pro … un webmail ? » is about a webmail, whatever
            // « pro » names in the title of the article on Chorus Pro.)
            Optional<SearchHit> naming = first.article().handover() ? Optional.empty() : within.queryTerms().stream()
                    .filter(term -> !first.matchedTerms().contains(term))
                    .map(term -> onlyArticleKnowing(term, within))
                    .flatMap(Optional::stream)
                    .filter(h -> h != first && !h.article().handover()
                            && h.score() >= first.score() * NAMING_SCORE_RATIO
                            && knowledgeBase.normalizedTerms(h.article().title()).stream()
                            .anyMatch(t -> h.matchedTerms().contains(t) && !first.matchedTerms().contains(t)
                                    && onlyArticleKnowing(t, within).isPresent()))
                    .findFirst();
            if (naming.isPresent()) {
                confident = covers(naming.get(), within) ? List.of(naming.get()) : List.of();
            }
        }
        if (!confident.isEmpty() && unknownAcronym.isEmpty()) {
            // « … avant de les déposer sur Actes ? » answered from the article on signing procurement offers: the
            // message names a platform and the best article is about another one. An article of the named platform
            // that covers the question answers instead; none: not confident.
            Optional<SearchResult> named = otherPlatform(confident.get(0), services, text)
                    ? Optional.of(answering) : Optional.empty();
            if (named.isPresent()) {
                confident = named.get().hits().stream()
                        .filter(h -> services.contains(h.article().service()) && covers(h, named.get()))
                        .limit(1).toList();
            }
        }
        String asked = QuestionFocus.of(text).orElse(text);
        Optional<String> thingAsked = QuestionFocus.whatItIs(asked, text);
        if (!confident.isEmpty() && unknownAcronym.isEmpty() && thingAsked.isPresent()) {
            // « REACT-EU, c'est quoi au juste ? Je le vois dans la délibération de juin 2022 »: the article whose title
            // names the thing asked about says what it is, not the one the context sentence points to.
            List<String> thingTerms = knowledgeBase.normalizedTerms(thingAsked.get());
            SearchResult thingSearch = knowledgeBase.search(thingAsked.get(), CANDIDATES);
            List<SearchHit> chosen = confident;
            // A precise thing (« REACT-EU »), not one pointed back to (« c'est quoi ce délai ? ») nor a common word.
            boolean precise = !POINTED.matcher(TextNormalizer.normalize(thingAsked.get())).find()
                    && thingTerms.stream().anyMatch(t -> knownByAtMost(t, THING_MAX_ARTICLES));
            Optional<SearchHit> titled = thingSearch.best().filter(h -> precise && !h.article().handover()
                    && !h.article().outOfScope() && chosen.stream().noneMatch(c -> c.article() == h.article())
                    && knowledgeBase.normalizedTerms(h.article().title()).containsAll(thingTerms));
            if (titled.isPresent()) {
                confident = List.of(titled.get());
                answering = thingSearch;
            }
        }
        if (confident.size() == 1 && Signals.compares(TextNormalizer.normalize(text))) {
            // « Chorus Pro et PES V2 c'est la même chose ? Qui sert à quoi ? »: each thing compared has its article;
            // the answer needs both, the second being the one that matches what the first does not.
            SearchHit first = confident.get(0);
            Optional<SearchHit> other = answering.hits().stream().filter(h -> h != first && !h.article().handover()
                    && !h.article().outOfScope() && h.score() >= first.score() * COMPARED_SCORE_RATIO
                    && h.matchedTerms().stream().anyMatch(t -> !first.matchedTerms().contains(t)
                    && Arrays.stream(t.split("\\|")).anyMatch(w -> knownByAtMost(w, COMPARED_MAX_ARTICLES))))
                    .findFirst();
            if (other.isPresent()) {
                confident = List.of(first, other.get());
            }
        }
        List<Article> related = related(answering);
        // Taken for out of scope, naming no service, and no article answering (a hand-over article that shares a
        // word does not count; one that covers the question well is about it: « vous proposez un webmail ? » is
        // handed over, the article saying it is not known here): out of scope.
        boolean noAnswer = confident.isEmpty() || confident.get(0).article().handover()
                && confident.get(0).coverage() < STRONG_COVERAGE;
        // A question no article answers, whose closest match is a topic card on a word no article knows (« les bans
        // d'un mariage », « les actes de naissance … par Actes ? »): a municipal matter, even if a service is named.
        // A context sentence that asks nothing does not get an out-of-scope reply on a card alone.
        // Not when an article scores far ahead of the card (« … besoin d'un DPO, c'est vrai ? » next to the card on
        // elected officials, which shares « élu »).
        boolean cardCloser = text.contains("?") && topic.filter(card -> card.coverage() > search.best()
                .map(SearchHit::coverage).orElse(0.0) && namesWhatNoArticleKnows(card, topics)).isPresent();
        if (noAnswer && unknownAcronym.isEmpty() && !saysTooLittle
                && ((scores.best() == Intent.OUT_OF_SCOPE && (services.isEmpty()
                || scores.probability(Intent.OUT_OF_SCOPE) >= SURE_OUT_OF_SCOPE)) || cardCloser)) {
            return outOfScopePart(text, intent, scores, topic, candidates, search.best().map(SearchHit::coverage).orElse(0.0));
        }
        if (confident.isEmpty()) {
            String reason = unknownAcronym.map(a -> "la question cite « " + a + " », qu'aucun article ne mentionne")
                    .orElse(saysTooLittle ? "le message ne ressemble guère à une question ("
                            + percent(scores.probability(Intent.QUESTION) + scores.probability(Intent.OUT_OF_SCOPE)) + ")"
                            : "aucun article ne couvre assez bien la question (meilleure couverture "
                            + percent(search.best().map(SearchHit::coverage).orElse(0.0)) + ")");
            return handOver(text, intent, ReplyTexts.notConfident(), List.of(), services, candidates, related,
                    search.best().map(SearchHit::coverage).orElse(0.0), reason);
        }
        SearchHit bestHit = confident.get(0);
        Article best = bestHit.article();
        double confidence = Math.min(bestHit.coverage(), scores.probability(Intent.QUESTION) + scores.probability(Intent.OUT_OF_SCOPE));
        if (best.request() != null && asksFor(scores, text)) {
            return requestPart(text, best.request(), bestHit.coverage(), "sujet de « " + best.title() + " », couverture "
                    + percent(bestHit.coverage()), services, candidates);
        }
        if (best.handover()) {
            // « cb de temps on laisse une délib sur le site internet ? » next to the article saying that making websites
            // is not known here: the question asks a kind of content (a duration) that another article found, covering
            // more of the question, gives; that one answers. (Not a price: prices are not known here.)
            Optional<QuestionType> asks = QuestionType.of(text).filter(t -> t != QuestionType.PRICE)
                    .filter(type -> !type.answeredBy(TextNormalizer.normalize(best.text())));
            SearchResult searched = answering;
            Optional<SearchHit> typed = asks.flatMap(type -> searched.hits().stream()
                    .filter(h -> !h.article().handover() && !h.article().outOfScope() && covers(h, searched)
                            && h.coverage() > bestHit.coverage()
                            && type.answeredBy(TextNormalizer.normalize(h.article().text())))
                    .findFirst());
            if (typed.isPresent()) {
                return answerGiving(typed.get(), new HashSet<>(knowledgeBase.normalizedTerms(text)), asks, text, intent,
                        services, candidates, confidence);
            }
            return handOver(text, intent, ReplyTexts.unknownFact(best), List.of(best), servicesOr(services, best),
                    candidates, List.of(), confidence, "la base de connaissances indique que ce point n'est pas connu "
                            + "ici : « " + best.title() + " »");
        }
        // Any article of the answer that says it does not know the point asked (« comment s'appelle votre outil de
        // partage … registre RGPD », answered with the article on data breaches and the one on file sharing). For the
        // second article, the point must be in the question sentence, not in the context around it (« pr ma délib
        // d'adhésion je dois viser… Elle date de quand ? »).
        for (SearchHit hit : confident) {
            Article article = hit.article();
            Optional<String> unknownPoint = unknownPoint(article, article == best ? text : asked);
            if (unknownPoint.isPresent()) {
                return handOver(text, intent, ReplyTexts.partlyUnknown(article), List.of(article),
                        servicesOr(services, article), candidates, List.of(), confidence, "l'article « "
                                + article.title() + " » dit ne pas connaître ce point : « " + unknownPoint.get() + " »");
            }
        }
        // « comment se nomme l'outil de partage de fichiers … ? Je dois le déclarer dans notre registre RGPD. »,
        // answered from the article on data breaches: the question sentence alone is about another article, which
        // says it does not know the point asked.
        if (!asked.equals(text)) {
            SearchResult askedSearch = knowledgeBase.search(asked, CANDIDATES);
            List<SearchHit> answered = confident;
            Optional<SearchHit> askedAbout = askedSearch.best().filter(h -> covers(h, askedSearch)
                    && answered.stream().noneMatch(c -> c.article() == h.article()));
            Optional<String> point = askedAbout.flatMap(h -> unknownPoint(h.article(), asked));
            if (point.isPresent()) {
                Article other = askedAbout.get().article();
                return handOver(text, intent, ReplyTexts.partlyUnknown(other), List.of(other),
                        servicesOr(services, other), candidates, List.of(), confidence, "la question porte sur « "
                                + other.title() + " », qui dit ne pas connaître ce point : « " + point.get() + " »");
            }
        }
        if (confident.size() == 1) {
            // « seuil pr publier au BOAMP et seuil européen fournitures »: two things asked in one sentence, the
            // second clause clearly covered by an article the answer leaves out. Both answer.
            SearchHit first = confident.get(0);
            Set<String> terms = new HashSet<>(knowledgeBase.normalizedTerms(text));
            Optional<QuestionType> asks = QuestionType.of(text);
            confident = joinedClauseArticle(text, first).filter(other -> passage(first.article(), terms, asks).length()
                            + passage(other.article(), terms, asks).length() <= MAX_CLAUSE_ANSWER_CHARS)
                    .map(other -> List.of(first, other)).orElse(confident);
        }
        List<Article> articles = confident.stream().map(SearchHit::article).toList();
        // « c'est koi vot numero SIRET, la trésorerie le demande pr le mandat », answered from the article on the
        // exchanges with the treasury: the question sentence asks a precise thing (a rare word) that another article
        // found has among its subjects (tags) and says is not known here, and the answering article never names it.
        // The thing is what is asked: hand over.
        for (SearchHit hit : answering.hits()) {
            Optional<String> elsewhere = articles.contains(hit.article()) ? Optional.empty()
                    : unknownPoint(hit.article(), asked).filter(point -> rareSubjectNotNamed(point, hit.article(), best));
            if (elsewhere.isPresent()) {
                return handOver(text, intent, ReplyTexts.partlyUnknown(hit.article()), List.of(hit.article()),
                        servicesOr(services, hit.article()), candidates, List.of(), confidence, "la question porte sur « "
                                + elsewhere.get() + " », que « " + hit.article().title() + " » dit ne pas connaître et "
                                + "que « " + best.title() + " » ne nomme pas");
            }
        }
        Set<String> queryTerms = new HashSet<>(knowledgeBase.normalizedTerms(text));
        // « ça sort d'où ? » is searched as « origine » (a one-way rewrite: no word of the clause is in the text): the
        // section that says the origin answers. Plain synonyms are left out: an article may word a side section
        // differently on purpose (« chantiers », « hors taxes » for the former thresholds).
        Set<String> words = Set.copyOf(queryTerms);
        answering.queryTerms().stream().map(label -> Arrays.asList(label.split("\\|")))
                .filter(clause -> clause.stream().noneMatch(words::contains)).forEach(queryTerms::addAll);
        // « … devenir membre du syndicat pour avoir accès ? On me parle de cotisation. »: a price named in a sentence
        // of context is not what the question asks.
        Optional<QuestionType> type = QuestionType.of(text).filter(t -> t != QuestionType.PRICE)
                .or(() -> QuestionType.of(asked));
        List<String> passages = new ArrayList<>();
        for (Article article : articles) {
            passages.add(passage(article, queryTerms, type));
        }
        if (type.isPresent() && passages.stream().map(TextNormalizer::normalize).noneMatch(type.get()::answeredBy)) {
            // « … et en combien de temps on doit lui transmettre un marché signé ? »: the article on signing offers
            // has no delay; another that covers the question at least as well, and has one, answers instead.
            SearchResult searched = answering;
            Optional<SearchHit> typed = type.get() == QuestionType.PRICE ? Optional.empty() : searched.hits().stream()
                    .filter(h -> !h.article().handover() && !articles.contains(h.article()) && covers(h, searched)
                            // (when we can be reached, only our opening days answer, however few words they share)
                            && (h.coverage() >= bestHit.coverage() || type.get() == QuestionType.OPENING)
                            && unknownPoint(h.article(), text).isEmpty()
                            && type.get().answeredBy(TextNormalizer.normalize(passage(h.article(), queryTerms, type))))
                    .findFirst();
            if (typed.isEmpty() && type.get() == QuestionType.OPENING) {
                // « je finis mon conseil d'école vers 17h45, je pourrai encore vous joindre ? », answered from the
                // article on council minutes: the article found for what the question asks for (our opening days)
                // answers, if it gives them.
                SearchResult opening = knowledgeBase.search(QuestionType.OPENING.label(), 1);
                typed = opening.best().filter(h -> !h.article().handover() && !h.article().outOfScope()
                        && QuestionType.OPENING.answeredBy(TextNormalizer.normalize(h.article().text())));
            }
            if (typed.isPresent()) {
                return answerGiving(typed.get(), queryTerms, type, text, intent, services, candidates, confidence);
            }
            Optional<Article> unknown = type.get() == QuestionType.PRICE ? handoverArticle(search) : Optional.empty();
            return handOver(text, intent, unknown.map(ReplyTexts::unknownFact).orElse(ReplyTexts.notConfident()),
                    unknown.map(List::of).orElse(List.of()), servicesOr(services, best), candidates,
                    unknown.isPresent() ? List.of() : related, confidence, "la question demande " + type.get().label()
                            + " et « " + best.title() + " » n'en donne pas");
        }
        PartOutcome answer = answer(text, intent, articles, passages, servicesOr(services, best), candidates, confidence,
                bestHit.coverage());
        return askedLikeIt.isEmpty() ? answer : withReason(answer, answer.part().reason() + " ; le message ressemble "
                + "aux questions posées sur cet article (" + percent(askedLikeProbability) + ")");
    }

    /**
     * A clause of the question (joined by « et », « + », « ; ») with two informative words of its own (or one, matched
     * in full by an article far ahead of the others), whose best article covers it clearly and is neither the answering
     * one, nor a hand-over article, nor a topic card, nor one that says it does not know what the clause asks.
     */
    private Optional<SearchHit> joinedClauseArticle(String text, SearchHit answering) {
        List<String> clauses = MessageParts.joinedClauses(text);
        // (« le seuil pour une commune, et pour l'État c'est pareil ? » compares two cases of one article)
        if (clauses.size() < 2 || Signals.compares(TextNormalizer.normalize(text))) {
            return Optional.empty();
        }
        for (String clause : clauses) {
            int terms = knowledgeBase.normalizedTerms(clause).size();
            if (terms < 1) {
                continue;
            }
            SearchResult clauseSearch = knowledgeBase.search(clause, CANDIDATES);
            Optional<SearchHit> other = clauseSearch.best().filter(h -> h.article() != answering.article()
                    && !h.article().handover() && !h.article().outOfScope() && h.coverage() >= CLEAR_COVERAGE
                    && (terms >= MIN_TOPIC_TERMS || (h.coverage() >= STRONG_COVERAGE && clauseSearch.hits().size() > 1
                    && h.score() >= clauseSearch.hits().get(1).score() * ONE_WORD_CLAUSE_LEAD))
                    && covers(h, clauseSearch) && unknownPoint(h.article(), clause).isEmpty());
            if (other.isPresent()) {
                return other;
            }
        }
        return Optional.empty();
    }

    /** The answer from another article found, which gives the kind of content the question asks for. */
    private PartOutcome answerGiving(SearchHit hit, Set<String> queryTerms, Optional<QuestionType> type, String text,
                                     String intent, List<ServiceArea> services, List<ArticleRef> candidates,
                                     double confidence) {
        Article other = hit.article();
        return answer(text, intent, List.of(other), List.of(passage(other, queryTerms, type)),
                servicesOr(services, other), candidates, Math.min(confidence, hit.coverage()), hit.coverage());
    }

    private static PartOutcome withReason(PartOutcome outcome, String reason) {
        DecisionPart part = outcome.part();
        return new PartOutcome(new DecisionPart(part.text(), part.intent(), part.kind(), part.reply(), part.articleIds(),
                part.passages(), part.confidence(), reason), outcome.articles(), outcome.services(),
                outcome.candidates(), outcome.subscriptionKind(), outcome.incident(), outcome.related());
    }

    /**
     * Whether the topic classifier picks one of the articles first for the text, or gives them this share — or a
     * smaller one when what it picks is about the same service (« react eu finance les opérations commencées à partir
     * de quelle date ? » is asked like the questions on the offer's key dates, and like those on its funding).
     */
    private boolean agrees(TopicClassifier topics, String text, List<Article> articles, double share) {
        TopicScores askedAbout = topics.classify(text);
        Optional<Article> picked = askedAbout.best().flatMap(knowledgeBase::article);
        double given = articles.stream().mapToDouble(a -> askedAbout.probability(a.id())).sum();
        boolean sameService = picked.map(Article::service)
                .filter(service -> articles.stream().anyMatch(a -> a.service() == service)).isPresent();
        return picked.filter(p -> articles.stream().anyMatch(a -> a.id().equals(p.id()))).isPresent() || given >= share
                || sameService && given >= SAME_SERVICE_SHARE;
    }

    /**
     * The answer from these articles, if a second reader agrees with the search: the topic classifier, which learnt
     * how people ask about each article, picks one of them first for the text or finds the text asked like them
     * often enough — or the search covers the text almost fully. Else the search likely followed a shared word
     * (« peut-on sortir de la charte quand on veut ? » found the article on the charter's adoption): an agent answers,
     * and the articles found are offered to read while waiting. A wrong confident answer costs more than a hand-over.
     */
    private PartOutcome answer(String text, String intent, List<Article> articles, List<String> passages,
                               List<ServiceArea> services, List<ArticleRef> candidates, double confidence,
                               double coverage) {
        TopicClassifier topics = model().topics().get();
        if (coverage < SECOND_OPINION_COVERAGE && topics != null) {
            // The question sentence alone, when it says something of its own, must not be about another matter
            // (« … la liste des services auxquels notre commune est abonnée ? Je dois l'annexer au procès-verbal »
            // is no question on council minutes).
            Optional<String> asked = QuestionFocus.of(text).filter(f -> !f.equals(text)
                    && knowledgeBase.normalizedTerms(f).size() >= MIN_FOCUSED_TERMS);
            boolean wholeAgrees = agrees(topics, text, articles, SECOND_OPINION_SHARE);
            if (!wholeAgrees || !asked.map(f -> agrees(topics, f, articles, QUESTION_SENTENCE_SHARE)).orElse(true)) {
                String titles = articles.stream().map(a -> "« " + a.title() + " »").collect(Collectors.joining(" et "));
                return handOver(text, intent, ReplyTexts.notConfident(), List.of(), services, candidates, articles,
                        confidence, "la recherche propose " + titles + " (couverture " + percent(coverage) + "), mais "
                                + (wholeAgrees ? "la phrase de la question" : "le message") + " ne ressemble pas aux "
                                + "questions posées sur " + (articles.size() > 1 ? "ces articles" : "cet article")
                                + " : à vérifier par un agent");
            }
        }
        String reason = "réponse tirée de « " + articles.get(0).title() + " »" + (articles.size() > 1
                ? " et de « " + articles.get(1).title() + " »" : "") + " (couverture " + percent(coverage) + ")";
        return new PartOutcome(part(text, intent, DecisionKind.ANSWER, ReplyTexts.answer(articles, passages),
                articles.stream().map(Article::id).toList(), passages, confidence, reason), articles, services,
                candidates, null, false, List.of());
    }

    private PartOutcome handOver(String text, String intent, String reply, List<Article> articles,
                                 List<ServiceArea> services, List<ArticleRef> candidates, List<Article> related,
                                 double confidence, String reason) {
        return new PartOutcome(part(text, intent, DecisionKind.TICKET, reply, articles.stream().map(Article::id).toList(),
                List.of(), confidence, reason), articles, services, candidates, null, false, related);
    }

    /**
     * The sections of the article that answer: the first (which states the rule), those sharing a word of the
     * question (or its first letters: « présidait », « présidence »), and those holding the kind of content asked
     * when the first lacks it. Sections about something else are left out.
     */
    private String passage(Article article, Set<String> queryTerms, Optional<QuestionType> type) {
        List<Section> sections = knowledgeBase.sections(article);
        if (sections.size() <= 1) {
            return article.text();
        }
        Section first = sections.get(0);
        boolean firstAnswersType = type.map(t -> t.answeredBy(TextNormalizer.normalize(first.text()))).orElse(true);
        Set<String> prefixes = queryTerms.stream().filter(t -> t.length() >= PREFIX).map(t -> t.substring(0, PREFIX))
                .collect(Collectors.toSet());
        List<String> chosen = new ArrayList<>();
        chosen.add(first.text());
        for (Section section : sections.subList(1, sections.size())) {
            boolean related = section.terms().stream().anyMatch(t -> queryTerms.contains(t)
                    || (t.length() >= PREFIX && prefixes.contains(t.substring(0, PREFIX))));
            boolean addsType = !firstAnswersType && type.get().answeredBy(TextNormalizer.normalize(section.text()));
            boolean tooShort = String.join("", chosen).length() < MIN_ANSWER_CHARS;
            if (related || addsType || tooShort) {
                chosen.add(section.text());
            }
        }
        return String.join("\n\n", chosen);
    }

    /**
     * The article is about a platform other than the one(s) the message names, and never uses the words that named
     * it: « le marché signé, combien de jours pour le transmettre ? » is a question on Actes, whose article on delays
     * is about « marchés » too; « … nos délibérations avant de les déposer sur Actes ? » is not one on signing offers.
     */
    private boolean otherPlatform(SearchHit hit, List<ServiceArea> services, String text) {
        ServiceArea about = hit.article().service();
        // Also a general rule that never names the offer or the service the message names (« Mairie connectée c'est
        // pour toutes les communes ou seulement les petites ? » next to the article on the DPO, « la formation actes
        // elle est payante ? » next to the one on Chorus Pro, which is free).
        boolean generalRule = about == ServiceArea.REGLEMENTATION;
        if (about == null || !(about.isPlatform() || generalRule) || services.contains(about)) {
            return false;
        }
        String message = " " + words(text) + " ";
        // What the article is about (title, tags, sample questions), not a word its body cites in passing (« arrêté du
        // 22 mars 2019 » in the article on signing offers).
        Article article = hit.article();
        Set<String> articleTerms = new HashSet<>(knowledgeBase.normalizedTerms(article.title() + " "
                + String.join(" ", article.tags()) + " " + String.join(" ", article.questions())));
        Map<ServiceArea, List<String>> expressions = knowledgeBase.serviceVocabulary().expressions();
        // (A platform named next to a general rule is often its context: « l'affichage papier pour nos arrêtés ».)
        return services.stream().filter(named -> generalRule ? named == ServiceArea.OFFRE || named == ServiceArea.FORMATION
                : named.isPlatform()).anyMatch(named -> expressions
                .getOrDefault(named, List.of()).stream().filter(e -> message.contains(" " + e + " "))
                .noneMatch(e -> articleTerms.containsAll(knowledgeBase.normalizedTerms(e))));
    }

    private static String words(String text) {
        return NOT_WORD.matcher(TextNormalizer.normalize(text)).replaceAll(" ");
    }

    /** The candidate that is the one article of the whole base knowing this term, if there is one. */
    private Optional<SearchHit> onlyArticleKnowing(String term, SearchResult search) {
        return knowledgeBase.onlyArticleFound(term).flatMap(only ->
                search.hits().stream().filter(h -> h.article().id().equals(only.id())).findFirst());
    }

    /** A question that goes on from the one before (« Et la délib … ? »), starting with « et », saying little. */
    private static boolean continues(String part) {
        String text = TextNormalizer.normalize(part).strip();
        // « et quel certificat faut-il ? » brings its own subject; « et la délib … quand ? » takes the one before.
        return text.startsWith("et ") && !NEW_SUBJECT.matcher(text).find();
    }

    private boolean noArticleKnows(String term) {
        return knownByAtMost(term, 0);
    }

    /** Whether at most this many articles contain the word (a rare word names a precise thing). */
    private boolean knownByAtMost(String term, int articles) {
        return knowledgeBase.articlesWith(term) <= articles;
    }

    private Optional<Article> handoverArticle(SearchResult search) {
        return search.hits().stream().map(SearchHit::article).filter(Article::handover).findFirst();
    }

    /** Articles related to a question handed over: worth reading while an agent answers. */
    private static List<Article> related(SearchResult search) {
        return search.hits().stream()
                .filter(h -> !h.article().handover() && h.coverage() >= WORTH_READING)
                .map(SearchHit::article).limit(MAX_RELATED).toList();
    }

    /**
     * Two questions answered from the same article become one section: a later part whose articles an earlier part
     * already gives is not repeated (a reply that says the same article twice is long, and splits on Telegram).
     */
    private static List<PartOutcome> mergeSameArticle(List<PartOutcome> outcomes) {
        List<PartOutcome> merged = new ArrayList<>();
        for (PartOutcome outcome : outcomes) {
            Optional<PartOutcome> same = merged.stream()
                    .filter(m -> m.part().kind() == outcome.part().kind() && !outcome.part().articleIds().isEmpty()
                            && m.part().articleIds().containsAll(outcome.part().articleIds()))
                    .findFirst();
            if (same.isEmpty()) {
                merged.add(outcome);
            }
        }
        return merged;
    }

    private Decision combine(Question question, String text, IntentScores whole, List<PartOutcome> outcomes, Model current) {
        Optional<PartOutcome> request = outcomes.stream().filter(o -> o.subscriptionKind() != null).findFirst();
        boolean incident = outcomes.stream().anyMatch(PartOutcome::incident);
        boolean forStaff = outcomes.stream().anyMatch(o -> o.part().kind() == DecisionKind.TICKET);
        boolean answered = outcomes.stream().anyMatch(o -> o.part().kind() == DecisionKind.ANSWER);
        DecisionKind kind = request.isPresent() ? DecisionKind.SUBSCRIPTION
                : forStaff ? DecisionKind.TICKET
                : answered ? DecisionKind.ANSWER
                : DecisionKind.OUT_OF_SCOPE;

        List<ServiceArea> services = new ArrayList<>(new LinkedHashSet<>(outcomes.stream()
                .flatMap(o -> o.services().stream()).toList()));
        Integer population = null;
        Boolean eligible = null;
        SubscriptionKind subscriptionKind = request.map(PartOutcome::subscriptionKind).orElse(null);
        List<String> sections = new ArrayList<>();
        for (PartOutcome outcome : outcomes) {
            if (outcome.subscriptionKind() != null) {
                if (outcome == request.get()) {
                    services = subscribedServices(subscriptionKind, current.services().detect(text));
                    population = question.communePopulation() != null ? question.communePopulation()
                            : PopulationInText.find(text).orElse(null);
                    Optional<Funding> funding = knowledgeBase.funding();
                    Integer known = population;
                    eligible = known == null ? null : funding.map(f -> f.eligible(known)).orElse(null);
                    sections.add(ReplyTexts.subscription(subscriptionKind, services, population, question.communeName(),
                            funding));
                } else {
                    sections.add("Cette demande est jointe à la précédente.");
                }
            } else if (outcome.incident() && outcomes.size() == 1) {
                sections.add(ReplyTexts.incident(outcome.services()));
            } else {
                sections.add(outcome.part().reply());
            }
        }
        List<Article> related = outcomes.stream().flatMap(o -> o.related().stream()).distinct().limit(MAX_RELATED).toList();
        String reply;
        if (outcomes.size() == 1) {
            reply = sections.get(0);
        } else {
            reply = ReplyTexts.parts(outcomes.stream().map(o -> heading(o.part().text())).toList(), sections);
        }
        if (kind == DecisionKind.TICKET) {
            reply += ReplyTexts.whileWaiting(related);
        }
        List<Article> used = outcomes.stream().flatMap(o -> o.articles().stream()).distinct().toList();
        List<Article> answering = kind == DecisionKind.ANSWER || kind == DecisionKind.TICKET || kind == DecisionKind.OUT_OF_SCOPE
                ? used : List.of();
        List<ArticleRef> candidates = outcomes.size() == 1 ? outcomes.get(0).candidates()
                : outcomes.stream().flatMap(o -> o.candidates().stream().limit(2)).toList();
        double confidence = outcomes.stream().mapToDouble(o -> o.part().confidence()).min().orElse(0);
        // A high priority needs the words of an incident (« erreur », « bloqué »…), not only the classifier's guess.
        boolean statedIncident = incident && Signals.incident(text).isPresent();
        Priority priority = kind != DecisionKind.TICKET ? null
                : statedIncident ? (Signals.urgency(text).isPresent() ? Priority.URGENT : Priority.HIGH) : Priority.NORMAL;
        String reason = outcomes.size() == 1 ? outcomes.get(0).part().reason()
                : outcomes.size() + " parties : " + outcomes.stream().map(o -> o.part().kind().name().toLowerCase()
                        + " (" + o.part().reason() + ")").collect(Collectors.joining(" ; "));
        Intent mainIntent = outcomes.size() == 1 ? Intent.fromCode(outcomes.get(0).part().intent()).orElse(whole.best())
                : whole.best();
        if (kind == DecisionKind.SUBSCRIPTION) {
            answering = List.of();
        }
        return new Decision(kind, reply, answering.stream().map(Article::id).toList(),
                answering.stream().map(Article::title).toList(), candidates, services, priority, subscriptionKind,
                eligible, round(confidence), reason, mainIntent.code(), whole.ranked(),
                outcomes.stream().map(PartOutcome::part).toList());
    }

    private static String heading(String part) {
        String text = part.strip();
        return TextCut.cut(text, 90);
    }

    private Decision greetingOnly(IntentScores scores) {
        return new Decision(DecisionKind.OUT_OF_SCOPE, ReplyTexts.nothingToAnswer(), List.of(), List.of(), List.of(),
                List.of(), null, null, null, 0, "pas de question : seulement une salutation, un remerciement ou une "
                + "signature", Intent.GREETING.code(), scores.ranked(), List.of());
    }

    private static DecisionPart part(String text, String intent, DecisionKind kind, String reply, List<String> articleIds,
                                     List<String> passages, double confidence, String reason) {
        return new DecisionPart(text, intent, kind, reply, articleIds, passages, round(confidence), reason);
    }

    private static boolean isBest(SearchHit hit, SearchResult search) {
        return search.best().filter(best -> best.article().id().equals(hit.article().id())).isPresent();
    }

    /**
     * The whole message points to the article the question sentence found: it is the best of the whole message, or
     * it scores close to the best and covers at least as much of the whole message. In a long mail the best score
     * may go to an article that shares the context's rarer words (« historique », « bulletin municipal » beside
     * « depuis quand votre structure existe »), while the article the question asks for covers more of what is said.
     * An article saying a point is not known here must be the best: it answers nothing.
     */
    /** The article giving our phone number and postal address, if the search for them found it. */
    private static List<SearchHit> ourContact(SearchResult contact) {
        return contact.best().filter(h -> !h.article().handover() && !h.article().outOfScope()
                && QuestionType.PHONE.answeredBy(TextNormalizer.normalize(h.article().text()))).stream().toList();
    }

    private static boolean pointsTo(SearchResult whole, SearchHit focused) {
        String id = focused.article().id();
        SearchHit best = whole.best().orElse(null);
        return best != null && whole.hits().stream().anyMatch(h -> h.article().id().equals(id) && (h == best
                || !h.article().handover() && h.coverage() >= best.coverage()
                && h.score() >= best.score() * CLOSE_SCORE_RATIO));
    }

    /** The point the article says it cannot answer, when every word of that point is in the message. */
    private Optional<String> unknownPoint(Article article, String text) {
        if (article.unknowns().isEmpty()) {
            return Optional.empty();
        }
        Set<String> asked = new HashSet<>(knowledgeBase.normalizedTerms(text));
        Set<String> written = new HashSet<>(Arrays.asList(words(text).split(" ")));
        return article.unknowns().stream()
                .filter(point -> {
                    PointWords words = pointWords.computeIfAbsent(point, this::pointWords);
                    return !words.terms().isEmpty() && asked.containsAll(words.terms())
                            && (!text.contains("?") || written.containsAll(words.questionWords()));
                })
                .findFirst();
    }

    /** What an unknown point of an article is compared on: its search terms and its question words. */
    private record PointWords(List<String> terms, List<String> questionWords) {
    }

    private PointWords pointWords(String point) {
        return new PointWords(knowledgeBase.normalizedTerms(point), questionWords(point));
    }

    /**
     * The words of a point that search ignores (« comment », « combien »): « comment envoyer » is unknown, « envoyer
     * des gros fichiers, c'est compris ? » asks something else. A statement (« on voudrait envoyer de gros fichiers »)
     * has no question word to compare and may ask the point in other words: it needs only the point's other words.
     * Elisions and short words (« d' », « de ») do not count.
     */
    private List<String> questionWords(String point) {
        return Arrays.stream(words(point).split(" "))
                .filter(w -> w.length() >= MIN_QUESTION_WORD && knowledgeBase.normalizedTerms(w).isEmpty()).toList();
    }

    /**
     * Whether an unknown point of another article names a precise thing (a word of it known to few articles) that is
     * among that article's subjects (tags) and that the answering article never names. Analysed only once such a
     * point is found: the answering article's whole text is not read for every answer.
     */
    private boolean rareSubjectNotNamed(String point, Article other, Article answering) {
        // « le service DUME de Chorus Pro fonctionne toujours ? »: one word of the point is enough (« DUME »), the
        // others (« service », « fonctionne ») are asked but name nothing.
        List<String> tags = knowledgeBase.normalizedTerms(String.join(" ", other.tags()));
        List<String> named = knowledgeBase.normalizedTerms(answering.title() + " " + answering.text());
        return knowledgeBase.normalizedTerms(point).stream().anyMatch(term -> tags.contains(term) && !named.contains(term)
                && knownByAtMost(term, RARE_TERM_ARTICLES));
    }

    private List<String> unknownAcronyms(String original, SearchResult search) {
        // « C'est quel fonds européen qui paie votre offre, le FSE ? »: every other word of the question is in one
        // article; the acronym is the commune's guess, which the answer corrects.
        if (search.best().filter(h -> h.coverage() >= GUESSED_ACRONYM_COVERAGE).isPresent()) {
            return List.of();
        }
        return Acronyms.in(original).stream().filter(acronym -> {
            List<String> terms = knowledgeBase.normalizedTerms(acronym);
            return !terms.isEmpty() && search.unknownTerms().containsAll(terms);
        }).toList();
    }

    /** The best article if it covers the question well enough, and a second one if it is nearly as good. */
    private List<SearchHit> confidentHits(SearchResult search, boolean whole) {
        List<SearchHit> hits = search.hits();
        List<SearchHit> confident = new ArrayList<>();
        if (hits.isEmpty() || !covers(hits.get(0), search)) {
            return confident;
        }
        SearchHit best = hits.get(0);
        // « pr passer sur actes faut quoi ? une convention ? un certificat ? »: the best scored article (on the
        // certificate) misses a word asked that another one, nearly as strong, covers with all the others.
        Optional<SearchHit> wider = best.article().handover() ? Optional.empty() : hits.stream().skip(1)
                .filter(h -> !h.article().handover() && covers(h, search)
                        && h.coverage() >= best.coverage() + WIDER_COVERAGE_MARGIN
                        && h.score() >= best.score() * WIDER_MIN_SCORE_RATIO)
                .findFirst();
        if (wider.isPresent()) {
            return List.of(wider.get(), best);
        }
        // « sommes-nous tenus de publier nos délibérations sur un site internet ? » next to the article saying that
        // creating a site is not known here: an article that answers, covering more of the question at nearly the
        // same score, is its subject; the hand-over article only shares the thing named.
        Optional<SearchHit> answering = !best.article().handover() ? Optional.empty() : hits.stream().skip(1)
                .filter(h -> !h.article().handover() && covers(h, search) && h.coverage() > best.coverage()
                        && h.score() >= best.score() * settings.secondArticleRatio())
                .findFirst();
        if (answering.isPresent()) {
            return List.of(answering.get());
        }
        confident.add(best);
        if (hits.size() > 1 && !best.article().handover()) {
            SearchHit second = hits.get(1);
            // « son contenu, qui la finance et pour quelles communes » : the article on funding scores best, the one
            // on the offer covers more of the question at nearly its score; each answers a part. Only for a message
            // decided as one part: two articles for each of several parts would not fit one chat message.
            boolean coversMore = whole && second.coverage() >= best.coverage() + SECOND_WIDER_COVERAGE
                    && second.score() >= best.score() * SECOND_WIDER_SCORE_RATIO;
            if (!second.article().handover() && covers(second, search)
                    && (second.score() >= best.score() * settings.secondArticleRatio() || coversMore)) {
                confident.add(second);
            }
        }
        return confident;
    }

    /**
     * Two conditions: the words the article matches carry enough of the question's meaning (weighted coverage), and
     * they are at least a set share of its words, so that one rare shared word cannot carry a question about
     * something else.
     */
    private boolean covers(SearchHit hit, SearchResult search) {
        // A word no article knows (« voiture », « jeudi ») already lowers the weighted coverage; counted in full here
        // too, it would let the context decide against an article that clearly covers the question.
        double counted = search.queryTerms().size()
                - (hit.coverage() >= CLEAR_COVERAGE ? search.unknownTerms().size() * UNKNOWN_WORD_SHARE : 0);
        return hit.coverage() >= settings.minCoverage()
                && hit.matchedTerms().size() >= counted * settings.minMatchedShare();
    }

    private static List<ServiceArea> subscribedServices(SubscriptionKind kind, List<ServiceArea> detected) {
        List<ServiceArea> services = new ArrayList<>(detected.stream()
                .filter(s -> s == ServiceArea.ACTES || s == ServiceArea.MARCHES || s == ServiceArea.PARTAGE
                        || s == ServiceArea.FORMATION || s == ServiceArea.OFFRE)
                .toList());
        if (kind == SubscriptionKind.TRAINING && !services.contains(ServiceArea.FORMATION)) {
            services.add(ServiceArea.FORMATION);
        }
        if (services.isEmpty()) {
            services.add(ServiceArea.OFFRE);
        }
        return services;
    }

    private static List<ServiceArea> servicesOr(List<ServiceArea> detected, Article fallback) {
        return detected.isEmpty() && fallback.service() != null ? List.of(fallback.service()) : detected;
    }

    private static List<ArticleRef> refs(List<SearchHit> hits) {
        return hits.stream().map(h -> new ArticleRef(h.article().id(), h.article().title(), h.article().serviceCode(),
                round(h.score()), round(h.coverage()), h.passage())).toList();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static String percent(double value) {
        return Math.round(value * 100) + " %";
    }
}
