package io.epewatch.identity.internal;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * People sign in with the form and carry a session (CSRF-protected); integrations send a bearer token
 * (no session, no CSRF). Every API error, 401 included, is problem+json; pages redirect to the login form.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt behind a {id} prefix, so the algorithm can be upgraded without resetting passwords
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Only a web application has filters; the {@code create-admin} command runs without one. */
    @Bean
    @ConditionalOnWebApplication
    SecurityFilterChain securityFilterChain(HttpSecurity http, JdbcClient jdbc, Clock clock, ProblemWriter problems,
                                            SignInHandlers signIn, AccountDetails accounts) {
        PathPatternRequestMatcher api = PathPatternRequestMatcher.pathPattern("/api/**");
        http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/actuator/**").hasAnyAuthority("ROLE_SYSTEM_ADMIN", "SCOPE_read:metrics")
                        // where declarations go now, for everyone (R6.1); the pair's calls carry their own secret
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/system-status", "/status", "/api/v1/support-contacts").permitAll()
                        .requestMatchers("/api/v1/pair/**").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        // pages are for people; an integration token opens no page
                        .anyRequest().hasAnyRole(java.util.Arrays.stream(io.epewatch.identity.Role.values()).map(Enum::name).toArray(String[]::new)))
                .formLogin(form -> form.loginPage("/login").successHandler(signIn.success())
                        .failureHandler(signIn.failure()).permitAll())
                .logout(logout -> logout.addLogoutHandler(signIn.logout()).logoutSuccessUrl("/login?logout"))
                .csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokenFilter::hasBearer)
                        .ignoringRequestMatchers(PathPatternRequestMatcher.pathPattern("/api/v1/pair/**")))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self'; frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor((request, response, e) ->
                                problems.write(response, 401, "Unauthorized", "Sign in or send a bearer token"), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE)
                        .defaultAccessDeniedHandlerFor((request, response, e) ->
                                problems.write(response, 403, "Forbidden", "You are not allowed to do this"), api)
                        // pages answer a refusal with the error page in the layout, not problem+json (issue 15); with one
                        // handler only, Spring Security would use the API's for every request
                        .defaultAccessDeniedHandlerFor(new org.springframework.security.web.access.AccessDeniedHandlerImpl(),
                                AnyRequestMatcher.INSTANCE))
                .addFilterBefore(new BearerTokenFilter(jdbc, clock, problems, accounts), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(signIn.lockout(), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new AccountGate(problems), AuthorizationFilter.class);
        return http.build();
    }
}
