package io.sightline.server.system;

import java.util.Map;

/**
 * Published by a feature's service for every change it makes (and every run), inside the change's transaction:
 * the audit log records it in that transaction, so a change that rolls back leaves no event and an event cannot
 * be lost for a change that committed. Features publish it with Spring's {@code ApplicationEventPublisher} and
 * know nothing of the audit package; who did it and from where is read from the request by the listener.
 *
 * <p>{@code details} must never hold a secret (a password, an API key, a data source's secret options): the
 * audit log is shipped to other systems.
 *
 * @param action Redash's verb: {@code create}, {@code edit}, {@code delete}, {@code execute_query}, ...
 * @param objectType {@code data_source}, {@code user}, {@code group}, {@code query}, {@code dashboard}, ...
 * @param objectId the object's id, as text (null when there is none)
 * @param details what else a reader needs: names, changed fields, parameters (no secrets)
 */
public record Audited(String action, String objectType, String objectId, Map<String, Object> details) {

    public Audited {
        details = details == null ? Map.of() : details;
    }

    public static Audited of(String action, String objectType, Object objectId, Map<String, Object> details) {
        return new Audited(action, objectType, objectId == null ? null : String.valueOf(objectId), details);
    }

    public static Audited of(String action, String objectType, Object objectId) {
        return of(action, objectType, objectId, Map.of());
    }
}
