package io.sightline.server.execution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The databases' own words for an error, without the drivers' plumbing around them. */
class SqlErrorTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "(conn=49) Unknown column 'nope' in 'SELECT'|Unknown column 'nope' in 'SELECT'",
            "Invalid Input Error: Attempting to execute an unsuccessful or closed pending query result\\nError: Binder Error: x|Binder Error: x",
            "Column \"NOPE\" not found; SQL statement:\\nSELECT nope [42122-232]|Column \"NOPE\" not found; SQL statement:\\nSELECT nope",
            "ERROR: division by zero|ERROR: division by zero"})
    void errorsWithoutDriverPlumbing(String driver, String database) {
        assertThat(SqlErrorText.clean(driver.replace("\\n", "\n"))).isEqualTo(database.replace("\\n", "\n"));
    }
}
