package io.sightline.server.query;

import io.sightline.server.auth.QueryKeys;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A query's own API key, as the API key filter asks for it once no user's key matched. */
@Component
class QueryApiKeys implements QueryKeys {

    /** Query keys are 40 characters; anything much longer is not one, and is not worth a database round trip. */
    private static final int MAX_KEY_CHARS = 100;

    private final QueryRepository queries;

    QueryApiKeys(QueryRepository queries) {
        this.queries = queries;
    }

    @Override
    public Optional<Long> queryOf(String apiKey) {
        if (apiKey.isEmpty() || apiKey.length() > MAX_KEY_CHARS) {
            return Optional.empty();
        }
        return queries.findIdByApiKey(apiKey);
    }
}
