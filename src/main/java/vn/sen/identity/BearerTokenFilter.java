package vn.sen.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer sen_…} on {@code /api/**}: a valid token of an enabled account signs the
 * request in as that account, with its roles, for this request only (no session).
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final AccountDetailsService details;

    BearerTokenFilter(ApiTokens tokens, AccountDetailsService details) {
        this.tokens = tokens;
        this.details = details;
    }

    /** A streamed answer ends in an async dispatch, which must be signed in as the request was. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            tokens.authenticate(header.substring(7).strip()).ifPresent(username -> {
                try {
                    SenUser user = details.loadUserByUsername(username);
                    if (user.isEnabled() && user.isAccountNonLocked()) {
                        var context = SecurityContextHolder.createEmptyContext();
                        context.setAuthentication(
                                UsernamePasswordAuthenticationToken.authenticated(user, null, user.fullAuthorities()));
                        SecurityContextHolder.setContext(context);
                    }
                } catch (UsernameNotFoundException e) {
                    // the account is gone: stay anonymous
                }
            });
        }
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
