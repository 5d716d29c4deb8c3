package io.sightline.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Statement ends for the in-JVM databases: only semicolons outside quotes and comments end a statement. */
class SqlStatementsTest {

    @Test
    void splitsAtSemicolonsOutsideQuotesAndComments() {
        assertThat(SqlStatements.split("SELECT 'a;b' AS \"x;y\"; -- c;d\nSELECT 2 /* e; /* f; */ g; */ AS n;"))
                .containsExactly("SELECT 'a;b' AS \"x;y\"", "-- c;d\nSELECT 2 /* e; /* f; */ g; */ AS n");
    }

    @Test
    void keepsDollarQuotedAndEscapedTextWhole() {
        assertThat(SqlStatements.split("SELECT $$a;b$$; SELECT $t$c;$$;d$t$; SELECT E'it\\';s', 'x'';y'"))
                .containsExactly("SELECT $$a;b$$", "SELECT $t$c;$$;d$t$", "SELECT E'it\\';s', 'x'';y'");
    }

    @Test
    void dropsPiecesWithoutCode() {
        assertThat(SqlStatements.split(";;SELECT 1;  ; -- only a comment;\n")).isEqualTo(List.of("SELECT 1"));
        assertThat(SqlStatements.split("SELECT $1, a$b$c FROM t")).containsExactly("SELECT $1, a$b$c FROM t");
    }
}
