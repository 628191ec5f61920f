package fr.sommenumerique.helpdesk.assistant.rules;

import fr.sommenumerique.helpdesk.knowledge.TextCut;
import fr.sommenumerique.helpdesk.assistant.SubscriptionKind;
import fr.sommenumerique.helpdesk.knowledge.Article;
import fr.sommenumerique.helpdesk.knowledge.Funding;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The French texts of the assistant's replies. Channels add the greeting, references and next steps. */
public final class ReplyTexts {

    private ReplyTexts() {
    }

    /** The answer: the sections of each article that answer the question, then the sources. */
    public static String answer(List<Article> articles, List<String> texts) {
        StringBuilder reply = new StringBuilder();
        for (String text : texts) {
            reply.append(text).append("\n\n");
        }
        reply.append(articles.size() == 1 ? "Source : " : "Sources : ")
                .append(articles.stream().map(a -> "« " + a.title() + " »").collect(Collectors.joining(" ; ")))
                .append('.');
        return reply.toString();
    }

    /** Hand-over articles are written to be sent as they are: they say what is known and that an agent answers. */
    public static String unknownFact(Article article) {
        return article.text();
    }

    /** An article that answers around the question but says the precise point asked is not known here. */
    public static String partlyUnknown(Article article) {
        return article.text() + "\n\nCe point précis ne figure pas dans nos documents : votre question est transmise à "
                + "un agent de Somme Numérique, qui vous répondra pendant nos heures d'ouverture.";
    }

    public static String incident(List<ServiceArea> services) {
        String about = services.isEmpty() ? "" : " concernant " + labels(services);
        return "Votre signalement" + about + " est transmis à un agent de Somme Numérique, qui va le prendre en charge. "
                + "Pour l'aider, vous pouvez préciser en répondant : la commune, le service concerné, le message d'erreur "
                + "exact et, si possible, une capture d'écran.";
    }

    public static String notConfident() {
        return "Je n'ai pas trouvé de réponse sûre à votre question dans la base de connaissances Mairie connectée : "
                + "je préfère la transmettre à un agent de Somme Numérique, qui vous répondra.";
    }

    public static String outOfScope() {
        return "Votre message ne semble pas concerner les services Mairie connectée de Somme Numérique (télétransmission "
                + "des actes, plateforme des marchés publics, partage de fichiers, formation). Nous ne pouvons donc pas "
                + "y répondre ici. Un agent le lira tout de même et vous orientera si besoin.";
    }

    public static String nothingToAnswer() {
        return "Bonjour, je suis l'assistant automatique du support Mairie connectée de Somme Numérique. Posez-moi votre "
                + "question sur la télétransmission des actes, les marchés publics, le partage de fichiers, la formation "
                + "ou l'offre Mairie connectée ; quand je ne sais pas répondre, un agent prend le relais pendant les "
                + "heures d'ouverture.";
    }

    public static String subscription(SubscriptionKind kind, List<ServiceArea> services, Integer population,
                                      String communeName, Optional<Funding> funding) {
        StringBuilder reply = new StringBuilder();
        reply.append("Votre demande (").append(kind.label().toLowerCase(java.util.Locale.ROOT));
        if (!services.isEmpty()) {
            reply.append(" : ").append(labels(services));
        }
        reply.append(") est enregistrée. Un agent de Somme Numérique l'étudie et revient vers vous pendant les heures "
                + "d'ouverture. ");
        reply.append(switch (kind) {
            case MEMBERSHIP, ADD_SERVICE -> "L'adhésion se fait à la demande de la commune ou de l'EPCI, par la signature "
                    + "de la charte de fonctionnement Mairie connectée et d'une convention avec Somme Numérique ; "
                    + "l'agent vous enverra ces documents et vous indiquera les pièces à fournir.";
            case ACCOUNT, ACCOUNT_CHANGE, ACCOUNT_CLOSE, ACCOUNT_TRANSFER -> "Pour qu'il la traite sans aller-retour, "
                    + "précisez si ce n'est pas fait : la commune, le service concerné et le nom, la fonction et "
                    + "l'adresse e-mail professionnelle des personnes concernées.";
            case TRAINING -> "Nous ne disposons pas ici du calendrier des formations : l'agent vous proposera une date.";
        });
        if (kind == SubscriptionKind.MEMBERSHIP || kind == SubscriptionKind.ADD_SERVICE) {
            reply.append("\n\n").append(eligibility(population, communeName, funding));
        }
        return reply.toString();
    }

    /** One short section per part of a message that asked several things. */
    public static String parts(List<String> headings, List<String> sections) {
        StringBuilder reply = new StringBuilder("Votre message contient plusieurs questions ou demandes ; voici la "
                + "réponse à chacune.");
        for (int i = 0; i < sections.size(); i++) {
            reply.append("\n\n").append(i + 1).append(". « ").append(headings.get(i)).append(" »\n")
                    .append(sections.get(i));
        }
        return reply.toString();
    }

    public static String partHandedOver() {
        return "Ce point est transmis à un agent de Somme Numérique, qui vous répondra.";
    }

    public static String partIncident() {
        return "Ce signalement est transmis à un agent de Somme Numérique ; précisez si besoin le message d'erreur exact.";
    }

    public static String followUp() {
        return "Votre précision est transmise à un agent de Somme Numérique, qui la rapprochera de votre demande. "
                + "Si vous avez une référence de demande (MC-…), indiquez-la dans l'objet de votre message.";
    }

    /** An out-of-scope topic card: its body says where to turn instead. */
    public static String outOfScope(Article topic) {
        return topic.text();
    }

    /** « En attendant la réponse d'un agent » and up to three related articles, each with its first line. */
    public static String whileWaiting(List<Article> related) {
        if (related.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("\n\nEn attendant la réponse d'un agent, ces articles peuvent vous aider :");
        for (Article article : related) {
            text.append("\n- ").append(article.title()).append(" : ").append(firstSentence(article.text()));
        }
        return text.toString();
    }

    private static String firstSentence(String text) {
        String paragraph = text.strip().split("\n", 2)[0];
        int end = paragraph.indexOf(". ");
        String sentence = end < 0 ? paragraph : paragraph.substring(0, end + 1);
        return TextCut.cut(sentence, 220);
    }

    /** What the funding article says, after the commune's place against its population limit when it is known. */
    private static String eligibility(Integer population, String communeName, Optional<Funding> funding) {
        if (funding.isEmpty()) {
            return "Un agent de Somme Numérique vous indiquera les financements possibles.";
        }
        Funding rule = funding.get();
        String commune = communeName == null ? "votre commune" : communeName;
        String where;
        if (population == null) {
            where = "Indiquez-nous le nom de votre commune si ce n'est pas déjà fait : l'agent vérifiera son éligibilité.";
        } else {
            where = "Avec " + Funding.inhabitants(population) + " habitants, " + commune
                    + (rule.eligible(population) ? " compte moins de " : " dépasse le seuil de ")
                    + rule.limitText() + " habitants.";
        }
        return where + "\n" + rule.summary();
    }

    private static String labels(List<ServiceArea> services) {
        return services.stream().map(ServiceArea::label).collect(Collectors.joining(", "));
    }
}
