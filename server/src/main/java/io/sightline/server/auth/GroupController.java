package io.sightline.server.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.sightline.common.api.auth.Group;
import io.sightline.common.api.auth.User;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Redash's {@code /api/groups} endpoints and their members. Admins see every group, others their own.
 * A group's data source access is served by the datasource feature under the same path.
 */
@RestController
@RequestMapping("/api/groups")
class GroupController {

    private final GroupService service;
    private final GroupRepository repository;
    private final UserRepository userRepository;
    private final UserJson userJson;

    GroupController(GroupService service, GroupRepository repository, UserRepository userRepository, UserJson userJson) {
        this.service = service;
        this.repository = repository;
        this.userRepository = userRepository;
        this.userJson = userJson;
    }

    record GroupBody(@JsonProperty("name") String name) {
    }

    record MemberBody(@JsonProperty("user_id") Long userId) {
    }

    @GetMapping
    List<Group> list() {
        SightlineUser caller = CurrentUser.get();
        var groups = caller.isAdmin() ? repository.findAll() : repository.findByIds(caller.groupIds());
        return groups.stream().map(GroupController::json).toList();
    }

    @PostMapping
    Group create(@RequestBody GroupBody body) {
        return json(service.create(CurrentUser.get(), body.name()));
    }

    @GetMapping("/{id}")
    Group get(@PathVariable long id) {
        return json(visible(id));
    }

    @PostMapping("/{id}")
    Group rename(@PathVariable long id, @RequestBody GroupBody body) {
        return json(service.rename(CurrentUser.get(), id, body.name()));
    }

    @DeleteMapping("/{id}")
    void delete(@PathVariable long id) {
        service.delete(CurrentUser.get(), id);
    }

    @GetMapping("/{id}/members")
    List<User> members(@PathVariable long id) {
        visible(id);
        return userRepository.findByGroup(id).stream().map(userJson::of).toList();
    }

    @PostMapping("/{id}/members")
    User addMember(@PathVariable long id, @RequestBody MemberBody body) {
        SightlineUser caller = CurrentUser.get();
        service.addMember(caller, id, body.userId());
        return userJson.of(userRepository.findById(body.userId()).orElseThrow());
    }

    @DeleteMapping("/{id}/members/{userId}")
    void removeMember(@PathVariable long id, @PathVariable long userId) {
        service.removeMember(CurrentUser.get(), id, userId);
    }

    /** Non-admins learn nothing of groups they are not in: 404, as for a group that does not exist. */
    private GroupRecord visible(long id) {
        SightlineUser caller = CurrentUser.get();
        if (!caller.isAdmin() && !caller.groupIds().contains(id)) {
            throw GroupService.notFound(id);
        }
        return service.find(id);
    }

    static Group json(GroupRecord group) {
        return new Group(group.id(), group.name(), List.of(group.permissions().split(",")), group.type(),
                group.createdAt());
    }
}
