package io.sightline.desktop.api;

import io.sightline.common.parameter.ParameterDeclaration;
import java.util.List;

/**
 * What the workbench sends to create or update a saved query. {@code version} is the version the editor
 * started from (null to create): the server answers 409 when someone saved a newer one.
 */
public record QueryDraft(long dataSourceId, String name, String description, String sql,
                         List<ParameterDeclaration> parameters, List<String> tags, Long version) {

    public QueryDraft {
        parameters = List.copyOf(parameters);
        tags = List.copyOf(tags);
    }

    public QueryDraft withVersion(Long newVersion) {
        return new QueryDraft(dataSourceId, name, description, sql, parameters, tags, newVersion);
    }
}
