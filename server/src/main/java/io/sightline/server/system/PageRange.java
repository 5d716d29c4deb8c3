package io.sightline.server.system;

/**
 * The paging rule of the lists Redash pages ({@code /api/queries}, {@code /api/dashboards}, {@code /api/users}
 * and their variants), as Redash's {@code paginate} applies it: a page below 1, or one that starts past the
 * last item of a non-empty list, is "Page is out of range."; page 1 of an empty list is an empty page.
 */
public final class PageRange {

    public static final int DEFAULT_PAGE_SIZE = 25;
    public static final int MAX_PAGE_SIZE = 250;

    private PageRange() {
    }

    /** Checks what the request asked for, before anything is counted. */
    public static void checkRequest(int page, int pageSize) {
        if (page < 1) {
            throw ApiException.badRequest("Page is out of range. 'page' must be 1 or more, not " + page);
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw ApiException.badRequest("'page_size' must be between 1 and " + MAX_PAGE_SIZE + ", not " + pageSize);
        }
    }

    /** Checks the page against the number of items the list holds. */
    public static void checkCount(long count, int page, int pageSize) {
        checkRequest(page, pageSize);
        long firstItem = (long) (page - 1) * pageSize + 1;
        if (count > 0 && firstItem > count) {
            long lastPage = (count + pageSize - 1) / pageSize;
            throw ApiException.badRequest("Page is out of range. 'page' " + page + " is past the last page ("
                    + lastPage + ") of " + count + " item" + (count == 1 ? "" : "s"));
        }
    }

    /** The zero-based index of the first item on the page. */
    public static long offset(int page, int pageSize) {
        return (long) (page - 1) * pageSize;
    }
}
