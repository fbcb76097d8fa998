package vn.sen.shared;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Error pages that say what happened in the user's language and never show a stack trace; the
 * details go to the log with a reference the user can quote.
 */
@Controller
@ControllerAdvice
class ErrorPages implements ErrorController {

    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        response.setStatus(status);
        if (JsonErrors.api(String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)))) {
            // what the API advice did not answer itself (unexpected failures): JSON too, never a page
            JsonErrors.write(response, status, "error." + status, null);
            return null;
        }
        model.addAttribute("status", status);
        model.addAttribute(
                "messageKey",
                switch (status) {
                    case 400 -> "error.400";
                    case 403 -> "error.403";
                    case 404 -> "error.404";
                    case 405 -> "error.405";
                    case 413 -> "error.413";
                    case 429 -> "error.429";
                    default -> "error.500";
                });
        return "error";
    }

    @ExceptionHandler(AccessDeniedException.class)
    String denied(HttpServletResponse response, Model model) {
        response.setStatus(403);
        model.addAttribute("status", 403);
        model.addAttribute("messageKey", "error.403");
        return "error";
    }

    @ExceptionHandler(RuleViolation.class)
    String ruleViolation(RuleViolation e, HttpServletResponse response, Model model) {
        response.setStatus(422);
        model.addAttribute("status", 422);
        model.addAttribute("messageKey", e.code());
        model.addAttribute("messageArgs", e.args());
        return "error";
    }

    @ExceptionHandler(org.springframework.web.bind.MissingServletRequestParameterException.class)
    String badRequest(Exception e, HttpServletResponse response, Model model) {
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("messageKey", "error.400");
        return "error";
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setStatus(413);
        if (JsonErrors.api(request.getRequestURI())) {
            // refused before any API controller was chosen: still JSON for a program
            JsonErrors.write(response, 413, "error.413", null);
            return null;
        }
        model.addAttribute("status", 413);
        model.addAttribute("messageKey", "error.413");
        return "error";
    }

    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    String typeMismatch(Exception e, HttpServletResponse response, Model model) {
        return badRequest(e, response, model);
    }
}
