package vn.sen.shared;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * Errors of {@code /api/v1} in JSON — {@code {"code": "...", "message": "..."}} with the message in the
 * caller's language (Vietnamese by default) — never an HTML page or a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<Map<String, Object>> rule(RuleViolation e, Locale locale) {
        return body(HttpStatus.UNPROCESSABLE_CONTENT, e.code(), e.args(), locale);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, Object>> denied(Locale locale) {
        return body(HttpStatus.FORBIDDEN, "error.403", new Object[0], locale);
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, Object>> status(ResponseStatusException e, Locale locale) {
        return body(e.getStatusCode(), "error." + e.getStatusCode().value(), new Object[0], locale);
    }

    @ExceptionHandler({
        org.springframework.web.bind.MissingServletRequestParameterException.class,
        org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class,
        org.springframework.http.converter.HttpMessageNotReadableException.class,
        org.springframework.web.multipart.support.MissingServletRequestPartException.class
    })
    ResponseEntity<Map<String, Object>> badRequest(Locale locale) {
        return body(HttpStatus.BAD_REQUEST, "error.400", new Object[0], locale);
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> tooLarge(Locale locale) {
        return body(HttpStatus.CONTENT_TOO_LARGE, "error.413", new Object[0], locale);
    }

    private ResponseEntity<Map<String, Object>> body(HttpStatusCode status, String code, Object[] args, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", messages.getMessage(code, args, messages.getMessage("error.500", null, locale), locale));
        return ResponseEntity.status(status).body(body);
    }
}
