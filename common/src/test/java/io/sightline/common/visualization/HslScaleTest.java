package io.sightline.common.visualization;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.visualization.map.Rgb;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HslScaleTest {

    /** Redash's cohort default: white to #002FB4 in 7 classes, blended in HSL (chroma.js). */
    @ParameterizedTest
    @CsvSource({
            "0,     0, #ffffff",
            "14,    0, #ffffff",
            "14.3,  1, #c8d6ff",
            "50,    3, #5a85ff",
            "99,    6, #002fb4",
            "100,   6, #002fb4",
            "250,   6, #002fb4",
            "-5,    0, #ffffff",
    })
    void classesAndColoursOfTheCohortDefault(double value, int expectedClass, String expectedColour) {
        HslScale scale = new HslScale("#ffffff", "#002FB4", 7);

        assertThat(scale.classOf(value)).isEqualTo(expectedClass);
        assertThat(scale.color(value).hex()).isEqualTo(expectedColour);
    }

    @ParameterizedTest
    @CsvSource({"#ffffff, #000000", "#002fb4, #ffffff", "#5a85ff, #000000"})
    void picksTheTextColourOfHigherContrast(String background, String text) {
        assertThat(HslScale.textOn(Rgb.of(background)).hex()).isEqualTo(text);
    }
}
