package fr.sommenumerique.helpdesk.ticketing;

import java.util.List;

/**
 * One page of results.
 *
 * @param page  0-based page number
 * @param size  requested page size
 * @param total number of results over all pages
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    public int totalPages() {
        return size <= 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}
