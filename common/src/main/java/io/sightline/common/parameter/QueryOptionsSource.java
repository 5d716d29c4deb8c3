package io.sightline.common.parameter;

import java.util.List;

/**
 * The values a {@link ParameterType#QUERY} parameter may take: the server reads them from the named
 * query's latest result (column {@code value} when present, else the first column).
 */
@FunctionalInterface
public interface QueryOptionsSource {

    /** For places that cannot look queries up, such as a client validating a form offline. */
    QueryOptionsSource NONE = queryId -> {
        throw new Unavailable("query-based options are not available here");
    };

    /**
     * @throws Unavailable when the options cannot be had for a reason the user should read (no such
     *     query, no result yet); the validator reports it as the parameter's problem
     */
    List<String> options(long queryId);

    /** The options of a query cannot be listed; the message is shown to the user as it is. */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }
}
