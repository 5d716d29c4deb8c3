package io.sightline.desktop.run;

/** Where a run of the editor's SQL is, as the status line says it. */
public enum RunState {
    IDLE("Ready"),
    SUBMITTING("Sending"),
    QUEUED("Queued"),
    RUNNING("Running"),
    FETCHING("Fetching rows"),
    FINISHED("Done"),
    FAILED("Failed"),
    CANCELLING("Cancelling"),
    CANCELLED("Cancelled");

    private final String label;

    RunState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean busy() {
        return this == SUBMITTING || this == QUEUED || this == RUNNING || this == FETCHING || this == CANCELLING;
    }
}
