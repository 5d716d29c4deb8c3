package io.sightline.server.auth;

/**
 * The principal of a request authenticated with a query's own API key: it may read that query's results and
 * nothing else. Controllers ask {@link CurrentUser#queryKey()}; {@link CurrentUser#get()} refuses it with 403.
 */
public record QueryKeyCaller(long queryId) {
}
