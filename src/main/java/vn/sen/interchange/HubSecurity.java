package vn.sen.interchange;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /axis/**} is called by other systems, not people: no session, no cookie, no CSRF token; each
 * call proves who makes it with its signed headers, which {@link HubController} checks.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class HubSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain axis(HttpSecurity http) throws Exception {
        http.securityMatcher("/axis/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }
}
