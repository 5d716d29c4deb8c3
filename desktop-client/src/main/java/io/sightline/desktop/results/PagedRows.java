package io.sightline.desktop.results;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.collections.ObservableListBase;

/**
 * The rows of a result as a list of fixed size whose pages are fetched when a row of them is first asked
 * for (the table asks only for visible rows), and the next page as soon as a row in the second half is. Only the most recently used pages are kept, so memory stays
 * small however long the result; a page dropped and needed again is fetched again.
 */
public final class PagedRows extends ObservableListBase<ResultRow> {

    private final int size;
    private final int pageSize;
    private final int keptPages;
    private final BiConsumer<Integer, PagedRows> fetchPage;
    private final Map<Integer, ResultRow[]> pages;
    private final java.util.Set<Integer> requested = new java.util.HashSet<>();

    /** @param fetchPage asked to fetch page n (rows {@code n * pageSize ..}); it answers by {@link #fill} */
    public PagedRows(long size, int pageSize, int keptPages, BiConsumer<Integer, PagedRows> fetchPage) {
        this.size = (int) Math.min(Integer.MAX_VALUE, size);
        this.pageSize = pageSize;
        this.keptPages = keptPages;
        this.fetchPage = fetchPage;
        this.pages = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, ResultRow[]> eldest) {
                return size() > PagedRows.this.keptPages;
            }
        };
    }

    @Override
    public ResultRow get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int page = index / pageSize;
        ResultRow[] rows = page(page);
        if (index - page * pageSize >= pageSize / 2 && (long) (page + 1) * pageSize < size) {
            // the second half of a page is shown: fetch the next one now, so scrolling on finds its rows
            // loaded instead of showing them empty first and then again filled
            page(page + 1);
        }
        return rows[index - page * pageSize];
    }

    private ResultRow[] page(int page) {
        ResultRow[] rows = pages.get(page);
        if (rows == null) {
            int count = Math.min(pageSize, size - page * pageSize);
            rows = new ResultRow[count];
            for (int i = 0; i < count; i++) {
                rows[i] = new ResultRow((long) page * pageSize + i);
            }
            pages.put(page, rows);
            if (requested.add(page)) {
                fetchPage.accept(page, this);
            }
        }
        return rows;
    }

    @Override
    public int size() {
        return size;
    }

    public int pageSize() {
        return pageSize;
    }

    /** Fills a page already at hand (the first page comes with the result's facts) without fetching it. */
    public void preload(int page, java.util.List<Object[]> values) {
        if ((long) page * pageSize >= size) {
            return;
        }
        requested.add(page);
        get(page * pageSize);
        fill(page, values);
    }

    /** Puts fetched values into the rows of {@code page}, if those rows are still kept. */
    public void fill(int page, java.util.List<Object[]> values) {
        requested.remove(page);
        ResultRow[] rows = pages.get(page);
        if (rows == null) {
            return;
        }
        for (int i = 0; i < rows.length && i < values.size(); i++) {
            rows[i].fill(values.get(i));
        }
    }

    /** A fetch failed: the page is asked for again next time one of its rows is shown. */
    public void failed(int page) {
        requested.remove(page);
        pages.remove(page);
    }

    /** How many pages hold rows now (for tests and the heap figure). */
    public int keptPageCount() {
        return pages.size();
    }

    /** The values of row {@code index} when its page is loaded, else null (never triggers a fetch). */
    public Object[] loadedValues(int index) {
        ResultRow[] rows = pages.get(index / pageSize);
        return rows == null ? null : rows[index % pageSize].valuesProperty().get();
    }
}
