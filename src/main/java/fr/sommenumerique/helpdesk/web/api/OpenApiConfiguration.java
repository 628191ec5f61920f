package fr.sommenumerique.helpdesk.web.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API description served at {@code /v3/api-docs} and shown at {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI helpdeskOpenApi() {
        return new OpenAPI()
                .info(new Info().title("API de l'assistance Mairie connectée").version("1")
                        .description("""
                                Les opérations de l'interface de tri, en JSON, pour les scripts du personnel.

                                **Authentification** : HTTP Basic avec un compte du personnel, ou jeton personnel \
                                (`Authorization: Bearer hd_…`, créé dans « Mon compte »). L'API est sans état : elle ne \
                                lit ni session ni cookie, c'est pourquoi la protection CSRF (réservée aux formulaires de \
                                l'interface) ne s'y applique pas.

                                **Erreurs** : problèmes RFC 9457 (`application/problem+json`) ; les erreurs de \
                                validation listent les champs dans `errors`.

                                Les dates sont en UTC (ISO 8601)."""))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("jeton", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("Jeton personnel hd_…")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("jeton"));
    }
}
