package fr.sommenumerique.helpdesk.telegram.chat;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import fr.sommenumerique.helpdesk.knowledge.TextCut;
import fr.sommenumerique.helpdesk.knowledge.Article;
import fr.sommenumerique.helpdesk.knowledge.KnowledgeBase;
import fr.sommenumerique.helpdesk.knowledge.ServiceArea;
import fr.sommenumerique.helpdesk.telegram.bot.InlineButton;
import fr.sommenumerique.helpdesk.telegram.bot.InlineKeyboard;
import fr.sommenumerique.helpdesk.telegram.bot.TelegramMarkdown;
import fr.sommenumerique.helpdesk.telegram.delivery.BotMessage;

/**
 * /services: the offer, one button per service, each opening a short summary taken from the knowledge base (the
 * first paragraph of the service's main article), so that the bot says what the FAQ says. The main article is the
 * one named below; if it is missing (renamed, broken), the first article of the service that is not a hand-over.
 */
@Component
class ServiceSummaries {

    static final String PREFIX = "svc:";
    private static final int MAX_SUMMARY = 900;

    private record Entry(String button, String mainArticle) {
    }

    private static final Map<ServiceArea, Entry> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put(ServiceArea.ACTES, new Entry("📜 Actes", "actes-teletransmission"));
        SERVICES.put(ServiceArea.MARCHES, new Entry("🏛️ Marchés publics", "plateforme-marches"));
        SERVICES.put(ServiceArea.PARTAGE, new Entry("📁 Partage de fichiers", "partage-de-fichiers"));
        SERVICES.put(ServiceArea.FORMATION, new Entry("🎓 Formation", "formation-presentation"));
        SERVICES.put(ServiceArea.OFFRE, new Entry("⭐ Toute l'offre", "offre-mairie-connectee"));
    }

    private final KnowledgeBase knowledgeBase;

    ServiceSummaries(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    BotMessage menu() {
        InlineKeyboard.Builder keyboard = InlineKeyboard.builder();
        SERVICES.forEach((service, entry) -> keyboard.row(InlineButton.of(entry.button(), PREFIX + service.code())));
        return BotMessage.plain(ChatTexts.SERVICES_INTRO).withKeyboard(keyboard.build());
    }

    /** The summary for a button's data, empty when the data names no service of the menu. */
    Optional<BotMessage> summary(String callbackData) {
        if (callbackData == null || !callbackData.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return ServiceArea.fromCode(callbackData.substring(PREFIX.length()))
                .filter(SERVICES::containsKey)
                .map(this::summaryOf);
    }

    private BotMessage summaryOf(ServiceArea service) {
        Optional<Article> article = mainArticle(service);
        String title = article.map(Article::title).orElse(service.label());
        String body = article.map(a -> firstParagraph(a.text()))
                .orElse("Posez-moi votre question sur ce service : je vous réponds ou je la transmets à un agent.");
        String markdown = TelegramMarkdown.bold(title) + "\n\n" + TelegramMarkdown.escape(body) + "\n\n"
                + TelegramMarkdown.escape("Une question sur ce service ? Écrivez-la ici. Pour en faire la demande : "
                + "/souscrire");
        return BotMessage.markdown(markdown);
    }

    private Optional<Article> mainArticle(ServiceArea service) {
        return knowledgeBase.article(SERVICES.get(service).mainArticle())
                .or(() -> knowledgeBase.articles().stream()
                        .filter(a -> a.service() == service && !a.handover())
                        .min(Comparator.comparing(Article::id)));
    }

    static String firstParagraph(String text) {
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            String p = paragraph.strip();
            if (!p.isEmpty()) {
                return TextCut.cut(p, MAX_SUMMARY);
            }
        }
        return text.strip();
    }
}
