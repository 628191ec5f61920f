package fr.sommenumerique.helpdesk.web.security;

import fr.sommenumerique.helpdesk.web.account.ApiTokens;
import fr.sommenumerique.helpdesk.web.account.StaffAccounts;
import fr.sommenumerique.helpdesk.web.account.StaffUserStore;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Who may see what.
 *
 * <ul>
 *   <li>{@code /api/**}: stateless; HTTP Basic with a staff account or a personal token
 *       ({@code Authorization: Bearer hd_…}). No session and no cookie is read, so CSRF cannot apply and is off;
 *       errors are RFC 9457 problems.</li>
 *   <li>{@code /actuator/**}: health for everyone (details only for staff); the rest (metrics, Prometheus) for
 *       staff, by Basic, token or an open UI session.</li>
 *   <li>Everything else is the UI: form login at {@code /connexion}, session cookie, CSRF token on every form,
 *       strict Content-Security-Policy; {@code /admin/**} for ADMIN only. ADMIN includes AGENT. Each request
 *       re-reads the account ({@link AccountRecheck}): disabling it, changing its role or resetting its password
 *       ends its open sessions.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(LoginProperties.class)
public class SecurityConfiguration {

    static final String UI_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-src 'self'; frame-ancestors 'self'";
    /** Swagger UI sets inline styles. */
    static final String SWAGGER_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";

    @Bean
    FilterRegistrationBean<DirectErrorRequests> directErrorRequests() {
        FilterRegistrationBean<DirectErrorRequests> registration = new FilterRegistrationBean<>(new DirectErrorRequests());
        registration.addUrlPatterns("/error", "/error/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_AGENT");
    }

    @Bean
    StaffUserDetailsService staffUserDetailsService(StaffUserStore store) {
        return new StaffUserDetailsService(store);
    }

    @Bean
    LoginThrottle loginThrottle(JdbcClient jdbc, PlatformTransactionManager transactions, LoginProperties properties,
                                ObjectProvider<Clock> clock) {
        return new LoginThrottle(jdbc, transactions, properties, clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    AuthenticationManager authenticationManager(StaffUserDetailsService users, PasswordEncoder encoder,
                                                LoginThrottle throttle, StaffAccounts accounts) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        ProviderManager manager = new ProviderManager(new ThrottlingAuthenticationProvider(passwords, throttle, accounts));
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    @Bean
    ProblemResponses problemResponses(JsonMapper json) {
        return new ProblemResponses(json);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager manager, ProblemResponses problems,
                                    ApiTokens tokens, LoginThrottle throttle, StaffAccounts accounts) throws Exception {
        http.securityMatcher("/api/**")
                .authenticationManager(manager)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/staff", "/api/staff/me").hasRole("AGENT")
                        .requestMatchers("/api/staff/**", "/api/admin/**").hasRole("ADMIN")
                        .anyRequest().hasRole("AGENT"))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .addFilterBefore(new BearerTokenFilter(tokens, throttle, problems), BasicAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeGate(accounts, problems), AuthorizationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain actuatorSecurity(HttpSecurity http, AuthenticationManager manager, ProblemResponses problems,
                                         ApiTokens tokens, LoginThrottle throttle) throws Exception {
        http.securityMatcher("/actuator/**")
                .authenticationManager(manager)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole("AGENT"))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .addFilterBefore(new BearerTokenFilter(tokens, throttle, problems), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * The OpenAPI description: for staff signed in to the UI (Swagger UI reads it with the session) and for scripts,
     * which cannot sign in through a form, with Basic or a personal token.
     */
    @Bean
    @Order(3)
    SecurityFilterChain apiDocsSecurity(HttpSecurity http, AuthenticationManager manager, ProblemResponses problems,
                                        ApiTokens tokens, LoginThrottle throttle, StaffAccounts accounts) throws Exception {
        http.securityMatcher("/v3/api-docs", "/v3/api-docs/**")
                .authenticationManager(manager)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("AGENT"))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .addFilterBefore(new BearerTokenFilter(tokens, throttle, problems), BasicAuthenticationFilter.class)
                .addFilterBefore(new AccountRecheck(accounts), AuthorizationFilter.class)
                .addFilterAfter(new PasswordChangeGate(accounts, problems), AuthorizationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    @Order(4)
    SecurityFilterChain uiSecurity(HttpSecurity http, AuthenticationManager manager, StaffAccounts accounts,
                                   ProblemResponses problems) throws Exception {
        RequestMatcher swagger = new OrRequestMatcher(pathPattern("/swagger-ui.html"), pathPattern("/swagger-ui/**"),
                pathPattern("/v3/api-docs/**"), pathPattern("/v3/api-docs"));
        http.authenticationManager(manager)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/css/**", "/js/**", "/img/**", "/favicon.ico", "/favicon.svg", "/connexion",
                                "/error").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().hasRole("AGENT"))
                .formLogin(form -> form.loginPage("/connexion").loginProcessingUrl("/connexion")
                        .usernameParameter("identifiant").passwordParameter("motdepasse")
                        .successHandler(AccountRecheck.recordingLogin(accounts, "/"))
                        .failureUrl("/connexion?erreur").permitAll())
                .logout(logout -> logout.logoutUrl("/deconnexion").logoutSuccessUrl("/connexion?deconnexion")
                        .deleteCookies("JSESSIONID"))
                .addFilterBefore(new AccountRecheck(accounts), AuthorizationFilter.class)
                .addFilterAfter(new PasswordChangeGate(accounts, problems), AuthorizationFilter.class)
                .sessionManagement(session -> session.invalidSessionUrl("/connexion?expiree"))
                .headers(headers -> headers
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swagger),
                                new ContentSecurityPolicyHeaderWriter(UI_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swagger,
                                new ContentSecurityPolicyHeaderWriter(SWAGGER_POLICY)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }
}
