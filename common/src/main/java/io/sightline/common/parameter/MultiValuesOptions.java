package io.sightline.common.parameter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * How a multi-value parameter is written into SQL: each value becomes {@code prefix + value + suffix},
 * joined by {@code separator}; e.g. prefix and suffix {@code '} and separator {@code ,} for an
 * {@code IN ('a','b')} list. Missing parts default to "", "" and ",".
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MultiValuesOptions(String prefix, String suffix, String separator) {

    public MultiValuesOptions {
        prefix = prefix == null ? "" : prefix;
        suffix = suffix == null ? "" : suffix;
        separator = separator == null ? "," : separator;
    }
}
