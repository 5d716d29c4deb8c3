package io.sightline.desktop.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.common.api.execution.Column;
import io.sightline.common.api.execution.ColumnType;
import io.sightline.desktop.api.ResultPage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultExporterTest {

    private static final List<Column> COLUMNS = List.of(new Column("name", "name", ColumnType.STRING),
            new Column("amount", "amount", ColumnType.FLOAT), new Column("at", "at", ColumnType.DATETIME));

    /** 12,345 rows served in pages, as the server would. */
    private static ResultPage page(long offset, int limit) {
        long total = 12_345;
        List<Object[]> rows = new ArrayList<>();
        for (long i = offset; i < Math.min(total, offset + limit); i++) {
            rows.add(new Object[] {i == 0 ? "comma, \"quoted\"" : "row " + i, new BigDecimal("1.50"),
                    "2024-01-02T03:04:05Z"});
        }
        return new ResultPage(1, 0.1, "", total, false, 0, offset, COLUMNS, rows);
    }

    @Test
    void writesEveryRowOfEveryPageAsCsv(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out.csv");

        long written = ResultExporter.csv(ResultExporterTest::page, file);

        List<String> lines = Files.readAllLines(file);
        assertThat(written).isEqualTo(12_345);
        assertThat(lines).hasSize(12_346);
        assertThat(lines.get(0)).isEqualTo("name,amount,at");
        assertThat(lines.get(1)).isEqualTo("\"comma, \"\"quoted\"\"\",1.50,2024-01-02 03:04:05");
        assertThat(lines.get(12_345)).startsWith("row 12344,");
    }

    @Test
    void writesTypedCellsToExcel(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out.xlsx");

        ResultExporter.excel(ResultExporterTest::page, file);

        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(file))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(12_345);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("amount");
            assertThat(sheet.getRow(2).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(1.5);
        }
    }
}
