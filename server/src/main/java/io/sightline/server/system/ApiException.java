package io.sightline.server.system;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An error the client caused or must know about; the message is shown to the user as it is. It may carry more
 * top-level fields for the problem detail ({@link #with}).
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final Map<String, Object> properties;

    public ApiException(HttpStatus status, String message) {
        this(status, message, Map.of());
    }

    private ApiException(HttpStatus status, String message, Map<String, Object> properties) {
        super(message);
        this.status = status;
        this.properties = properties;
    }

    public HttpStatus status() {
        return status;
    }

    /** Fields the problem detail carries beside its own (e.g. a refused run's Redash {@code job}). */
    public Map<String, Object> properties() {
        return properties;
    }

    /** The same error whose problem detail also carries {@code name: value}. */
    public ApiException with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(properties);
        more.put(name, value);
        ApiException copy = new ApiException(status, getMessage(), Collections.unmodifiableMap(more));
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, message);
    }

    public static ApiException tooLarge(String message) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, message);
    }
}
