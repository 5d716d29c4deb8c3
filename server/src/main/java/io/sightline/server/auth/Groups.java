package io.sightline.server.auth;

import io.sightline.server.system.ApiException;
import org.springframework.stereotype.Service;

/** What other features may ask of groups: the datasource feature keeps each group's data source access. */
@Service
public class Groups {

    private final GroupService service;

    Groups(GroupService service) {
        this.service = service;
    }

    /** The names of the groups, by id order; unknown ids are left out. */
    public java.util.List<String> names(java.util.List<Long> ids) {
        return ids.isEmpty() ? java.util.List.of() : service.names(ids);
    }

    /** @throws ApiException 404 when there is no such group */
    public void requireExists(long id) {
        service.find(id);
    }
}
