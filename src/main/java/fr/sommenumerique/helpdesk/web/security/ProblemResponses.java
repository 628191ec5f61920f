package fr.sommenumerique.helpdesk.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** 401 and 403 of the REST API as RFC 9457 problems, in French, with the authentication schemes offered. */
public class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String CHALLENGE = "Basic realm=\"Assistance Mairie connectée\", charset=\"UTF-8\"";

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.addHeader("WWW-Authenticate", CHALLENGE);
        response.addHeader("WWW-Authenticate", "Bearer");
        String detail = e instanceof ThrottledLoginException || e.getMessage() != null && e.getMessage().startsWith("Jeton")
                ? e.getMessage()
                : "Identifiez-vous : HTTP Basic (identifiant et mot de passe du personnel) ou jeton personnel "
                + "« Authorization: Bearer hd_… ».";
        write(request, response, HttpStatus.UNAUTHORIZED, "Authentification requise", detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "Accès refusé",
                e.getMessage() != null && e.getMessage().startsWith("Changez")
                        ? e.getMessage() : "Votre rôle ne permet pas cette opération.");
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(problem));
    }
}
