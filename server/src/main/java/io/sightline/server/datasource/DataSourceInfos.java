package io.sightline.server.datasource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * A data source row read as the limits and SQL dialect a run needs, parsing the options JSON again only when the
 * row changed: the remembered info is used only for a row equal in every column (name, options, paused,
 * updated_at...) to the one it was made from, so it is never stale. The one place that decides a data source's
 * dialect, for runs and for the {@code sql_dialect} clients are shown.
 */
@Component
class DataSourceInfos {

    private final DataSourceTypes types;
    private final Cache<Long, Parsed> parsed = Caffeine.newBuilder().maximumSize(10_000).build();

    DataSourceInfos(DataSourceTypes types) {
        this.types = types;
    }

    DataSourceInfo of(DataSourceRow row) {
        Parsed remembered = parsed.getIfPresent(row.id());
        if (remembered != null && remembered.row().equals(row)) {
            return remembered.info();
        }
        ConnectorType type = types.get(row.type());
        var fields = types.fields(type);
        var options = new DataSourceOptions(StoredOptions.plain(fields, row.options()), fields);
        var info = new DataSourceInfo(row.id(), row.name(), row.type(), row.paused(), row.pauseReason(),
                (int) options.number("row_limit"), Duration.ofSeconds(options.number("query_timeout")),
                (int) options.number("concurrency_limit"), type.dialect(options), PassedIdentity.of(options));
        parsed.put(row.id(), new Parsed(row, info));
        return info;
    }

    private record Parsed(DataSourceRow row, DataSourceInfo info) {
    }
}
