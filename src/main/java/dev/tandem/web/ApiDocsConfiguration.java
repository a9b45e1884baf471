package dev.tandem.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /api/docs (and readable at /api/docs/ui). */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    @Bean
    OpenAPI tandemApi() {
        return new OpenAPI()
                .info(new Info().title("Tandem API").version("v1")
                        .description("Partner and referral programs. Authenticate with an API key from Admin → API keys,"
                                + " sent as 'Authorization: Bearer tnd_sk_…'. Errors are RFC 9457 problem details.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("apiKey",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("tnd_sk_…")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
