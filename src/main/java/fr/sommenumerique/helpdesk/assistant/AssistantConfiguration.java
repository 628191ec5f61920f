package fr.sommenumerique.helpdesk.assistant;

import fr.sommenumerique.helpdesk.knowledge.KnowledgeBase;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AssistantSettings.class)
class AssistantConfiguration {

    @Bean
    DecisionEngine decisionEngine(KnowledgeBase knowledgeBase, AssistantSettings settings) {
        return new DecisionEngine(knowledgeBase, settings);
    }
}
