package fr.sommenumerique.helpdesk.web.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.Collection;
import java.util.stream.Collectors;

/** French title and detail for the errors Spring MVC itself raises (which come with an English detail). */
final class FrenchProblems {

    private FrenchProblems() {
    }

    static void translate(Exception e, ProblemDetail problem) {
        HttpStatus status = HttpStatus.resolve(problem.getStatus());
        if (e instanceof HttpRequestMethodNotSupportedException m) {
            set(problem, "Méthode non autorisée", "La méthode " + m.getMethod() + " n'est pas acceptée à cette adresse"
                    + (m.getSupportedHttpMethods() == null || m.getSupportedHttpMethods().isEmpty() ? "."
                    : " ; méthodes acceptées : " + join(m.getSupportedHttpMethods()) + "."));
        } else if (e instanceof HttpMediaTypeNotSupportedException m) {
            set(problem, "Type de contenu non pris en charge", (m.getContentType() == null ? "Type de contenu absent"
                    : "Type de contenu « " + m.getContentType() + " » non accepté")
                    + (m.getSupportedMediaTypes().isEmpty() ? "."
                    : " ; envoyez " + join(m.getSupportedMediaTypes()) + " (en-tête Content-Type)."));
        } else if (e instanceof HttpMediaTypeNotAcceptableException m) {
            set(problem, "Format de réponse indisponible",
                    "Cette adresse ne peut pas répondre dans le format demandé (en-tête Accept)"
                            + (m.getSupportedMediaTypes().isEmpty() ? "."
                            : " ; formats possibles : " + join(m.getSupportedMediaTypes()) + "."));
        } else if (e instanceof MissingServletRequestParameterException m) {
            set(problem, "Requête invalide", "Le paramètre obligatoire « " + m.getParameterName() + " » est absent.");
        } else if (e instanceof MissingRequestHeaderException m) {
            set(problem, "Requête invalide", "L'en-tête obligatoire « " + m.getHeaderName() + " » est absent.");
        } else if (e instanceof MissingServletRequestPartException m) {
            set(problem, "Requête invalide", "La partie obligatoire « " + m.getRequestPartName() + " » est absente.");
        } else if (e instanceof MissingPathVariableException m) {
            set(problem, "Erreur interne", "Élément d'adresse « " + m.getVariableName() + " » introuvable.");
        } else if (e instanceof ServletRequestBindingException) {
            set(problem, "Requête invalide", "La requête est incomplète ou mal formée.");
        } else if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            set(problem, "Introuvable", "Aucune ressource à cette adresse.");
        } else if (status != null && status.is5xxServerError()) {
            set(problem, "Erreur interne", "Erreur interne du serveur : réessayez plus tard.");
        } else if (problem.getDetail() == null || !looksFrench(problem.getDetail())) {
            set(problem, status == null ? "Erreur" : "Requête refusée",
                    "La requête n'a pas pu être traitée (code HTTP " + problem.getStatus() + ").");
        }
    }

    private static void set(ProblemDetail problem, String title, String detail) {
        problem.setTitle(title);
        problem.setDetail(detail);
    }

    private static String join(Collection<?> values) {
        return values.stream().map(v -> v instanceof MediaType t ? t.toString() : String.valueOf(v))
                .collect(Collectors.joining(", "));
    }

    /** Our own messages are French; Spring's defaults are English and never contain an accented letter. */
    private static boolean looksFrench(String detail) {
        return detail.matches("(?s).*[éèêàçùôîÉ«].*");
    }
}
