package io.sightline.common.api.execution;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A result column: {@code {name, friendly_name, type}}. */
public record Column(String name, @JsonProperty("friendly_name") String friendlyName, ColumnType type) {
}
