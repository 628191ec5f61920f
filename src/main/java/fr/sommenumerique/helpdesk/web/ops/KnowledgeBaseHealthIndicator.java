package fr.sommenumerique.helpdesk.web.ops;

import fr.sommenumerique.helpdesk.knowledge.KnowledgeBase;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Actuator health « knowledgeBase »: number of articles, files left out, last load. No article at all is DOWN (the
 * assistant cannot answer anything); files left out are DEGRADED.
 */
@Component("knowledgeBaseHealthIndicator")
public class KnowledgeBaseHealthIndicator implements HealthIndicator {

    public static final Status DEGRADED = new Status("DEGRADED", "Des fichiers de la base de connaissances sont écartés");

    private final KnowledgeBase knowledge;

    public KnowledgeBaseHealthIndicator(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    @Override
    public Health health() {
        KnowledgeBase.Status status = knowledge.status();
        Health.Builder health = status.articleCount() == 0 ? Health.down()
                : status.problems().isEmpty() ? Health.up() : Health.status(DEGRADED);
        health.withDetail("articles", status.articleCount())
                .withDetail("problems", status.problems().stream()
                        .map(p -> p.file().getFileName() + " : " + p.reason()).toList())
                .withDetail("loadedAt", String.valueOf(status.loadedAt()))
                .withDetail("indexBuildMillis", status.indexBuildTime().toMillis());
        return health.build();
    }
}
