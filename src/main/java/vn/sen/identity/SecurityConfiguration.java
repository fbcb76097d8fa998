package vn.sen.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** Web security: who reaches which URL at which step of the login. Finer checks use {@link vn.sen.shared.UserScope}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    /**
     * The signing tool on the officer's own computer (a USB token's software), which pages reach over
     * loopback: nothing else outside Sen's origin.
     */
    private static final String LOOPBACK = "http://127.0.0.1:* ws://127.0.0.1:* http://localhost:* ws://localhost:*";

    /** Content security policy: everything from Sen's own origin, nothing inline. */
    private static final String POLICY = "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'; "
            + "connect-src 'self' " + LOOPBACK + "; ";

    private static final String SCRIPTS = "script-src 'self'";

    /** The PDF viewer decodes JBIG2 and JPEG 2000 scans with WebAssembly (compiled, never eval'd). */
    private static final String VIEWER_SCRIPTS = "script-src 'self' 'wasm-unsafe-eval'";

    /** The preview pages and PDF.js itself (its worker gets the policy of its own script's response). */
    private static final RequestMatcher VIEWER =
            request -> request.getRequestURI().endsWith("/preview")
                    || request.getRequestURI().startsWith(request.getContextPath() + "/webjars/pdfjs-dist/");

    @Bean
    PasswordEncoder passwordEncoder() {
        // Argon2id for new hashes; bcrypt hashes (imported from legacy systems) still verify.
        return new DelegatingPasswordEncoder(
                "argon2",
                Map.of(
                        "argon2",
                        Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                        "bcrypt",
                        new BCryptPasswordEncoder()));
    }

    /** The web filter chain exists only in the web application, not for command-line runs. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication
    static class Web {

        /**
         * {@code /api/**}: stateless, bearer tokens only (no cookies, so no CSRF), answers in JSON; the
         * browsable description ({@code /api/docs}) is public.
         */
        @Bean
        @org.springframework.core.annotation.Order(1)
        SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, AccountDetailsService details) throws Exception {
            http.securityMatcher("/api/**")
                    .authorizeHttpRequests(
                            requests -> requests.requestMatchers("/api/docs", "/api/docs/**", "/api/swagger-ui/**")
                                    .permitAll()
                                    .anyRequest()
                                    .hasAuthority(SenUser.SIGNED_IN))
                    .sessionManagement(session -> session.sessionCreationPolicy(
                            org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                    .csrf(csrf -> csrf.disable())
                    .requestCache(cache -> cache.disable())
                    .securityContext(context -> context.requireExplicitSave(true))
                    .addFilterBefore(
                            new BearerTokenFilter(tokens, details),
                            org.springframework.security.web.authentication.AnonymousAuthenticationFilter.class)
                    .exceptionHandling(errors -> errors.authenticationEntryPoint(
                                    (request, response, e) -> vn.sen.shared.JsonErrors.write(
                                            response,
                                            401,
                                            "unauthorized",
                                            "Cần khóa truy cập API hợp lệ (Authorization: Bearer …)."))
                            .accessDeniedHandler((request, response, e) -> vn.sen.shared.JsonErrors.write(
                                    response, 403, "forbidden", "Tài khoản không có quyền thực hiện việc này.")));
            return http.build();
        }

        @Bean
        SecurityFilterChain web(
                HttpSecurity http, LoginFlow flow, LoginThrottle throttle, SecurityProperties properties)
                throws Exception {
            http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                    "/login", "/error", "/webjars/**", "/assets/**", "/favicon.ico")
                            .permitAll()
                            // the API's OpenAPI description and its browsable page are public
                            .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**")
                            .permitAll()
                            .requestMatchers("/actuator/health/**", "/actuator/info")
                            .permitAll()
                            .requestMatchers("/actuator/**")
                            .access((auth, context) -> new AuthorizationDecision(isLoopback(context.getRequest())))
                            .requestMatchers("/login/passkey")
                            .authenticated()
                            .requestMatchers("/login/second-factor")
                            .hasAuthority(SenUser.STAGE_SECOND_FACTOR)
                            .requestMatchers("/login/enrol", "/login/enrol/**")
                            .hasAuthority(SenUser.STAGE_ENROL_SECOND_FACTOR)
                            .requestMatchers("/login/password")
                            .hasAuthority(SenUser.STAGE_CHANGE_PASSWORD)
                            .requestMatchers("/audit", "/audit/**")
                            .hasRole("SECURITY_AUDITOR")
                            .requestMatchers(
                                    "/admin/calendar/**",
                                    "/admin/trust-anchors",
                                    "/admin/trust-anchors/**",
                                    "/admin/interchange/**",
                                    "/admin/meeting-types",
                                    "/admin/meeting-types/**")
                            .hasRole("SYSTEM_ADMIN")
                            .requestMatchers("/admin/**")
                            .hasAnyRole("SYSTEM_ADMIN", "UNIT_ADMIN")
                            .anyRequest()
                            .hasAuthority(SenUser.SIGNED_IN))
                    .formLogin(form ->
                            form.loginPage("/login").successHandler(flow).failureHandler(flow))
                    // Passkeys: after the ceremony the page goes to /login/passkey, where the login flow continues.
                    .webAuthn(passkeys -> passkeys.rpName("Sen")
                            .rpId(properties.passkeyRpId())
                            .allowedOrigins(java.util.Set.copyOf(properties.passkeyOrigins()))
                            .disableDefaultRegistrationPage(true))
                    .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                    .exceptionHandling(errors ->
                            errors.authenticationEntryPoint(entryPoint()).accessDeniedHandler(deniedHandler()))
                    .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
                    .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                    VIEWER, new ContentSecurityPolicyHeaderWriter(POLICY + VIEWER_SCRIPTS)))
                            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                    new NegatedRequestMatcher(VIEWER),
                                    new ContentSecurityPolicyHeaderWriter(POLICY + SCRIPTS)))
                            .referrerPolicy(referrer ->
                                    referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
            return http.build();
        }
    }

    /**
     * Not signed in: a page request goes to the login page; an htmx request gets {@code HX-Redirect} so
     * the whole page (not a fragment) goes there.
     */
    private static AuthenticationEntryPoint entryPoint() {
        return (request, response, e) -> {
            boolean expired = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
            String target = request.getContextPath() + "/login" + (expired ? "?expired" : "");
            redirect(request, response, target, 401);
        };
    }

    /** Signed in but not allowed: an unfinished login goes back to its step; otherwise 403. */
    private static AccessDeniedHandler deniedHandler() {
        return (request, response, e) -> {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && !(auth instanceof AnonymousAuthenticationToken)) {
                for (GrantedAuthority authority : auth.getAuthorities()) {
                    String step = switch (authority.getAuthority()) {
                        case SenUser.STAGE_SECOND_FACTOR -> "/login/second-factor";
                        case SenUser.STAGE_ENROL_SECOND_FACTOR -> "/login/enrol";
                        case SenUser.STAGE_CHANGE_PASSWORD -> "/login/password";
                        default -> null;
                    };
                    if (step != null) {
                        redirect(request, response, request.getContextPath() + step, 303);
                        return;
                    }
                }
            }
            if ("/logout".equals(request.getServletPath())) {
                // a logout form whose CSRF token expired with the session: the user is out anyway
                redirect(request, response, request.getContextPath() + "/login?logout", 303);
                return;
            }
            request.setAttribute("sen.denied", Boolean.TRUE);
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        };
    }

    private static void redirect(
            HttpServletRequest request, HttpServletResponse response, String target, int htmxStatus)
            throws IOException {
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(htmxStatus);
        } else {
            response.sendRedirect(target);
        }
    }

    private static boolean isLoopback(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        return "127.0.0.1".equals(address) || "0:0:0:0:0:0:0:1".equals(address) || "::1".equals(address);
    }
}
