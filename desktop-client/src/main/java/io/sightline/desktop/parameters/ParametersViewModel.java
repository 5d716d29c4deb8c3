package io.sightline.desktop.parameters;

import io.sightline.common.parameter.ParameterDeclaration;
import io.sightline.common.parameter.ParameterType;
import io.sightline.common.parameter.Parameters;
import io.sightline.common.parameter.QueryOptionsSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The parameters form of an editor tab: one field for each {@code {{ name }}} the SQL uses, in order of first
 * use. A name typed for the first time gets a new field (a date range when the SQL uses {@code .start} or
 * {@code .end}, else text); a field whose name disappears from the SQL is kept aside and comes back with its
 * settings if the name returns.
 *
 * <p>A name that comes from typing, not from a saved declaration, is <em>undeclared</em> until the user
 * declares it (choosing its type and settings) or ignores it: {@link #undeclaredProperty()} names the first
 * such field so the editor can offer to declare it, with a type guessed from the name.
 */
public final class ParametersViewModel {

    private final Clock clock;
    private final ObservableList<ParameterFieldViewModel> fields = FXCollections.observableArrayList();
    private final Map<String, ParameterFieldViewModel> setAside = new HashMap<>();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper undeclared = new ReadOnlyStringWrapper("");
    private final Set<String> acknowledged = new HashSet<>();
    private final DropdownSource dropdowns;

    public ParametersViewModel(Clock clock) {
        this(clock, DropdownSource.NONE);
    }

    public ParametersViewModel(Clock clock, DropdownSource dropdowns) {
        this.clock = clock;
        this.dropdowns = dropdowns;
    }

    /** Starts over from a saved query's declarations. */
    public void load(List<ParameterDeclaration> declarations, String sql) {
        fields.clear();
        setAside.clear();
        acknowledged.clear();
        for (ParameterDeclaration declaration : declarations) {
            setAside.put(declaration.name(), track(ParameterFieldViewModel.of(declaration, clock)));
            acknowledged.add(declaration.name());
        }
        syncWithSql(sql);
    }

    /** Adds fields for new names in the SQL and sets aside those no longer used. */
    public void syncWithSql(String sql) {
        Set<String> names = Parameters.referencedNames(sql);
        List<ParameterFieldViewModel> wanted = new ArrayList<>();
        for (String name : names) {
            ParameterFieldViewModel field = fields.stream().filter(f -> f.name().equals(name)).findFirst()
                    .orElseGet(() -> setAside.containsKey(name) ? setAside.remove(name) : created(name, sql));
            wanted.add(field);
        }
        for (ParameterFieldViewModel field : fields) {
            if (!names.contains(field.name())) {
                setAside.put(field.name(), field);
            }
        }
        if (!wanted.equals(fields)) {
            fields.setAll(wanted);
            changed();
        }
        findUndeclared();
    }

    /** The user declared the parameter (its type and settings are set on its field). */
    public void declare(String name) {
        acknowledged.add(name);
        findUndeclared();
    }

    /** The user does not want to be asked about this name again; it stays a text parameter. */
    public void ignore(String name) {
        acknowledged.add(name);
        findUndeclared();
    }

    /** The field of a parameter the SQL uses, or null. */
    public ParameterFieldViewModel field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * The type a parameter most likely has: a date range when the SQL uses {@code .start} / {@code .end},
     * a date for names like {@code start_date} or {@code day}, a number for names like {@code min_amount}
     * or {@code customer_id}, else text.
     */
    public ParameterType guessedType(String name) {
        ParameterFieldViewModel field = field(name);
        if (field != null && field.typeProperty().get().isRange()) {
            return field.typeProperty().get();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith("date") || lower.endsWith("_day") || lower.equals("day") || lower.equals("since")
                || lower.equals("until")) {
            return ParameterType.DATE;
        }
        if (lower.endsWith("_at") || lower.endsWith("time") || lower.endsWith("timestamp")) {
            return ParameterType.DATETIME_LOCAL;
        }
        if (lower.endsWith("_id") || lower.startsWith("min_") || lower.startsWith("max_") || lower.equals("limit")
                || lower.endsWith("count") || lower.endsWith("amount") || lower.endsWith("number")) {
            return ParameterType.NUMBER;
        }
        return ParameterType.TEXT;
    }

    private void findUndeclared() {
        undeclared.set(fields.stream().map(ParameterFieldViewModel::name).filter(n -> !acknowledged.contains(n))
                .findFirst().orElse(""));
    }

    /** The first parameter the SQL uses that is neither declared nor ignored; empty when there is none. */
    public ReadOnlyStringProperty undeclaredProperty() {
        return undeclared.getReadOnlyProperty();
    }

    private ParameterFieldViewModel created(String name, String sql) {
        ParameterFieldViewModel field = new ParameterFieldViewModel(name, clock);
        Pattern rangeUse = Pattern.compile("\\{\\{\\{?\\s*" + Pattern.quote(name) + "\\.(start|end)\\s*}}");
        if (rangeUse.matcher(sql).find()) {
            field.typeProperty().set(ParameterType.DATE_RANGE);
        }
        return track(field);
    }

    private ParameterFieldViewModel track(ParameterFieldViewModel field) {
        field.errorProperty().addListener(obs -> changed());
        field.valueProperty().addListener(obs -> changed());
        field.typeProperty().addListener(obs -> changed());
        field.titleProperty().addListener(obs -> changed());
        field.enumOptionsProperty().addListener(obs -> changed());
        field.regexProperty().addListener(obs -> changed());
        field.multiValueProperty().addListener(obs -> changed());
        field.queryIdProperty().addListener(obs -> changed());
        field.useDropdowns(dropdowns);
        return field;
    }

    private void changed() {
        valid.set(fields.stream().allMatch(ParameterFieldViewModel::isValid));
        revision.set(revision.get() + 1);
    }

    /** The declarations of the fields in use, for saving. */
    public List<ParameterDeclaration> declarations() {
        return fields.stream().map(ParameterFieldViewModel::declaration).toList();
    }

    /** Name to value, for running; only meaningful when {@link #validProperty()} is true. */
    public Map<String, Object> valuesForRun() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterFieldViewModel field : fields) {
            values.put(field.name(), field.valueForRun());
        }
        return values;
    }

    /**
     * The options the form's query-based dropdowns loaded, for binding unsaved SQL here with the same
     * checks the server makes.
     */
    public QueryOptionsSource loadedDropdowns() {
        return queryId -> fields.stream()
                .filter(f -> f.typeProperty().get() == ParameterType.QUERY
                        && Long.valueOf(queryId).equals(f.queryIdProperty().get()))
                .findFirst()
                .orElseThrow(() -> new QueryOptionsSource.Unavailable("the options of query " + queryId
                        + " are not loaded"))
                .loadedOptions(queryId);
    }

    /** "Parameter 'x': message" for each invalid field. */
    public List<String> problems() {
        return fields.stream().filter(f -> !f.isValid())
                .map(f -> "Parameter '" + f.name() + "': " + f.errorProperty().get()).toList();
    }

    public ObservableList<ParameterFieldViewModel> fields() {
        return fields;
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Grows on every change of a field: the tab compares declarations to tell unsaved changes. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }
}
