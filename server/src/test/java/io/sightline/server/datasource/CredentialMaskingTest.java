package io.sightline.server.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link SecretMasker}: what a driver echoes must not carry a data source's secrets to the client. */
class CredentialMaskingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Access denied (using password hunter2)                  | Access denied (using password --------)
            jdbc:foo://db/x?user=a&password=hunter2&ssl=true        | jdbc:foo://db/x?user=a&password=--------&ssl=true
            jdbc:foo://db/x;PWD=other;user=a                        | jdbc:foo://db/x;PWD=--------;user=a
            cannot reach postgresql://admin:pa55@db:5432/x          | cannot reach postgresql://admin:--------@db:5432/x
            url-encoded p%40ss%2Fw0rd in the URL                    | url-encoded -------- in the URL
            nothing secret here                                     | nothing secret here
            """)
    void masksSecretsInDriverMessages(String message, String expected) {
        assertThat(SecretMasker.mask(message, List.of("hunter2", "p@ss/w0rd"))).isEqualTo(expected);
    }
}
