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

    /** @throws ApiException 404 when there is no such group */
    public void requireExists(long id) {
        service.find(id);
    }
}
