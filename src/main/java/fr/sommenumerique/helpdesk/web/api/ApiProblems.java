package fr.sommenumerique.helpdesk.web.api;

import fr.sommenumerique.helpdesk.ticketing.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Errors of the REST API as RFC 9457 problems ({@code application/problem+json}) with a French {@code detail};
 * validation errors list every field in {@code errors}: {@code [{"field": "question", "message": "…"}]}.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Introuvable", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Requête invalide", e.getMessage());
    }

    /** A forbidden transition (merged ticket, request already decided…): nothing was changed. */
    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail conflict(IllegalStateException e) {
        return problem(HttpStatus.CONFLICT, "Opération impossible dans l'état actuel", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String allowed = e.getRequiredType() != null && e.getRequiredType().isEnum()
                ? " Valeurs possibles : " + Arrays.stream(e.getRequiredType().getEnumConstants()).map(String::valueOf)
                .collect(Collectors.joining(", ")) + "." : "";
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Requête invalide",
                "Valeur « " + e.getValue() + " » invalide pour « " + e.getName() + " »." + allowed);
        p.setProperty("errors", List.of(Map.of("field", e.getName(), "message", "valeur invalide")));
        return p;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Requête invalide",
                errors.stream().map(m -> m.get("message")).collect(Collectors.joining(" ")));
        p.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(p);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String detail = "Le corps de la requête n'est pas un JSON valide.";
        String field = null;
        Throwable cause = e.getCause();
        if (cause instanceof InvalidFormatException invalid) {
            field = path(invalid);
            String allowed = invalid.getTargetType() != null && invalid.getTargetType().isEnum()
                    ? " Valeurs possibles : " + Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(String::valueOf).collect(Collectors.joining(", ")) + "." : "";
            detail = "Valeur « " + invalid.getValue() + " » invalide pour « " + field + " »." + allowed;
        } else if (cause instanceof JacksonException databind && !databind.getPath().isEmpty()) {
            field = path(databind);
            detail = "Champ « " + field + " » illisible.";
        }
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Requête invalide", detail);
        if (field != null) {
            p.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        }
        return ResponseEntity.badRequest().body(p);
    }

    /** Errors Spring MVC raises itself (missing parameter, 405, 415…) get a French title and detail. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (body == null && response != null && response.getBody() instanceof ProblemDetail problem) {
            FrenchProblems.translate(e, problem);
        }
        return response;
    }

    private static String path(JacksonException e) {
        return e.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return p;
    }
}
