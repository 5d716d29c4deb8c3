package io.sightline.server.destination;

/**
 * One option of a destination type, as its configuration schema lists it.
 *
 * @param kind the JSON schema type: {@code string}, {@code number} or {@code boolean}
 * @param defaultValue what is used when the option is not set (null: nothing)
 */
record DestinationField(String name, String kind, String title, boolean required, boolean secret,
                        Object defaultValue) {

    static DestinationField text(String name, String title) {
        return new DestinationField(name, "string", title, false, false, null);
    }

    DestinationField asRequired() {
        return new DestinationField(name, kind, title, true, secret, defaultValue);
    }

    DestinationField asSecret() {
        return new DestinationField(name, kind, title, required, true, defaultValue);
    }

    DestinationField withDefault(Object value) {
        return new DestinationField(name, kind, title, required, secret, value);
    }

    DestinationField ofKind(String jsonType) {
        return new DestinationField(name, jsonType, title, required, secret, defaultValue);
    }
}
