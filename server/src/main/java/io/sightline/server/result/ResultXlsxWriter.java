package io.sightline.server.result;

import io.sightline.common.api.execution.Column;
import io.sightline.common.api.execution.ColumnType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A whole result as an Excel workbook with one sheet named {@code result} (as Redash names it), column names in the
 * first row. Cells keep their types: numbers numeric, booleans boolean, and, where Redash writes text, dates and
 * timestamps as date cells (wall-clock time, the offset left out) — a value Excel cannot hold as a date (before
 * 1900, {@code infinity}) stays text. A sheet holds 1,048,575 rows after the header and a cell 32,767 characters:
 * beyond them a download is cut. Rows are streamed to a temporary file a window at a time, never all in memory.
 */
final class ResultXlsxWriter {

    /** Rows kept in memory before SXSSF flushes them to its temporary file. */
    private static final int ROW_WINDOW = 200;
    private static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();
    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    private static final LocalDate FIRST_EXCEL_DAY = LocalDate.of(1900, 1, 1);
    private static final LocalDate LAST_EXCEL_DAY = LocalDate.of(9999, 12, 31);

    private ResultXlsxWriter() {
    }

    static void write(StoredResult result, ResultStore store, OutputStream out) throws IOException {
        SXSSFWorkbook book = new SXSSFWorkbook(ROW_WINDOW);
        try {
            Sheet sheet = book.createSheet("result");
            CellStyle dateStyle = dateStyle(book, "yyyy-mm-dd");
            CellStyle dateTimeStyle = dateStyle(book, "yyyy-mm-dd hh:mm:ss");
            List<Column> columns = result.columns();
            Row header = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                header.createCell(c).setCellValue(columns.get(c).name());
            }
            int[] next = {1};
            store.forEachPage(result, page -> {
                for (Object[] values : page) {
                    if (next[0] == MAX_ROWS) {
                        return; // a sheet's last row: the rest cannot be written (docs/api.md)
                    }
                    Row row = sheet.createRow(next[0]++);
                    for (int c = 0; c < values.length; c++) {
                        ColumnType type = c < columns.size() ? columns.get(c).type() : null;
                        write(row, c, values[c], type, dateStyle, dateTimeStyle);
                    }
                }
            });
            book.write(out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            book.close(); // also deletes the temporary file
        }
    }

    private static CellStyle dateStyle(SXSSFWorkbook book, String format) {
        CellStyle style = book.createCellStyle();
        style.setDataFormat(book.getCreationHelper().createDataFormat().getFormat(format));
        return style;
    }

    private static void write(Row row, int c, Object value, ColumnType type, CellStyle dateStyle,
                              CellStyle dateTimeStyle) {
        if (value == null) {
            return; // no cell, as Redash leaves it
        }
        if (value instanceof Boolean b) {
            row.createCell(c).setCellValue(b);
        } else if (value instanceof Number n) {
            row.createCell(c).setCellValue(n.doubleValue());
        } else if (value instanceof String text && type == ColumnType.DATE && date(text) != null) {
            var cell = row.createCell(c);
            cell.setCellValue(date(text));
            cell.setCellStyle(dateStyle);
        } else if (value instanceof String text && type == ColumnType.DATETIME && dateTime(text) != null) {
            var cell = row.createCell(c);
            cell.setCellValue(dateTime(text));
            cell.setCellStyle(dateTimeStyle);
        } else {
            row.createCell(c).setCellValue(text(value));
        }
    }

    /** Json and array cells as the JSON the API answers; text cut to the 32,767 characters a cell holds. */
    private static String text(Object value) {
        String text = value instanceof Map<?, ?> || value instanceof List<?> ? ResultDsvWriter.cell(value)
                : value.toString();
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }

    private static LocalDate date(String text) {
        try {
            return inExcel(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDateTime dateTime(String text) {
        LocalDateTime time;
        try {
            time = text.endsWith("Z") || text.lastIndexOf('+') > 0 || text.lastIndexOf('-') > 9
                    ? OffsetDateTime.parse(text).toLocalDateTime() : LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
        return inExcel(time.toLocalDate()) == null ? null : time;
    }

    private static LocalDate inExcel(LocalDate day) {
        return day.isBefore(FIRST_EXCEL_DAY) || day.isAfter(LAST_EXCEL_DAY) ? null : day;
    }
}
