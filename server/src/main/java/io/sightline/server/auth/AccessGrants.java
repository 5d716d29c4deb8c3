package io.sightline.server.auth;

import java.util.Collection;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Redash's per-object permissions as the features read them: whether a user was granted {@link #MODIFY} on a query
 * ({@link #QUERIES}) or dashboard ({@link #DASHBOARDS}) by its owner or an admin. Only {@code modify} has a meaning.
 */
@Service
public class AccessGrants {

    public static final String QUERIES = "queries";
    public static final String DASHBOARDS = "dashboards";
    public static final String MODIFY = "modify";

    private final AccessPermissionRepository repository;

    AccessGrants(AccessPermissionRepository repository) {
        this.repository = repository;
    }

    /** Whether {@code userId} was granted {@code modify} on the object. */
    public boolean mayModify(String objectType, long objectId, long userId) {
        return repository.mayModify(objectType, objectId, userId);
    }

    /** Which of the objects {@code userId} was granted {@code modify} on, in one statement for a list. */
    public Set<Long> modifiableAmong(String objectType, Collection<Long> objectIds, long userId) {
        return repository.modifiableAmong(objectType, objectIds, userId);
    }
}
