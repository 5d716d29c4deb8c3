package io.sightline.server.result;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * The estimated heap bytes of a decoded page, which bounds the page cache: a page of 2,000 rows of short numbers
 * and one of 2,000 rows of 100 KB texts differ a thousandfold, so counting rows (as before) did not bound memory.
 * The estimate follows the JVM's layout with compressed pointers (object header 16, reference 4); high rather
 * than low, so the cache never holds more than its configured size.
 */
final class PageWeight {

    private static final int LIST = 40;
    private static final int ARRAY = 16;
    private static final int REFERENCE = 4;
    private static final int STRING = 40;
    private static final int BOXED = 16;
    private static final int BIG_NUMBER = 64;

    private PageWeight() {
    }

    static int of(List<Object[]> rows) {
        long bytes = LIST + (long) REFERENCE * rows.size();
        for (Object[] row : rows) {
            bytes += ARRAY + (long) REFERENCE * row.length;
            for (Object cell : row) {
                bytes += cell(cell);
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    private static long cell(Object cell) {
        if (cell == null) {
            return 0;
        }
        if (cell instanceof String text) {
            return STRING + 2L * text.length(); // two bytes a character: exact beyond Latin-1, twice too high below
        }
        if (cell instanceof BigDecimal || cell instanceof BigInteger) {
            return BIG_NUMBER;
        }
        if (cell instanceof java.util.Map<?, ?> map) { // a json cell: its entries, keys and values
            long bytes = LIST;
            for (var entry : map.entrySet()) {
                bytes += 2 * REFERENCE + BOXED + cell(entry.getKey()) + cell(entry.getValue());
            }
            return bytes;
        }
        if (cell instanceof List<?> list) { // a json or array cell
            long bytes = LIST + (long) REFERENCE * list.size();
            for (Object element : list) {
                bytes += cell(element);
            }
            return bytes;
        }
        return BOXED + 8;
    }
}
