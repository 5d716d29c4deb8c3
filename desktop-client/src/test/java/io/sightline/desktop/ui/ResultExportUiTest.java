package io.sightline.desktop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.desktop.results.ResultGridView;
import io.sightline.desktop.results.ResultRow;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Side;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run a query, then take its rows out of the window: export to CSV and Excel, copy cells to the clipboard. */
class ResultExportUiTest extends UiSupport {

    private static final String SQL = "SELECT range AS n, 'row ' || range AS label, range * 1.5 AS amount,"
            + " CASE WHEN range = 1 THEN 'a, \"quoted\" one' END AS note FROM range(3)";

    @TempDir
    Path home;

    @TempDir
    Path exports;

    /** What the save dialog was asked, in order: the kind of file and its ending. */
    private final List<String> asked = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        launchWorkbench(home);
    }

    @AfterEach
    void stop() throws Exception {
        close();
    }

    private String statusLine() {
        return fx(() -> lookup("#status-line").queryAs(Label.class).getText());
    }

    /** Types the query, runs it and waits for its three rows; the save dialog answers with {@code file}. */
    private void runTheQuerySavingTo(Path file) {
        clickOn(inTab("#sql-area", CodeArea.class));
        write(SQL);
        focusMainWindow();
        type(KeyCode.ESCAPE); // closes a completion list typing may have opened
        ResultGridView grid = inTab(".result-grid", ResultGridView.class);
        interact(() -> grid.setSaveTarget((kind, extension, owner) -> {
            asked.add(kind + " " + extension);
            return Optional.of(file);
        }));
        clickOn(inTab("#run-button", Button.class));
        waitUntil(30, "the three rows", () -> inTab("#result-summary", Label.class).getText().startsWith("3 rows")
                && !inTab("#export-csv", Button.class).isDisabled());
    }

    @Test
    void exportsTheResultToACsvFile() throws Exception {
        Path file = exports.resolve("revenue.csv");
        runTheQuerySavingTo(file);

        clickOn(inTab("#export-csv", Button.class));

        waitUntil(20, "the export done", () -> statusLine().startsWith("Exported"));
        assertThat(statusLine()).isEqualTo("Exported 3 rows to " + file);
        assertThat(asked).containsExactly("CSV file .csv");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(
                "n,label,amount,note\r\n"
                        + "0,row 0,0.0,\r\n"
                        + "1,row 1,1.5,\"a, \"\"quoted\"\" one\"\r\n"
                        + "2,row 2,3.0,\r\n");
    }

    @Test
    void exportsTheResultToAnExcelWorkbookWithNumbersAsNumbers() throws Exception {
        Path file = exports.resolve("revenue.xlsx");
        runTheQuerySavingTo(file);

        clickOn(inTab("#export-excel", Button.class));

        waitUntil(20, "the export done", () -> statusLine().startsWith("Exported"));
        assertThat(statusLine()).isEqualTo("Exported 3 rows to " + file);
        assertThat(asked).containsExactly("Excel workbook .xlsx");
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(texts(sheet.getRow(0))).containsExactly("n", "label", "amount", "note");
            Row second = sheet.getRow(2);
            assertThat(second.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(second.getCell(0).getNumericCellValue()).isEqualTo(1.0);
            assertThat(second.getCell(1).getStringCellValue()).isEqualTo("row 1");
            assertThat(second.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(second.getCell(2).getNumericCellValue()).isEqualTo(1.5);
            assertThat(second.getCell(3).getStringCellValue()).isEqualTo("a, \"quoted\" one");
            assertThat(sheet.getRow(3).getCell(2).getNumericCellValue()).isEqualTo(3.0);
        }
    }

    @Test
    void writesNothingWhenTheSaveDialogIsCancelled() {
        runTheQuerySavingTo(exports.resolve("unused.csv"));
        ResultGridView grid = inTab(".result-grid", ResultGridView.class);
        interact(() -> grid.setSaveTarget((kind, extension, owner) -> Optional.empty()));
        String before = statusLine();

        clickOn(inTab("#export-csv", Button.class));

        assertThat(statusLine()).isEqualTo(before);
        assertThat(exports).isEmptyDirectory();
    }

    @Test
    void copiesTheSelectedCellsWithAndWithoutTheHeader() {
        runTheQuerySavingTo(exports.resolve("unused.csv"));
        @SuppressWarnings("unchecked")
        TableView<ResultRow> table = inTab("#result-table", TableView.class);
        clickOn(cell(table, 1, 1)); // n of row 1, then shift-click label of row 2
        press(KeyCode.SHIFT);
        clickOn(cell(table, 2, 2));
        release(KeyCode.SHIFT);
        assertThat(fx(() -> table.getSelectionModel().getSelectedCells().size())).isEqualTo(4);
        press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        assertThat(fx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo("1\trow 1\n2\trow 2\n");

        // Monocle turns no right-click into a context-menu request, so the menu is opened as that request would
        interact(() -> table.getContextMenu().show(table, Side.BOTTOM, 0, 0));
        clickOn("Copy with header");
        assertThat(fx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo("n\tlabel\n1\trow 1\n2\trow 2\n");
    }

    /** The shown cell of row {@code row} (0-based) in the grid's column {@code column} (0 is the row number). */
    private static javafx.scene.Node cell(TableView<ResultRow> table, int row, int column) {
        return fx(() -> table.lookupAll(".table-cell").stream()
                .map(node -> (javafx.scene.control.TableCell<?, ?>) node)
                .filter(cell -> !cell.isEmpty() && cell.getIndex() == row
                        && cell.getTableColumn() == table.getColumns().get(column))
                .findFirst().orElseThrow(() -> new AssertionError("no shown cell " + row + "," + column)));
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (Cell cell : row) {
            texts.add(cell.getStringCellValue());
        }
        return texts;
    }
}
