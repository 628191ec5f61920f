package fr.sommenumerique.helpdesk.web.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;

/** Links to other pages of a list, keeping the current filters of the URL. */
public record PageLinks(String path, String query) {

    static PageLinks of(HttpServletRequest request) {
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        String kept = UriComponentsBuilder.newInstance().query(query).replaceQueryParam("page").build().getQuery();
        return new PageLinks(request.getRequestURI().substring(request.getContextPath().length()), kept == null ? "" : kept);
    }

    /** Relative link to page {@code page} (0-based). */
    public String to(int page) {
        return path + "?" + (query.isEmpty() ? "" : query + "&") + "page=" + page;
    }
}
