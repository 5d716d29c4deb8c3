package io.sightline.server.query;

import io.sightline.common.api.auth.User;
import io.sightline.server.auth.AccessGrants;
import io.sightline.server.auth.CurrentUser;
import io.sightline.server.auth.ObjectAcl;
import io.sightline.server.auth.SightlineUser;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Redash's per-object permissions of a query: who besides its owner and the admins may change it. */
@RestController
@RequestMapping("/api/queries/{id}/acl")
class QueryAclController {

    private final QueryAccess access;
    private final ObjectAcl acl;

    QueryAclController(QueryAccess access, ObjectAcl acl) {
        this.access = access;
        this.acl = acl;
    }

    @GetMapping
    Map<String, List<User>> list(@PathVariable long id) {
        return acl.list(AccessGrants.QUERIES, access.visible(id, CurrentUser.get()).id());
    }

    @PostMapping
    ObjectAcl.GrantJson grant(@PathVariable long id, @RequestBody ObjectAcl.GrantBody body) {
        SightlineUser caller = CurrentUser.get();
        QueryRow query = access.visible(id, caller);
        return acl.grant(caller, AccessGrants.QUERIES, query.id(), query.userId(), body);
    }

    @DeleteMapping
    Map<String, Object> revoke(@PathVariable long id, @RequestBody ObjectAcl.GrantBody body) {
        SightlineUser caller = CurrentUser.get();
        QueryRow query = access.visible(id, caller);
        acl.revoke(caller, AccessGrants.QUERIES, query.id(), query.userId(), body);
        return Map.of();
    }

    @GetMapping("/{accessType}")
    Map<String, Boolean> check(@PathVariable long id, @PathVariable String accessType) {
        SightlineUser caller = CurrentUser.get();
        return acl.check(caller, AccessGrants.QUERIES, access.visible(id, caller).id(), accessType);
    }
}
