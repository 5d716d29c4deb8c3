package io.sightline.desktop.results;

import io.sightline.common.api.execution.Column;
import io.sightline.common.api.execution.ColumnType;
import io.sightline.desktop.api.ResultPage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a whole result to CSV or Excel, page by page, so a 100,000-row result never sits in memory at once.
 * Excel cells are typed: numbers stay numbers, booleans booleans.
 */
public final class ResultExporter {

    /** Fetches rows {@code offset .. offset + limit}. */
    @FunctionalInterface
    public interface PageSource {
        ResultPage page(long offset, int limit);
    }

    static final int EXPORT_PAGE = 5_000;
    static final int EXCEL_MAX_ROWS = 1_048_575;

    private ResultExporter() {
    }

    /** RFC 4180: fields with comma, quote or line break are quoted; a header row first. */
    public static long csv(PageSource source, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            return eachPage(source, (columns, first) -> {
                out.write(String.join(",", columns.stream().map(c -> csvField(c.name())).toList()));
                out.write("\r\n");
            }, (columns, row) -> {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    out.write(csvField(row[i] == null ? "" : CellFormat.text(row[i], columns.get(i).type())));
                }
                out.write("\r\n");
            });
        }
    }

    public static long excel(PageSource source, Path file) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            SXSSFSheet sheet = workbook.createSheet("Result");
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            int[] next = {0};
            long rows = eachPage(source, (columns, first) -> {
                Row row = sheet.createRow(next[0]++);
                for (int i = 0; i < columns.size(); i++) {
                    Cell cell = row.createCell(i);
                    cell.setCellValue(columns.get(i).name());
                    cell.setCellStyle(header);
                }
            }, (columns, values) -> {
                if (next[0] > EXCEL_MAX_ROWS) {
                    return;
                }
                Row row = sheet.createRow(next[0]++);
                for (int i = 0; i < values.length; i++) {
                    setCell(row.createCell(i), values[i], columns.get(i).type());
                }
            });
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
            return rows;
        }
    }

    private static void setCell(Cell cell, Object value, ColumnType type) {
        if (value == null) {
            cell.setBlank();
        } else if (value instanceof Number number && !(value instanceof BigDecimal big && big.precision() > 15)) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof Boolean flag) {
            cell.setCellValue(flag);
        } else {
            cell.setCellValue(CellFormat.text(value, type));
        }
    }

    private interface HeaderWriter {
        void write(List<Column> columns, ResultPage first) throws IOException;
    }

    private interface RowWriter {
        void write(List<Column> columns, Object[] row) throws IOException;
    }

    private static long eachPage(PageSource source, HeaderWriter header, RowWriter rows) throws IOException {
        long offset = 0;
        ResultPage page = source.page(0, EXPORT_PAGE);
        header.write(page.columns(), page);
        while (true) {
            for (Object[] row : page.rows()) {
                rows.write(page.columns(), row);
            }
            offset += page.rows().size();
            if (page.rows().isEmpty() || offset >= page.rowCount()) {
                return offset;
            }
            page = source.page(offset, EXPORT_PAGE);
        }
    }

    static String csvField(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
