package fr.sommenumerique.helpdesk.knowledge;

import fr.sommenumerique.helpdesk.knowledge.files.FolderWatcher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class KnowledgeConfiguration {

    @Bean
    KnowledgeBase knowledgeBase(@Value("${helpdesk.knowledge.folder:knowledge-base}") Path folder) {
        return KnowledgeBase.load(folder);
    }

    /** Rebuilds the index when an article changes, so editors need no restart. */
    @Bean(destroyMethod = "close")
    FolderWatcher knowledgeBaseWatcher(KnowledgeBase knowledgeBase,
                                       @Value("${helpdesk.knowledge.reload-quiet-period:PT0.3S}") Duration quietPeriod)
            throws IOException {
        return new FolderWatcher(knowledgeBase.folder(), quietPeriod, knowledgeBase::reload);
    }
}
