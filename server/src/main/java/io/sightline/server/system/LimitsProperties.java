package io.sightline.server.system;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds on what one request, one user or one result may make the server hold; a request over a limit is
 * answered with a 4xx naming the limit and its value (docs/api.md, "Limits"). Every value has an environment
 * variable (application.yml, README).
 *
 * @param maxRequestSize bytes of a request body (413 above)
 * @param maxQueryChars characters of a query's SQL, saved or run, after parameters are bound (413 above)
 * @param maxParameters parameters a saved query declares, or a run passes values for (400 above)
 * @param maxTags tags of one saved query (400 above)
 * @param maxOptions entries of one parameter's list: the options of a dropdown (enum) parameter, the values
 *                   passed to a multi-value parameter (400 above)
 * @param maxJobsPerUser queued and running jobs one user may have at once (429 above); a run that joins an
 *                       identical run in flight adds none
 * @param maxQueueLength jobs waiting or running in one Redis stream ({@code adhoc}, {@code scheduled}); the
 *                       stream's MAXLEN (429 above, docs/decisions/0016)
 * @param maxCellChars characters of one text cell of a result (binary cells count their hex text); a longer
 *                     cell is stored cut to this length with a marker saying how long it was
 * @param resultPageCacheSize estimated bytes of decoded result pages kept in memory by each process
 * @param resultRetention completed results older than this are deleted, except a saved query's latest result
 * @param retentionInterval how often the scheduler looks for results past {@code resultRetention}
 */
@ConfigurationProperties("sightline.limits")
@Validated
public record LimitsProperties(@NotNull DataSize maxRequestSize, @Min(1) int maxQueryChars, @Min(0) int maxParameters,
                               @Min(0) int maxTags, @Min(1) int maxOptions, @Min(1) int maxJobsPerUser,
                               @Min(1) int maxQueueLength, @Min(64) int maxCellChars, @NotNull DataSize resultPageCacheSize,
                               @NotNull Duration resultRetention, @NotNull Duration retentionInterval) {

    /** "1,000,000": limits are named in messages with their value, readable. */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A limit in bytes as people write it: "10 MB", "512 KB", "100 bytes". */
    public static String bytes(DataSize size) {
        long b = size.toBytes();
        if (b >= 1024 * 1024 && b % (1024 * 1024) == 0) {
            return count(b / (1024 * 1024)) + " MB";
        }
        if (b >= 1024 && b % 1024 == 0) {
            return count(b / 1024) + " KB";
        }
        return count(b) + " bytes";
    }
}
