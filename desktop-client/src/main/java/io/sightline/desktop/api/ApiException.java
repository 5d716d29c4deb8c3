package io.sightline.desktop.api;

/**
 * A call to the server that did not work, with a message meant for the user. {@link #status()} is the HTTP
 * status, or 0 when the server could not be reached at all.
 */
public class ApiException extends RuntimeException {

    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public ApiException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    public int status() {
        return status;
    }

    public boolean unreachable() {
        return status == 0;
    }

    /** 401 or 403: the API key is wrong or lacks a permission. */
    public boolean refused() {
        return status == 401 || status == 403;
    }

    /** 409: someone else saved first. */
    public boolean conflict() {
        return status == 409;
    }
}
