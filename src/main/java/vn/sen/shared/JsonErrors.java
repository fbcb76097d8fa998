package vn.sen.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The API's error body, {@code {"code": "...", "message": "..."}}, written straight to a response where
 * no controller answers (security filters, the error page, requests refused before a handler is chosen).
 */
public final class JsonErrors {

    private JsonErrors() {}

    /** Whether a request belongs to the API, whose errors are JSON and never pages. */
    public static boolean api(String requestUri) {
        return requestUri != null && requestUri.startsWith("/api/");
    }

    public static void write(HttpServletResponse response, int status, String code, String message) {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        try {
            response.getWriter()
                    .write("{\"code\":\"" + escape(code) + "\""
                            + (message == null ? "" : ",\"message\":\"" + escape(message) + "\"") + "}");
        } catch (IOException e) {
            // the client went away
        }
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
