package io.sightline.server.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Expected values computed with Redash's own gen_query_hash (Python), so cached results match across both. */
class QueryHashTest {

    static Stream<Arguments> redashHashes() {
        return Stream.of(
                Arguments.of("SELECT 1", "2d5127b8139f1f5f1086c4053324733a"),
                Arguments.of("SELECT  1\n", "2d5127b8139f1f5f1086c4053324733a"),
                Arguments.of("SELECT 1 /* note */", "2d5127b8139f1f5f1086c4053324733a"),
                Arguments.of("SELECT 1 /* a\nb */", "05f927d0450f1ff3304882c52bb806ee"), // Redash keeps multi-line comments
                Arguments.of("select\u00a0name\tFROM t", "8b4cb7b1fb3d4621b84f2bfa2c3b3ec0"),
                Arguments.of("SELECT 'é' -- x", "c7240d36d6bfe5ccd9c93d5d78a1a214"));
    }

    @ParameterizedTest
    @MethodSource("redashHashes")
    void hashesLikeRedash(String sql, String expected) {
        assertThat(QueryHash.of(sql)).isEqualTo(expected);
    }
}
