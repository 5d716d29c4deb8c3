package io.sightline.server.auth;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which Sightline groups a provider's groups put a user into: {@code idp-group=Sightline group;other=Analysts}
 * (one pair per {@code ;}, an IdP group may name several Sightline groups with {@code ,}). Only the Sightline groups
 * named here are managed by single sign-on: at every login the user joins those their IdP groups map to and leaves
 * the others named here; groups an admin gave by hand and not named here are left alone.
 */
record OidcGroupMapping(Map<String, Set<String>> byIdpGroup) {

    static OidcGroupMapping parse(String text) {
        Map<String, Set<String>> mapping = new LinkedHashMap<>();
        if (text != null) {
            for (String pair : text.split(";")) {
                if (pair.isBlank()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                if (equals <= 0 || equals == pair.length() - 1) {
                    throw new IllegalStateException("Setting sightline.oidc.group-mapping (SIGHTLINE_OIDC_GROUP_MAPPING):"
                            + " '" + pair.strip() + "' is not idp-group=Sightline group");
                }
                String idpGroup = pair.substring(0, equals).strip();
                for (String group : pair.substring(equals + 1).split(",")) {
                    if (!group.isBlank()) {
                        mapping.computeIfAbsent(idpGroup, g -> new LinkedHashSet<>()).add(group.strip());
                    }
                }
            }
        }
        return new OidcGroupMapping(Map.copyOf(mapping));
    }

    /** Every Sightline group the mapping names: the groups single sign-on manages. */
    Set<String> managedGroups() {
        Set<String> all = new LinkedHashSet<>();
        byIdpGroup.values().forEach(all::addAll);
        return all;
    }

    /** The Sightline groups {@code idpGroups} map to. */
    Set<String> groupsFor(Collection<String> idpGroups) {
        Set<String> groups = new LinkedHashSet<>();
        for (String idpGroup : idpGroups) {
            groups.addAll(byIdpGroup.getOrDefault(idpGroup, Set.of()));
        }
        return groups;
    }

    /** A claim's value as group names: a list of strings, or one string (comma separated). */
    static List<String> claimValues(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(java.util.Objects::nonNull).map(Object::toString).toList();
        }
        if (claim instanceof String text) {
            return java.util.Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        return List.of();
    }
}
