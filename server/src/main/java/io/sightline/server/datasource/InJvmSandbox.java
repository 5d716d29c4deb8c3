package io.sightline.server.datasource;

import java.util.HashMap;
import java.util.Locale;

/**
 * H2 and DuckDB run inside this server's JVM, so SQL sent to them must not reach the server's files, load code or
 * change the database's settings: the same fence applies whichever type (h2, duckdb or the generic jdbc type of
 * data sources stored before it refused those URLs) reaches them. Writes are off unless an admin allowed them.
 */
final class InJvmSandbox {

    static final String ALLOW_WRITES = "allow_writes";

    private InJvmSandbox() {
    }

    /** The option that lets an admin allow writes, with the warning the data source screen shows as its title. */
    static OptionField allowWritesField() {
        return OptionField.bool(ALLOW_WRITES,
                "Allow writes (WARNING: everyone with full access may then change and delete data)");
    }

    static boolean isH2(String url) {
        return url != null && url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:");
    }

    static boolean isDuckDb(String url) {
        return url != null && url.toLowerCase(Locale.ROOT).startsWith("jdbc:duckdb:");
    }

    /** The spec as it must connect: fenced for H2 and DuckDB, unchanged for any other database. */
    static ConnectionSpec apply(ConnectionSpec spec, boolean allowWrites) {
        if (isH2(spec.url())) {
            return new ConnectionSpec(spec.url(), spec.properties(), false,
                    allowWrites ? H2Sandbox.Mode.WRITABLE : H2Sandbox.Mode.READ_ONLY);
        }
        if (isDuckDb(spec.url())) {
            return duckDb(spec, allowWrites);
        }
        return spec;
    }

    private static ConnectionSpec duckDb(ConnectionSpec spec, boolean allowWrites) {
        String url = spec.url();
        // DuckDB reads settings from the URL after ';' (or '?'), which would override the ones below
        int settings = indexOfAny(url, ";?");
        if (settings >= 0) {
            url = url.substring(0, settings);
        }
        var properties = new HashMap<String, String>();
        spec.properties().forEach((key, value) -> {
            if ("jdbc_stream_results".equals(key)) {
                properties.put(key, value);
            }
        });
        properties.put("enable_external_access", "false");
        // SET enable_external_access = true (or any other setting) is refused from now on
        properties.put("lock_configuration", "true");
        properties.put("duckdb.read_only", Boolean.toString(!allowWrites));
        return new ConnectionSpec(url, properties, !allowWrites);
    }

    private static int indexOfAny(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
