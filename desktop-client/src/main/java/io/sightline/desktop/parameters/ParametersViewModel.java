package io.sightline.desktop.parameters;

import io.sightline.common.parameter.ParameterDeclaration;
import io.sightline.common.parameter.ParameterType;
import io.sightline.common.parameter.Parameters;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The parameters form of an editor tab: one field for each {@code {{ name }}} the SQL uses, in order of first
 * use. A name typed for the first time gets a new field (a date range when the SQL uses {@code .start} or
 * {@code .end}, else text); a field whose name disappears from the SQL is kept aside and comes back with its
 * settings if the name returns.
 */
public final class ParametersViewModel {

    private final Clock clock;
    private final ObservableList<ParameterFieldViewModel> fields = FXCollections.observableArrayList();
    private final Map<String, ParameterFieldViewModel> setAside = new HashMap<>();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();

    public ParametersViewModel(Clock clock) {
        this.clock = clock;
    }

    /** Starts over from a saved query's declarations. */
    public void load(List<ParameterDeclaration> declarations, String sql) {
        fields.clear();
        setAside.clear();
        for (ParameterDeclaration declaration : declarations) {
            setAside.put(declaration.name(), track(ParameterFieldViewModel.of(declaration, clock)));
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
