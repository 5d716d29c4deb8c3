package io.sightline.server.datasource;

/**
 * One option of a data source type, as its configuration schema shows it.
 * Numbers are whole numbers (ports, limits, seconds); {@code minimum}/{@code maximum} bound them when set.
 */
record OptionField(String name, Kind kind, String title, Object defaultValue, boolean required, boolean secret,
                   Long minimum, Long maximum) {

    enum Kind {
        STRING("string"), NUMBER("number"), BOOLEAN("boolean");

        final String json;

        Kind(String json) {
            this.json = json;
        }
    }

    static OptionField string(String name, String title) {
        return new OptionField(name, Kind.STRING, title, null, false, false, null, null);
    }

    static OptionField number(String name, String title) {
        return new OptionField(name, Kind.NUMBER, title, null, false, false, null, null);
    }

    static OptionField bool(String name, String title) {
        return new OptionField(name, Kind.BOOLEAN, title, false, false, false, null, null);
    }

    OptionField withDefault(Object value) {
        return new OptionField(name, kind, title, value, required, secret, minimum, maximum);
    }

    OptionField asRequired() {
        return new OptionField(name, kind, title, defaultValue, true, secret, minimum, maximum);
    }

    OptionField asSecret() {
        return new OptionField(name, kind, title, defaultValue, required, true, minimum, maximum);
    }

    OptionField between(long min, long max) {
        return new OptionField(name, kind, title, defaultValue, required, secret, min, max);
    }
}
