package io.sightline.desktop.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagedRowsTest {

    private final List<Integer> fetched = new ArrayList<>();

    private PagedRows rows(long size, int kept) {
        return new PagedRows(size, 100, kept, (page, list) -> fetched.add(page));
    }

    private static List<Object[]> values(int page, int count) {
        return IntStream.range(0, count).mapToObj(i -> new Object[] {page * 100 + i}).toList();
    }

    @Test
    void fetchesAPageOnlyWhenOneOfItsRowsIsShown() {
        PagedRows rows = rows(100_000, 10);

        assertThat(rows.size()).isEqualTo(100_000);
        assertThat(fetched).isEmpty();
        assertThat(rows.get(420).loaded()).isFalse();
        rows.get(449);
        assertThat(fetched).containsExactly(4);

        rows.fill(4, values(4, 100));
        assertThat(rows.get(420).value(0)).isEqualTo(420);
    }

    @Test
    void fetchesTheNextPageAheadOnceARowInTheSecondHalfIsShown() {
        PagedRows rows = rows(1_000, 10);

        rows.get(450);
        rows.get(499);

        assertThat(fetched).containsExactly(4, 5);
    }

    @Test
    void hasNoPageAfterTheLast() {
        PagedRows rows = rows(1_000, 10);

        rows.get(999);

        assertThat(fetched).containsExactly(9);
    }

    @Test
    void neverFetchesThePreloadedFirstPage() {
        PagedRows rows = rows(250, 10);
        rows.preload(0, values(0, 100));

        assertThat(rows.get(99).value(0)).isEqualTo(99);
        assertThat(fetched).containsExactly(1); // only the next page, ahead
    }

    @Test
    void keepsOnlyTheMostRecentPagesAndFetchesADroppedOneAgain() {
        PagedRows rows = rows(10_000, 3);
        for (int page = 0; page < 5; page++) {
            rows.get(page * 100);
            rows.fill(page, values(page, 100));
        }

        assertThat(rows.keptPageCount()).isEqualTo(3);
        assertThat(rows.loadedValues(0)).isNull();
        rows.get(0);
        assertThat(fetched).containsExactly(0, 1, 2, 3, 4, 0);
    }

    @Test
    void asksAgainForAPageWhoseFetchFailed() {
        PagedRows rows = rows(1_000, 10);
        rows.get(200);
        rows.failed(2);
        rows.get(200);

        assertThat(fetched).containsExactly(2, 2);
    }

    @Test
    void hasAShortLastPage() {
        PagedRows rows = rows(150, 10);
        rows.get(149);
        rows.fill(1, values(1, 50));

        assertThat(rows.get(149).value(0)).isEqualTo(149);
    }
}
