package io.sightline.desktop.editor;

import com.github.vertical_blank.sqlformatter.SqlFormatter;
import com.github.vertical_blank.sqlformatter.languages.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Formats SQL with sql-formatter in the dialect of the data source, leaving the {@code {{ parameters }}}
 * exactly as written: the formatter would split their braces apart, so each tag is swapped for a plain
 * placeholder word while it formats and put back afterwards.
 */
public final class SqlFormatting {

    private static final Pattern TAG = Pattern.compile("\\{\\{\\{?[^{}\\n]*}}}?");

    private SqlFormatting() {
    }

    /** The formatter's dialect for a data source type: PostgreSQL, MySQL, MariaDB, else standard SQL. */
    static Dialect dialectOf(String dataSourceType) {
        if (dataSourceType == null) {
            return Dialect.StandardSql;
        }
        return switch (dataSourceType) {
            case "pg", "postgres", "postgresql", "redshift" -> Dialect.PostgreSql;
            case "mysql" -> Dialect.MySql;
            case "mariadb" -> Dialect.MariaDb;
            default -> Dialect.StandardSql; // DuckDB, H2 and the rest
        };
    }

    /** The SQL laid out one clause a line, keywords as they were typed, parameters untouched. */
    public static String format(String sql, String dataSourceType) {
        if (sql.isBlank()) {
            return sql;
        }
        String prefix = placeholderPrefix(sql);
        List<String> tags = new ArrayList<>();
        Matcher matcher = TAG.matcher(sql);
        StringBuilder masked = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(masked, Matcher.quoteReplacement(prefix + tags.size() + "_"));
            tags.add(matcher.group());
        }
        matcher.appendTail(masked);
        String formatted = SqlFormatter.of(dialectOf(dataSourceType)).format(masked.toString());
        // put the tags back, the highest number first so "_1_" does not match inside "_11_"
        for (int i = tags.size() - 1; i >= 0; i--) {
            formatted = formatted.replace(prefix + i + "_", tags.get(i));
        }
        return formatted;
    }

    /** A word the SQL does not contain, so no placeholder can be confused with the user's own text. */
    private static String placeholderPrefix(String sql) {
        String prefix = "sightline_parameter_";
        while (sql.contains(prefix)) {
            prefix = "x" + prefix;
        }
        return prefix;
    }
}
