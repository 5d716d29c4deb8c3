package io.sightline.common.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AvatarTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Ann Lee|AL", "ann|A", "  Ann   Marie Lee |AM", "émile zola|ÉZ", "'   '|?", "<b> x|<X"})
    void initialsAreTheFirstLettersOfTheFirstTwoWords(String name, String initials) {
        assertThat(Avatar.initials(name)).isEqualTo(initials);
    }

    @Test
    void theSameUserAlwaysGetsTheSamePictureAndOthersAnotherColour() {
        assertThat(Avatar.url(7, "Ann Lee")).isEqualTo(Avatar.url(7, "Ann Lee"));
        assertThat(svg(Avatar.url(7, "Ann Lee"))).contains(">AL</text>").contains("hsl(239,");
        assertThat(svg(Avatar.url(8, "Ann Lee"))).contains("hsl(16,");
    }

    @Test
    void aNameCannotAddMarkupToThePicture() {
        assertThat(svg(Avatar.url(1, "<script> x"))).contains(">&lt;X</text>").doesNotContain("<script");
    }

    private static String svg(String url) {
        assertThat(url).startsWith("data:image/svg+xml;base64,");
        return new String(Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1)), StandardCharsets.UTF_8);
    }
}
