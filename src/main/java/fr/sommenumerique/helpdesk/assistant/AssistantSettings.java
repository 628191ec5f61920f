package fr.sommenumerique.helpdesk.assistant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

import java.nio.file.Path;

/**
 * Thresholds of the decision engine.
 *
 * @param minCoverage        the best article must match at least this share of the question's informative words
 *                           (weighted by rarity) for the assistant to answer on its own
 * @param minMatchedShare    ... and at least this share of those words, counted one by one
 * @param secondArticleRatio a second article is added to the answer when it is also confident and its score is at
 *                           least this fraction of the best one
 * @param reviewBelow        an automatic answer whose confidence is below this is sent but its ticket stays open for
 *                           staff to check, instead of being resolved
 * @param modelCache         folder where trained intent models are kept between starts (none: trained at every start)
 */
@ConfigurationProperties("helpdesk.assistant")
public record AssistantSettings(Double minCoverage, Double minMatchedShare, Double secondArticleRatio,
                                Double reviewBelow, Path modelCache) {

    public static final AssistantSettings DEFAULTS = new AssistantSettings(null, null, null, null);

    /** The thresholds, with no model cache (tests and tools that load a knowledge base once). */
    public AssistantSettings(Double minCoverage, Double minMatchedShare, Double secondArticleRatio, Double reviewBelow) {
        this(minCoverage, minMatchedShare, secondArticleRatio, reviewBelow, null);
    }

    @ConstructorBinding
    public AssistantSettings {
        minCoverage = minCoverage == null ? 0.35 : minCoverage;
        minMatchedShare = minMatchedShare == null ? 0.4 : minMatchedShare;
        secondArticleRatio = secondArticleRatio == null ? 0.9 : secondArticleRatio;
        reviewBelow = reviewBelow == null ? 0.45 : reviewBelow;
    }
}
