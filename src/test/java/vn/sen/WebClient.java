package vn.sen;

import jakarta.servlet.http.Cookie;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A browser-like MockMvc client: keeps the session cookie between requests, as sessions live in
 * PostgreSQL (Spring Session) rather than in the servlet container.
 */
public final class WebClient {

    private final MockMvc mvc;
    private Cookie session;

    public WebClient(MockMvc mvc) {
        this.mvc = mvc;
    }

    public MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
        if (session != null) {
            request.cookie(session);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        Cookie updated = response.getCookie("SESSION");
        if (updated != null) {
            session = updated.getMaxAge() == 0 ? null : updated;
        }
        return response;
    }

    public String sessionCookie() {
        return session == null ? null : session.getValue();
    }
}
