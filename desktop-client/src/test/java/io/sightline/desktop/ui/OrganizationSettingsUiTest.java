package io.sightline.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.desktop.api.OrganizationSettingsClient;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.formats.CurrentFormats;
import io.sightline.desktop.support.TestServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The admin's Organization settings screen in the real window: changing the date and integer formats there
 * re-formats the cells of a result already open in the grid, without signing in again; a format the server refuses
 * is shown with the server's words and changes nothing.
 */
class OrganizationSettingsUiTest extends WorkbenchWindowTest {

    private final OrganizationSettingsClient settings =
            new OrganizationSettingsClient(new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY));

    @AfterEach
    void backToDefaults() {
        Map<String, Object> reset = new HashMap<>();
        for (String name : List.of("date_format", "time_format", "integer_format", "float_format")) {
            reset.put(name, null);
        }
        settings.save(reset);
        fx(() -> {
            CurrentFormats.set(null); // later tests in this JVM draw without a workbench: Redash's defaults
            return null;
        });
    }

    /** The texts the grid's value cells show now. */
    private List<String> shownCells() {
        return fx(() -> {
            TableView<?> table = inTab("#result-table", TableView.class);
            return table.lookupAll(".value-cell").stream().map(n -> ((Labeled) n).getText())
                    .filter(t -> t != null && !t.isEmpty()).toList();
        });
    }

    @Test
    void aSettingsChangeReformatsTheOpenGrid() {
        clickOn(editor());
        write("SELECT DATE '2024-03-05' AS day, 1234567 AS orders");
        focusMainWindow();
        type(KeyCode.ESCAPE);
        clickOn(editor()).press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(30, "the row", () -> inTab("#result-summary", Label.class).getText().startsWith("1 row"));
        waitUntil(5, "the cells in Redash's default formats", () -> shownCells().containsAll(List.of("05/03/24",
                "1,234,567")));

        clickOn("Admin");
        clickOn("Organization settings\u2026");
        waitUntil(10, "the settings read", () -> "DD/MM/YY".equals(dateFormat().getValue()));
        assertThat(fx(() -> lookup("#settings-integer-format").queryAs(TextField.class).getText())).isEqualTo("0,0");

        TextField integer = fx(() -> lookup("#settings-integer-format").queryAs(TextField.class));
        clickOn(integer);
        interact(integer::selectAll);
        write("0,0x");
        clickOn("#settings-save");
        waitUntil(10, "the server's refusal", () -> message().contains("integer_format"));
        assertThat(message()).contains("'0,0x'");
        assertThat(shownCells()).as("nothing changed").contains("05/03/24", "1,234,567");

        interact(() -> dateFormat().setValue("YYYY-MM-DD"));
        clickOn(integer);
        interact(integer::selectAll);
        write("0,0.0");
        waitUntil(5, "the preview", () -> lookup("#settings-preview").queryAs(Label.class).getText()
                .contains("Date: 2024-03-05"));
        clickOn("#settings-save");
        waitUntil(10, "the settings saved", () -> message().startsWith("Saved"));
        type(KeyCode.ESCAPE);
        focusMainWindow();

        waitUntil(5, "the open grid in the new formats", () -> shownCells().containsAll(List.of("2024-03-05",
                "1,234,567.0")));
        assertThat(shownCells()).doesNotContain("05/03/24", "1,234,567");
        assertThat(settings.settings().get("date_format").asString()).isEqualTo("YYYY-MM-DD");
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> dateFormat() {
        return lookup("#settings-date-format").queryAs(ComboBox.class);
    }

    private String message() {
        return fx(() -> lookup("#settings-message").queryAs(Label.class).getText());
    }
}
