package io.sightline.desktop.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The options sent when an alert is saved: the edited fields over what the server keeps. */
class EditedOptionsTest {

    private static final Map<String, Object> LOADED = Map.of("column", "n", "op", ">", "value", 5, "selector", "first",
            "custom_subject", "Loaded subject", "muted", false);

    @ParameterizedTest(name = "subject typed \"{0}\", on the server \"{1}\" → sent \"{2}\"")
    @CsvSource(nullValues = "ABSENT", value = {
            "Loaded subject, Loaded subject, Loaded subject", // untouched: kept
            "Loaded subject, Changed elsewhere, Changed elsewhere", // untouched here: the server's stays
            "Mine, Loaded subject, Mine", // changed here: sent
            "'', Loaded subject, ABSENT", // cleared here: removed, the server's default applies
    })
    void sendsTheSubjectOnlyWhenChangedHere(String typed, String stored, String sent) {
        Map<String, Object> onServer = new java.util.HashMap<>(LOADED);
        onServer.put("custom_subject", stored);
        onServer.put("muted", true);

        Map<String, Object> options = new EditedOptions("m", "<", 7L, "max", typed, "").over(onServer, LOADED);

        assertThat(options.get("custom_subject")).isEqualTo(sent);
        assertThat(options).containsEntry("column", "m").containsEntry("op", "<").containsEntry("value", 7L)
                .containsEntry("selector", "max").as("a mute is not the editor's").containsEntry("muted", true)
                .doesNotContainKey("custom_body");
    }

    @ParameterizedTest
    @CsvSource({"'', false", "Body text, true"})
    void aNewAlertSendsOnlyTheTemplatesTyped(String body, boolean sent) {
        Map<String, Object> options = new EditedOptions("n", ">", 1L, "first", "", body).over(Map.of(), Map.of());
        assertThat(options.containsKey("custom_body")).isEqualTo(sent);
        assertThat(options).doesNotContainKey("custom_subject").doesNotContainKey("muted");
    }
}
