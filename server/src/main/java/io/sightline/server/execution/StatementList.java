package io.sightline.server.execution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs SQL that may hold several statements, on every data source the way Redash does: the answer is the
 * result of the last statement that returns rows. When no statement returns rows, the answer is the number of
 * rows the statements affected. PostgreSQL and MariaDB run the list themselves and hand back each statement's
 * result; H2 would answer only the first and DuckDB only the last, so their lists are split here and run one
 * statement after the other on the same connection.
 */
final class StatementList {

    /** Writes the rows of one statement. */
    interface Rows {
        PendingResult write(ResultSet rows) throws SQLException;
    }

    /** Either the rows of the last statement that returned some, or the rows affected by the list. */
    record Last(PendingResult rows, long rowsAffected) {
    }

    private StatementList() {
    }

    static Last run(Statement statement, String sql, Rows rows) throws SQLException {
        Collector collector = new Collector(rows);
        try {
            List<String> split = splitHere(statement) ? SqlStatements.split(sql) : List.of();
            if (split.size() > 1) {
                for (String single : split) {
                    collector.all(statement, statement.execute(single));
                }
            } else {
                collector.all(statement, statement.execute(sql));
            }
            return new Last(collector.last, collector.affected);
        } catch (SQLException | RuntimeException e) {
            collector.discard();
            throw e;
        }
    }

    private static boolean splitHere(Statement statement) throws SQLException {
        String url = statement.getConnection().getMetaData().getURL();
        return url != null && (url.startsWith("jdbc:h2:") || url.startsWith("jdbc:duckdb:"));
    }

    private static final class Collector {
        private final Rows rows;
        private PendingResult last;
        private long affected;

        Collector(Rows rows) {
            this.rows = rows;
        }

        void all(Statement statement, boolean isRows) throws SQLException {
            while (true) {
                if (isRows) {
                    try (ResultSet result = statement.getResultSet()) {
                        PendingResult written = rows.write(result);
                        discard();
                        last = written;
                    }
                } else {
                    int count = statement.getUpdateCount();
                    if (count == -1) {
                        return;
                    }
                    affected += count;
                }
                isRows = statement.getMoreResults();
            }
        }

        void discard() {
            if (last != null) {
                last.close();
                last = null;
            }
        }
    }
}
