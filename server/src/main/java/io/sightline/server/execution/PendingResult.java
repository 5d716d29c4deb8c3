package io.sightline.server.execution;

import io.sightline.common.api.execution.Column;
import io.sightline.common.api.execution.ColumnType;
import io.sightline.server.execution.columns.ResultColumns;
import io.sightline.server.result.ResultStore;
import io.sightline.server.result.ResultWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * The rows of one statement, written to the result store but not yet visible: a statement list keeps only the
 * last one that returns rows, and closing the others throws them away.
 */
final class PendingResult implements AutoCloseable {

    static final String ROWS_AFFECTED = "rows_affected";

    private final ResultWriter writer;
    private final boolean truncated;

    private PendingResult(ResultWriter writer, boolean truncated) {
        this.writer = writer;
        this.truncated = truncated;
    }

    /** Streams {@code rows} into a new result, stopping one row past the limit to know it was truncated. */
    static PendingResult write(ResultStore results, QueryJob job, int rowLimit, int maxCellChars, ResultSet rows)
            throws SQLException {
        ResultColumns columns = ResultColumns.of(rows.getMetaData(), maxCellChars, isDuckDb(rows));
        ResultWriter writer = results.open(job.jobId(), job.dataSourceId(), job.queryHash(), job.sql(),
                columns.columns(), rowLimit, job.resultOwner());
        try {
            boolean truncated = false;
            while (rows.next()) {
                if (writer.rowCount() == rowLimit) {
                    truncated = true;
                    break;
                }
                writer.add(columns.read(rows));
            }
            return new PendingResult(writer, truncated);
        } catch (SQLException | RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    private static boolean isDuckDb(ResultSet rows) throws SQLException {
        String url = rows.getStatement().getConnection().getMetaData().getURL();
        return url != null && url.startsWith("jdbc:duckdb:");
    }

    /** The answer to statements that return no rows: one row, one integer column {@value #ROWS_AFFECTED}. */
    static PendingResult rowsAffected(ResultStore results, QueryJob job, int rowLimit, long count) {
        List<Column> columns = List.of(new Column(ROWS_AFFECTED, ROWS_AFFECTED, ColumnType.INTEGER));
        ResultWriter writer = results.open(job.jobId(), job.dataSourceId(), job.queryHash(), job.sql(), columns, rowLimit,
                job.resultOwner());
        writer.add(new Object[] {count});
        return new PendingResult(writer, false);
    }

    long finish(Duration runtime) {
        return writer.finish(truncated, runtime);
    }

    @Override
    public void close() {
        writer.close();
    }
}
