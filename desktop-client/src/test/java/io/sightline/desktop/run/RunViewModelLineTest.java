package io.sightline.desktop.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunViewModelLineTest {

    @Test
    void readsTheLineOfADuckDbOrPostgresMessage() {
        assertThat(RunViewModel.lineOf("Parser Error: syntax error at or near \"FORM\"\n\nLINE 3: FORM t").orElse(-1))
                .isEqualTo(3);
    }

    @Test
    void readsTheLineOfAMessageSayingAtLine() {
        assertThat(RunViewModel.lineOf("ERROR: column \"x\" does not exist at line 12").orElse(-1)).isEqualTo(12);
    }

    @Test
    void findsNoLineWhenTheMessageNamesNone() {
        assertThat(RunViewModel.lineOf("Catalog Error: Table with name nope does not exist!")).isEmpty();
    }
}
