package io.sightline.common.parameter;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes parameter values into Mustache SQL after checking all of them. Every problem found (unknown,
 * missing, undeclared, invalid, misused) is reported together in one {@link ParameterException}, so a
 * user fixes them in one go.
 *
 * <p>A declared parameter without a value in the map (or with null) takes the declaration's default
 * {@code value}. Declarations the SQL does not use are checked only when a value is given for them.
 */
public final class ParameterBinder {

    private final Clock clock;
    private final boolean rawText;

    /** @param clock what "today" is for dynamic dates such as {@code d_last_7_days} */
    public ParameterBinder(Clock clock) {
        this(clock, false);
    }

    private ParameterBinder(Clock clock, boolean rawText) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rawText = rawText;
    }

    /**
     * A binder that writes {@link ParameterType#TEXT} values into the SQL as they are, unescaped (Redash's
     * behaviour, for queries that use a text parameter as an SQL fragment such as {@code WHERE {{ cond }}}).
     * Every other type is still checked and escaped. Only for runs by users who may run any SQL anyway.
     */
    public ParameterBinder withRawText() {
        return new ParameterBinder(clock, true);
    }

    /** @throws ParameterException with every problem found; nothing is rendered then */
    public BoundQuery bind(String sql, List<ParameterDeclaration> declarations, Map<String, Object> values,
            SqlDialect dialect, QueryOptionsSource options) {
        List<MustacheTags.Tag> tags = MustacheTags.find(sql);
        Set<ParameterProblem> problems = new LinkedHashSet<>();
        Map<String, ParameterDeclaration> declared = index(declarations, problems);
        Set<String> used = Parameters.referencedNames(sql);
        checkNames(used, declared, values.keySet(), problems);
        for (MustacheTags.Tag tag : tags) {
            ParameterDeclaration declaration = declared.get(tag.name());
            if (declaration != null) {
                TagUsage.check(declaration, tag).ifPresent(problems::add);
            }
        }
        Map<String, Object> applied = new LinkedHashMap<>();
        SqlFragments fragments = new SqlFragments(rawText);
        for (ParameterDeclaration declaration : declared.values()) {
            String name = declaration.name();
            if (!used.contains(name) && !values.containsKey(name)) {
                continue;
            }
            Object raw = values.get(name) != null ? values.get(name) : declaration.value();
            try {
                ValidatedValue value = ParameterValidator.validate(declaration, raw, clock, options);
                addFragment(fragments, declaration, value, dialect);
                applied.put(name, value.asJson());
            } catch (ParameterException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ParameterException(new ArrayList<>(problems));
        }
        return new BoundQuery(fragments.render(sql, tags), applied);
    }

    /**
     * For ad-hoc SQL that has no declarations: every name used or given is taken as a
     * {@link ParameterType#TEXT} parameter (so the query is not safe).
     */
    public BoundQuery bindUndeclared(String sql, Map<String, Object> values, SqlDialect dialect) {
        Set<String> names = new LinkedHashSet<>(Parameters.referencedNames(sql));
        names.addAll(values.keySet());
        List<ParameterDeclaration> declarations = names.stream()
                .filter(name -> name != null && !name.isBlank())
                .map(name -> ParameterDeclaration.of(name, ParameterType.TEXT))
                .toList();
        return bind(sql, declarations, values, dialect, QueryOptionsSource.NONE);
    }

    /** @throws ParameterException when the value cannot be written into SQL at all (a NUL character) */
    private static void addFragment(
            SqlFragments fragments, ParameterDeclaration declaration, ValidatedValue value, SqlDialect dialect) {
        try {
            fragments.add(declaration, value, dialect);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(declaration.name(), e.getMessage());
        }
    }

    private static void checkNames(Set<String> used, Map<String, ParameterDeclaration> declared,
            Set<String> given, Set<ParameterProblem> problems) {
        for (String name : used) {
            if (!declared.containsKey(name)) {
                problems.add(new ParameterProblem(name, "used in the query but not declared"));
            }
        }
        for (String name : given) {
            if (!declared.containsKey(name) && !used.contains(name)) {
                problems.add(new ParameterProblem(name, "unknown parameter"));
            }
        }
    }

    private static Map<String, ParameterDeclaration> index(
            List<ParameterDeclaration> declarations, Set<ParameterProblem> problems) {
        Map<String, ParameterDeclaration> byName = new LinkedHashMap<>();
        for (ParameterDeclaration declaration : declarations) {
            if (byName.putIfAbsent(declaration.name(), declaration) != null) {
                problems.add(new ParameterProblem(declaration.name(), "declared more than once"));
            }
        }
        return byName;
    }
}
