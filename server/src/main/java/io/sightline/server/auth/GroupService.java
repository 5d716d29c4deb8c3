package io.sightline.server.auth;

import io.sightline.server.system.ApiException;
import io.sightline.server.system.Audited;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating, renaming and deleting groups and changing their members; admins only. */
@Service
class GroupService {

    static final int MAX_NAME = 255;

    private final GroupRepository repository;
    private final UserRepository userRepository;
    private final Users users;
    private final ApplicationEventPublisher events;

    GroupService(GroupRepository repository, UserRepository userRepository, Users users,
                 ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.userRepository = userRepository;
        this.users = users;
    }

    GroupRecord find(long id) {
        return repository.findById(id).orElseThrow(() -> notFound(id));
    }

    java.util.List<String> names(java.util.List<Long> ids) {
        return repository.findByIds(ids).stream().map(GroupRecord::name).sorted().toList();
    }

    static ApiException notFound(long id) {
        return ApiException.notFound("Group " + id + " does not exist");
    }

    @Transactional
    GroupRecord create(SightlineUser caller, String name) {
        Permissions.requireAdmin(caller, "create groups");
        String checked = checkedName(name, null);
        try {
            GroupRecord group = find(repository.insert(checked));
            events.publishEvent(Audited.of("create", "group", group.id(), Map.of("name", checked)));
            return group;
        } catch (DuplicateKeyException e) {
            throw nameTaken(checked);
        }
    }

    @Transactional
    GroupRecord rename(SightlineUser caller, long id, String name) {
        Permissions.requireAdmin(caller, "rename groups");
        GroupRecord group = find(id);
        String checked = checkedName(name, id);
        if (group.builtin() && !checked.equals(group.name())) {
            throw ApiException.badRequest("The builtin group '" + group.name() + "' cannot be renamed");
        }
        try {
            repository.rename(id, checked);
        } catch (DuplicateKeyException e) {
            throw nameTaken(checked);
        }
        events.publishEvent(Audited.of("edit", "group", id, Map.of("name", checked, "previous_name", group.name())));
        return find(id);
    }

    @Transactional
    void delete(SightlineUser caller, long id) {
        Permissions.requireAdmin(caller, "delete groups");
        GroupRecord group = find(id);
        if (group.builtin()) {
            throw ApiException.badRequest("The builtin group '" + group.name() + "' cannot be deleted");
        }
        repository.delete(id);
        events.publishEvent(Audited.of("delete", "group", id, Map.of("name", group.name())));
        users.forgetAll();
    }

    @Transactional
    UserRecord addMember(SightlineUser caller, long groupId, Long userId) {
        Permissions.requireAdmin(caller, "change group members");
        find(groupId);
        if (userId == null) {
            throw ApiException.badRequest("'user_id' is required: the user to add to the group");
        }
        UserRecord user = userRepository.findById(userId)
                .orElseThrow(() -> ApiException.badRequest("'user_id' " + userId + " is not a user"));
        userRepository.addToGroup(userId, groupId);
        events.publishEvent(Audited.of("add_member", "group", groupId, Map.of("member_id", userId)));
        users.forgetAll();
        return user;
    }

    @Transactional
    void removeMember(SightlineUser caller, long groupId, long userId) {
        Permissions.requireAdmin(caller, "change group members");
        GroupRecord group = find(groupId);
        userRepository.findById(userId).orElseThrow(() -> ApiException.notFound("User " + userId + " does not exist"));
        if ("admin".equals(group.name()) && caller.id() == userId) {
            throw ApiException.badRequest("You cannot remove yourself from the admin group");
        }
        userRepository.removeFromGroup(userId, groupId);
        events.publishEvent(Audited.of("remove_member", "group", groupId, Map.of("member_id", userId)));
        users.forgetAll();
    }

    private String checkedName(String name, Long except) {
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("'name' is required and may not be empty");
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX_NAME) {
            throw ApiException.badRequest("'name' is longer than " + MAX_NAME + " characters");
        }
        repository.findByName(trimmed).filter(other -> except == null || other.id() != except)
                .ifPresent(other -> {
                    throw nameTaken(trimmed);
                });
        return trimmed;
    }

    private static ApiException nameTaken(String name) {
        return ApiException.conflict("'name': a group named '" + name + "' already exists");
    }
}
