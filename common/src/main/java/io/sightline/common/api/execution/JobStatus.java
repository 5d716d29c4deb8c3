package io.sightline.common.api.execution;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A job's state. A job always ends in one of the last three. On the wire it is Redash's code (its
 * {@code serialize_job}): a cancelled job is reported as failed ({@code 4}), because Redash's clients wait for 3 or 4
 * and never stop on 5; {@link Job#cancelled()} keeps the difference.
 */
public enum JobStatus {
    QUEUED(1), STARTED(2), FINISHED(3), FAILED(4), CANCELLED(4);

    private final int code;

    JobStatus(int code) {
        this.code = code;
    }

    /** Redash's code: 1 queued, 2 started, 3 finished, 4 failed or cancelled. */
    @JsonValue
    public int code() {
        return code;
    }

    public boolean ended() {
        return this == FINISHED || this == FAILED || this == CANCELLED;
    }

    /**
     * The status of a Redash code; 4 is {@link #FAILED} (a {@link Job} makes it {@link #CANCELLED} when its
     * {@code cancelled} says so), and 5, what Sightline answered for a cancelled job before, {@link #CANCELLED}.
     */
    @JsonCreator
    public static JobStatus of(int code) {
        return switch (code) {
            case 1 -> QUEUED;
            case 2 -> STARTED;
            case 3 -> FINISHED;
            case 4 -> FAILED;
            case 5 -> CANCELLED;
            default -> throw new IllegalArgumentException("Unknown job status " + code
                    + " (1 queued, 2 started, 3 finished, 4 failed or cancelled)");
        };
    }
}
