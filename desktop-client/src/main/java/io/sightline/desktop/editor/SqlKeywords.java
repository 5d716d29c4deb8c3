package io.sightline.desktop.editor;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The words highlighted and offered as SQL: keywords of ANSI SQL and the common dialects, and functions. */
final class SqlKeywords {

    static final Set<String> KEYWORDS = upper("""
            ADD ALL ALTER AND ANY AS ASC BETWEEN BY CASE CAST CHECK COLUMN CONSTRAINT CREATE CROSS CUBE CURRENT
            CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP DATABASE DEFAULT DELETE DESC DISTINCT DROP ELSE END ESCAPE
            EXCEPT EXISTS EXPLAIN FALSE FETCH FILTER FIRST FOLLOWING FOR FOREIGN FROM FULL GROUP GROUPING HAVING
            ILIKE IN INNER INSERT INTERSECT INTERVAL INTO IS JOIN KEY LAST LATERAL LEFT LIKE LIMIT NATURAL NOT
            NULL NULLS OFFSET ON OR ORDER OUTER OVER PARTITION PRECEDING PRIMARY QUALIFY RANGE RECURSIVE
            REFERENCES RIGHT ROLLUP ROW ROWS SELECT SET SETS SHOW TABLE TABLESAMPLE THEN TIES TO TRUE UNBOUNDED
            UNION UNIQUE UNNEST UPDATE USING VALUES VIEW WHEN WHERE WINDOW WITH WITHIN
            BIGINT BOOLEAN CHAR DATE DECIMAL DOUBLE FLOAT INT INTEGER NUMERIC REAL SMALLINT TEXT TIME TIMESTAMP
            VARCHAR
            """);

    static final Set<String> FUNCTIONS = upper("""
            ABS AVG CEIL COALESCE CONCAT COUNT DATE_DIFF DATE_PART DATE_TRUNC DENSE_RANK EXTRACT FLOOR GREATEST
            IFNULL LAG LEAD LEAST LENGTH LOWER LTRIM MAX MEDIAN MIN NOW NTILE NULLIF PERCENTILE_CONT RANK
            REGEXP_MATCHES REPLACE ROUND ROW_NUMBER RTRIM STDDEV STRFTIME STRING_AGG SUBSTRING SUM TRIM TRY_CAST
            UPPER
            """);

    private SqlKeywords() {
    }

    /** Keywords then functions, each alphabetical: what completion offers when nothing else fits. */
    static List<String> all() {
        List<String> words = new java.util.ArrayList<>(KEYWORDS);
        words.addAll(FUNCTIONS);
        return words;
    }

    static boolean isKeyword(String word) {
        return KEYWORDS.contains(word.toUpperCase(Locale.ROOT));
    }

    static boolean isFunction(String word) {
        return FUNCTIONS.contains(word.toUpperCase(Locale.ROOT));
    }

    private static Set<String> upper(String words) {
        Set<String> set = new TreeSet<>();
        for (String word : words.strip().split("\\s+")) {
            set.add(word.toUpperCase(Locale.ROOT));
        }
        return java.util.Collections.unmodifiableSet(set);
    }
}
