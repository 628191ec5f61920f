package fr.sommenumerique.helpdesk.knowledge;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The sections of each article and topic card of a snapshot, cut and analysed when first asked for, then kept: an
 * answer reads the sections of a few articles only, and cutting them all lengthened the cold load.
 */
final class ArticleSections {

    private final Map<String, Article> articlesById;
    private final Function<Article, List<Section>> cut;
    private final Map<String, List<Section>> cutSoFar = new ConcurrentHashMap<>();

    ArticleSections(Map<String, Article> articlesById, Function<Article, List<Section>> cut) {
        this.articlesById = articlesById;
        this.cut = cut;
    }

    /** The sections of the article of this id, in order; none for an id the snapshot does not have. */
    List<Section> of(String id) {
        Article article = articlesById.get(id);
        return article == null ? List.of() : cutSoFar.computeIfAbsent(id, i -> cut.apply(article));
    }
}
