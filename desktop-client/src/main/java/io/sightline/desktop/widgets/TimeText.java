package io.sightline.desktop.widgets;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** A time as the workbench's lists and dashboards write it; plain Java, so view models use it without JavaFX. */
public final class TimeText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private TimeText() {
    }

    /** "yyyy-MM-dd HH:mm" in the time's own offset, or empty. */
    public static String when(OffsetDateTime time) {
        return time == null ? "" : WHEN.format(time.toLocalDateTime());
    }

    /** "yyyy-MM-dd HH:mm:ss" in the time's own offset, or empty: for logs, where the order within a minute counts. */
    public static String seconds(OffsetDateTime time) {
        return time == null ? "" : SECONDS.format(time.toLocalDateTime());
    }
}
