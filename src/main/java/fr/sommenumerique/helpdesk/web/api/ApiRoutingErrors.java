package fr.sommenumerique.helpdesk.web.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Errors raised under {@code /api} before any controller is chosen (wrong method: 405, wrong Content-Type: 415,
 * unknown address: 404) as French RFC 9457 problems. {@link ApiProblems} only sees errors of a chosen API controller.
 */
@Component
class ApiRoutingErrors implements HandlerExceptionResolver, Ordered {

    private final JsonMapper json;

    ApiRoutingErrors(JsonMapper json) {
        this.json = json;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception e) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (handler instanceof HandlerMethod || !path.startsWith("/api/") || !(e instanceof ErrorResponse error)) {
            return null;
        }
        ProblemDetail problem = error.getBody();
        FrenchProblems.translate(e, problem);
        problem.setInstance(URI.create(request.getRequestURI()));
        try {
            response.setStatus(error.getStatusCode().value());
            error.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(json.writeValueAsString(problem));
        } catch (IOException io) {
            return null;
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
