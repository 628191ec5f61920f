package fr.sommenumerique.helpdesk.assistant;

import fr.sommenumerique.helpdesk.assistant.rules.Acronyms;
import fr.sommenumerique.helpdesk.assistant.rules.MessageCleaner;
import fr.sommenumerique.helpdesk.assistant.rules.PopulationInText;
import fr.sommenumerique.helpdesk.assistant.rules.QuestionFocus;
import fr.sommenumerique.helpdesk.assistant.rules.ReplyTexts;
import fr.sommenumerique.helpdesk.assistant.rules.ServiceDetector;
import fr.sommenumerique.helpdesk.assistant.rules.Signals;
import fr.sommenumerique.helpdesk.knowledge.Article;
import fr.sommenumerique.helpdesk.knowledge.KnowledgeBase;
import fr.sommenumerique.helpdesk.knowledge.SearchHit;
import fr.sommenumerique.helpdesk.knowledge.SearchResult;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what to do with one message: answer it from the knowledge base, record a subscription request, hand it
 * to a human as a ticket, or say it is out of scope. It has no side effects.
 *
 * <p>The order of the checks matters: an off-topic message is set aside first; an incident goes to a human even if
 * an article looks related (the article cannot fix a broken account); a request to join is recorded; only then does
 * the knowledge base answer, and only when its best article covers the question well, because a wrong confident
 * answer is worse than a hand-over.
 */
public class DecisionEngine {

    private static final int CANDIDATES = 5;
    /** A question sentence with fewer informative words (« C'est normal ? ») says too little on its own. */
    private static final int MIN_FOCUSED_TERMS = 2;

    private final KnowledgeBase knowledgeBase;
    private final AssistantSettings settings;
    private final MessageCleaner cleaner = new MessageCleaner();

    public DecisionEngine(KnowledgeBase knowledgeBase, AssistantSettings settings) {
        this.knowledgeBase = knowledgeBase;
        this.settings = settings;
    }

    public Decision decide(String text) {
        return decide(Question.of(text));
    }

    public Decision decide(Question question) {
        String text = cleaner.clean(question.text());
        if (text.isBlank()) {
            return new Decision(DecisionKind.OUT_OF_SCOPE, ReplyTexts.nothingToAnswer(), List.of(), List.of(),
                    List.of(), List.of(), null, null, null, 0,
                    "pas de question : seulement une salutation, un remerciement ou une signature");
        }
        Optional<String> strongDomain = Signals.strongDomain(text);
        Optional<String> weakDomain = Signals.weakDomain(text);
        Optional<String> offTopic = Signals.offTopic(text);
        List<ServiceArea> services = ServiceDetector.detect(text);
        SearchResult search = knowledgeBase.search(text, CANDIDATES);
        List<ArticleRef> candidates = refs(search.hits());
        double confidence = search.best().map(SearchHit::coverage).orElse(0.0);

        if (offTopic.isPresent() && strongDomain.isEmpty()) {
            return outOfScope(candidates, confidence, "hors sujet : « " + offTopic.get() + " »");
        }
        Optional<String> incident = Signals.incident(text);
        if (incident.isPresent() && (strongDomain.isPresent() || weakDomain.isPresent())) {
            return ticket(ReplyTexts.incident(services), candidates, services, incidentPriority(text), confidence,
                    "incident signalé : « " + incident.get() + " »");
        }
        Optional<Decision> subscription = subscription(question, text, services, candidates, confidence);
        if (subscription.isPresent()) {
            return subscription.get();
        }
        Optional<String> unknownAcronym = unknownAcronym(question.text(), search);
        List<SearchHit> confident = unknownAcronym.isPresent() ? List.of() : confidentHits(search);
        if (confident.isEmpty() && unknownAcronym.isEmpty()) {
            // Context around the question can hide a good match: try the question sentence alone.
            Optional<SearchResult> focused = QuestionFocus.of(text).map(q -> knowledgeBase.search(q, CANDIDATES));
            if (focused.isPresent() && focused.get().queryTerms().size() >= MIN_FOCUSED_TERMS) {
                confident = confidentHits(focused.get());
                if (!confident.isEmpty() && !isBest(confident.get(0), search)) {
                    // A short question (« est-ce autorisé ? ») leans on its context: the whole message must point
                    // to the same article, or the sentence alone answers something else.
                    confident = List.of();
                }
                if (!confident.isEmpty()) {
                    // The articles shown with the decision are those of the search that answered.
                    confidence = confident.get(0).coverage();
                    candidates = refs(focused.get().hits());
                }
            }
        }
        if (!confident.isEmpty()) {
            Article best = confident.get(0).article();
            if (best.handover()) {
                return new Decision(DecisionKind.TICKET, ReplyTexts.unknownFact(best), List.of(best.id()),
                        List.of(best.title()), candidates, servicesOr(services, best.service()), Priority.NORMAL, null,
                        null, confidence, "la base de connaissances indique que ce point n'est pas connu ici : « "
                        + best.title() + " »");
            }
            Optional<String> unknownPoint = unknownPoint(best, text);
            if (unknownPoint.isPresent()) {
                return new Decision(DecisionKind.TICKET, ReplyTexts.partlyUnknown(best), List.of(best.id()),
                        List.of(best.title()), candidates, servicesOr(services, best.service()), Priority.NORMAL, null,
                        null, confidence, "l'article « " + best.title() + " » dit ne pas connaître ce point : « "
                        + unknownPoint.get() + " »");
            }
            List<Article> articles = confident.stream().map(SearchHit::article).toList();
            return new Decision(DecisionKind.ANSWER, ReplyTexts.answer(articles),
                    articles.stream().map(Article::id).toList(), articles.stream().map(Article::title).toList(),
                    candidates, servicesOr(services, best.service()), null, null, null, confidence,
                    "réponse tirée de « " + best.title() + " »" + (articles.size() > 1
                            ? " et de « " + articles.get(1).title() + " »" : ""));
        }
        if (incident.isPresent()) {
            return ticket(ReplyTexts.incident(services), candidates, services, incidentPriority(text), confidence,
                    "incident signalé : « " + incident.get() + " »");
        }
        if (strongDomain.isPresent() || weakDomain.isPresent() || unknownAcronym.isPresent()) {
            return ticket(ReplyTexts.notConfident(), candidates, services, Priority.NORMAL, confidence,
                    unknownAcronym.map(a -> "la question cite « " + a + " », qu'aucun article ne mentionne")
                            .orElse("aucun article ne couvre assez bien la question (meilleure couverture "
                                    + percent(confidence) + ")"));
        }
        return outOfScope(candidates, confidence, "pas de sujet Mairie connectée et aucun article ne couvre la question"
                + " (meilleure couverture " + percent(confidence) + ")");
    }

    private static boolean isBest(SearchHit hit, SearchResult search) {
        return search.best().filter(best -> best.article().id().equals(hit.article().id())).isPresent();
    }

    /** The point the article says it cannot answer, when every word of that point is in the message. */
    private Optional<String> unknownPoint(Article article, String text) {
        if (article.unknowns().isEmpty()) {
            return Optional.empty();
        }
        Set<String> asked = new HashSet<>(knowledgeBase.normalizedTerms(text));
        return article.unknowns().stream()
                .filter(point -> {
                    List<String> words = knowledgeBase.normalizedTerms(point);
                    return !words.isEmpty() && asked.containsAll(words);
                })
                .findFirst();
    }

    private Optional<String> unknownAcronym(String original, SearchResult search) {
        for (String acronym : Acronyms.in(original)) {
            List<String> terms = knowledgeBase.normalizedTerms(acronym);
            if (!terms.isEmpty() && search.unknownTerms().containsAll(terms)) {
                return Optional.of(acronym);
            }
        }
        return Optional.empty();
    }

    /** The best article if it covers the question well enough, and a second one if it is nearly as good. */
    private List<SearchHit> confidentHits(SearchResult search) {
        List<SearchHit> hits = search.hits();
        List<SearchHit> confident = new ArrayList<>();
        if (hits.isEmpty() || !covers(hits.get(0), search)) {
            return confident;
        }
        SearchHit best = hits.get(0);
        confident.add(best);
        if (hits.size() > 1 && !best.article().handover()) {
            SearchHit second = hits.get(1);
            if (!second.article().handover() && covers(second, search)
                    && second.score() >= best.score() * settings.secondArticleRatio()) {
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
        return hit.coverage() >= settings.minCoverage()
                && hit.matchedTerms().size() >= search.queryTerms().size() * settings.minMatchedShare();
    }

    private Optional<Decision> subscription(Question question, String text, List<ServiceArea> detected,
                                            List<ArticleRef> candidates, double confidence) {
        Optional<SubscriptionKind> kind = subscriptionKind(text);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        List<ServiceArea> services = subscribedServices(kind.get(), detected);
        Integer population = question.communePopulation() != null ? question.communePopulation()
                : PopulationInText.find(text).orElse(null);
        Boolean eligible = population == null ? null : population < ReplyTexts.SUBSIDY_POPULATION_LIMIT;
        return Optional.of(new Decision(DecisionKind.SUBSCRIPTION,
                ReplyTexts.subscription(kind.get(), services, population, question.communeName()), List.of(), List.of(),
                candidates, services, null, kind.get(), eligible, confidence,
                "demande d'abonnement : " + kind.get().label()));
    }

    private static Optional<SubscriptionKind> subscriptionKind(String text) {
        if (Signals.trainingObject(text).isPresent()) {
            return Optional.of(SubscriptionKind.TRAINING);
        }
        if (Signals.councilDecidedToJoin(text).isPresent()) {
            return Optional.of(SubscriptionKind.MEMBERSHIP);
        }
        if (Signals.requestIntent(text).isEmpty()) {
            return Optional.empty();
        }
        if (Signals.accountObject(text).isPresent()) {
            return Optional.of(SubscriptionKind.ACCOUNT);
        }
        if (Signals.addServiceObject(text).isPresent()) {
            return Optional.of(SubscriptionKind.ADD_SERVICE);
        }
        if (Signals.membershipObject(text).isPresent()) {
            return Optional.of(SubscriptionKind.MEMBERSHIP);
        }
        return Optional.empty();
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

    private static Priority incidentPriority(String text) {
        return Signals.urgency(text).isPresent() ? Priority.URGENT : Priority.HIGH;
    }

    private static Decision ticket(String reply, List<ArticleRef> candidates, List<ServiceArea> services,
                                   Priority priority, double confidence, String reason) {
        return new Decision(DecisionKind.TICKET, reply, List.of(), List.of(), candidates, services, priority, null, null,
                confidence, reason);
    }

    private static Decision outOfScope(List<ArticleRef> candidates, double confidence, String reason) {
        return new Decision(DecisionKind.OUT_OF_SCOPE, ReplyTexts.outOfScope(), List.of(), List.of(), candidates,
                List.of(), null, null, null, confidence, reason);
    }

    private static List<ServiceArea> servicesOr(List<ServiceArea> detected, ServiceArea fallback) {
        return detected.isEmpty() ? List.of(fallback) : detected;
    }

    private static List<ArticleRef> refs(List<SearchHit> hits) {
        return hits.stream().map(h -> new ArticleRef(h.article().id(), h.article().title(), h.article().service().code(),
                round(h.score()), round(h.coverage()), h.passage())).toList();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static String percent(double value) {
        return Math.round(value * 100) + " %";
    }
}
