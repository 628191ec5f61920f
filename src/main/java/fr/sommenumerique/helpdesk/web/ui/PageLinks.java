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

    /**
     * Link that orders the list by a column: ascending first, or the other way when it is already the order
     * ({@code currentSort}, {@code currentDescending}); back to the first page.
     */
    public String sortBy(String sort, String currentSort, boolean currentDescending) {
        boolean descending = sort.equals(currentSort) ? !currentDescending : !"due".equals(sort);
        String kept = UriComponentsBuilder.newInstance().query(query).replaceQueryParam("sort", sort)
                .replaceQueryParam("direction", descending ? "desc" : "asc").build().getQuery();
        return path + "?" + kept;
    }

    /** The current address of the list (path and query), for a form to come back to. */
    public String current() {
        return query.isEmpty() ? path : path + "?" + query;
    }

    /** Relative link to page {@code page} (0-based). */
    public String to(int page) {
        return path + "?" + (query.isEmpty() ? "" : query + "&") + "page=" + page;
    }
}
