package io.sightline.server.auth;

import java.util.Optional;

/**
 * Per-query API keys (Redash's embed case): the query feature answers which saved query a key belongs to, so the
 * API key filter can accept it after no user's key matched. A query key reads that query's results only.
 */
public interface QueryKeys {

    /** The id of the saved (not archived) query whose API key this is. */
    Optional<Long> queryOf(String apiKey);
}
