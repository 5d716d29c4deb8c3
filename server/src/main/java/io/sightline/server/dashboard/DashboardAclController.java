package io.sightline.server.dashboard;

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

/** Redash's per-object permissions of a dashboard: who besides its owner and the admins may change it. */
@RestController
@RequestMapping("/api/dashboards/{idOrSlug}/acl")
class DashboardAclController {

    private final DashboardService dashboards;
    private final ObjectAcl acl;

    DashboardAclController(DashboardService dashboards, ObjectAcl acl) {
        this.dashboards = dashboards;
        this.acl = acl;
    }

    @GetMapping
    Map<String, List<User>> list(@PathVariable String idOrSlug) {
        DashboardService.requireList(CurrentUser.get());
        return acl.list(AccessGrants.DASHBOARDS, dashboards.require(idOrSlug).id());
    }

    @PostMapping
    ObjectAcl.GrantJson grant(@PathVariable String idOrSlug, @RequestBody ObjectAcl.GrantBody body) {
        DashboardRow dashboard = dashboards.require(idOrSlug);
        return acl.grant(CurrentUser.get(), AccessGrants.DASHBOARDS, dashboard.id(), dashboard.userId(), body);
    }

    @DeleteMapping
    Map<String, Object> revoke(@PathVariable String idOrSlug, @RequestBody ObjectAcl.GrantBody body) {
        DashboardRow dashboard = dashboards.require(idOrSlug);
        acl.revoke(CurrentUser.get(), AccessGrants.DASHBOARDS, dashboard.id(), dashboard.userId(), body);
        return Map.of();
    }

    @GetMapping("/{accessType}")
    Map<String, Boolean> check(@PathVariable String idOrSlug, @PathVariable String accessType) {
        SightlineUser caller = CurrentUser.get();
        DashboardService.requireList(caller);
        return acl.check(caller, AccessGrants.DASHBOARDS, dashboards.require(idOrSlug).id(), accessType);
    }
}
