package io.sightline.common.parameter;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Facts about a query's parameters as a whole. */
public final class Parameters {

    private Parameters() {
    }

    /**
     * A query is safe when none of its parameters is free {@link ParameterType#TEXT}: only safe queries
     * run for viewers, public links and query API keys.
     */
    public static boolean isSafe(List<ParameterDeclaration> declarations) {
        return declarations.stream().allMatch(declaration -> declaration.type().isSafe());
    }

    /**
     * The same rule over a saved query's {@code options} as stored ({@code parameters}: a list of objects): a
     * parameter without a type is free text, as {@link ParameterDeclaration} reads it, and so is one whose type
     * this version does not know; a query without {@code parameters} is safe.
     */
    public static boolean isSafe(Map<String, Object> queryOptions) {
        if (!(queryOptions.get("parameters") instanceof List<?> parameters)) {
            return true;
        }
        return parameters.stream().allMatch(parameter -> parameter instanceof Map<?, ?> declaration
                && declaration.get("type") instanceof String type && isSafeType(type));
    }

    private static boolean isSafeType(String wireName) {
        try {
            return ParameterType.fromWire(wireName).isSafe();
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    /**
     * The parameter names the SQL uses, in order of first use: {@code {{ name }}}, {@code {{name}}},
     * {@code {{{ name }}}}, and {@code name} for {@code {{ name.start }}} / {@code {{ name.end }}}.
     */
    public static Set<String> referencedNames(String sql) {
        Set<String> names = new LinkedHashSet<>();
        for (MustacheTags.Tag tag : MustacheTags.find(sql)) {
            names.add(tag.name());
        }
        return Collections.unmodifiableSet(names);
    }
}
