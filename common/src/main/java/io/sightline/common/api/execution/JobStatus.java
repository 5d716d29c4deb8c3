package io.sightline.common.api.execution;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Redash's job status codes. A job always ends in one of the last three. */
public enum JobStatus {
    QUEUED(1), STARTED(2), FINISHED(3), FAILED(4), CANCELLED(5);

    private final int code;

    JobStatus(int code) {
        this.code = code;
    }

    @JsonValue
    public int code() {
        return code;
    }

    public boolean ended() {
        return this == FINISHED || this == FAILED || this == CANCELLED;
    }

    @JsonCreator
    public static JobStatus of(int code) {
        for (JobStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown job status " + code + " (1 queued .. 5 cancelled)");
    }
}
