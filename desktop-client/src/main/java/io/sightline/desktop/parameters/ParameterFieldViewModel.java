package io.sightline.desktop.parameters;

import io.sightline.common.parameter.MultiValuesOptions;
import io.sightline.common.parameter.ParameterDeclaration;
import io.sightline.common.parameter.ParameterException;
import io.sightline.common.parameter.ParameterType;
import io.sightline.common.parameter.ParameterValidator;
import io.sightline.common.parameter.QueryOptionsSource;
import io.sightline.common.parameter.ValidatedValue;
import io.sightline.desktop.api.DropdownOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One parameter of the form: its declaration (type, title, options, pattern) and the value being typed,
 * checked with the shared {@link ParameterValidator} on every change so a bad value is flagged in place.
 *
 * <p>The raw value is what JSON would carry: text for single values, a list for multi-value choices, and
 * for ranges either {@code {start, end}} or a dynamic range token such as {@code d_last_7_days}.
 *
 * <p>A query-based dropdown loads its options from the server when its type or query changes, and its value
 * is checked against them as an enum's is against its list.
 */
public final class ParameterFieldViewModel {

    private final String name;
    private final Clock clock;
    private final ObjectProperty<ParameterType> type = new SimpleObjectProperty<>(ParameterType.TEXT);
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty enumOptions = new SimpleStringProperty("");
    private final StringProperty regex = new SimpleStringProperty("");
    private final BooleanProperty multiValue = new SimpleBooleanProperty();
    private final ObjectProperty<Object> value = new SimpleObjectProperty<>();
    private final ObjectProperty<Long> queryId = new SimpleObjectProperty<>();
    private final ObservableList<DropdownOption> queryOptions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private DropdownSource dropdowns = DropdownSource.NONE;
    private List<String> loadedValues;
    private String optionsProblem = "";
    private long optionLoads;
    private ValidatedValue validated;
    private MultiValuesOptions multiFormat = new MultiValuesOptions("'", "'", ",");

    public ParameterFieldViewModel(String name, Clock clock) {
        this.name = name;
        this.clock = clock;
        title.set(name);
        type.addListener((obs, old, now) -> {
            if (old != null && now != null && old.isRange() != now.isRange()) {
                value.set(null);
            }
        });
        for (Observable input : List.<Observable>of(type, enumOptions, regex, multiValue, value)) {
            input.addListener(changed -> validate());
        }
        type.addListener(changed -> reloadOptions());
        queryId.addListener(changed -> reloadOptions());
        validate();
    }

    public static ParameterFieldViewModel of(ParameterDeclaration declaration, Clock clock) {
        ParameterFieldViewModel field = new ParameterFieldViewModel(declaration.name(), clock);
        field.type.set(declaration.type());
        field.title.set(declaration.title() == null ? declaration.name() : declaration.title());
        field.enumOptions.set(String.join("\n", declaration.enumOptions()));
        field.regex.set(declaration.regex() == null ? "" : declaration.regex());
        field.queryId.set(declaration.queryId());
        if (declaration.isMultiValue()) {
            field.multiFormat = declaration.multiValuesOptions();
        }
        field.multiValue.set(declaration.isMultiValue());
        field.value.set(declaration.value());
        return field;
    }

    /** The declaration to save: the current value becomes the default. */
    public ParameterDeclaration declaration() {
        ParameterType kind = type.get();
        List<String> options = kind == ParameterType.ENUM ? enumOptions.get().lines()
                .map(String::strip).filter(line -> !line.isEmpty()).toList() : null;
        MultiValuesOptions multi = multiValue.get() && (kind == ParameterType.ENUM || kind == ParameterType.QUERY)
                ? multiFormat : null;
        String pattern = kind == ParameterType.TEXT_PATTERN && !regex.get().isBlank() ? regex.get() : null;
        return new ParameterDeclaration(name, title.get().isBlank() ? name : title.get(), kind, value.get(), options,
                kind == ParameterType.QUERY ? queryId.get() : null, multi, pattern);
    }

    private void validate() {
        ParameterDeclaration declaration;
        try {
            declaration = declaration();
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        try {
            validated = ParameterValidator.validate(declaration, value.get(), clock, this::loadedOptions);
            error.set("");
        } catch (ParameterException e) {
            fail(e.problems().get(0).message());
        } catch (RuntimeException e) {
            fail(e.getMessage());
        }
    }

    /** Where this field gets a dropdown's options; loads them now if it is one. */
    void useDropdowns(DropdownSource source) {
        this.dropdowns = source;
        reloadOptions();
    }

    /** Fetches the options of a query-based dropdown again (the query may have run since). */
    public void reloadOptions() {
        Long id = queryId.get();
        long load = ++optionLoads;
        loadedValues = null;
        if (type.get() != ParameterType.QUERY || id == null) {
            optionsProblem = "";
            queryOptions.clear();
            validate();
            return;
        }
        optionsProblem = "the options of query " + id + " are loading";
        validate();
        dropdowns.load(id, options -> {
            if (load == optionLoads) {
                loadedValues = options.stream().map(DropdownOption::value).toList();
                optionsProblem = "";
                queryOptions.setAll(options);
                validate();
            }
        }, problem -> {
            if (load == optionLoads) {
                optionsProblem = problem;
                queryOptions.clear();
                validate();
            }
        });
    }

    /** The values of the dropdown's options as last loaded; what the value is checked against. */
    List<String> loadedOptions(long id) {
        if (loadedValues == null) {
            throw new QueryOptionsSource.Unavailable(optionsProblem);
        }
        return loadedValues;
    }

    private void fail(String message) {
        validated = null;
        error.set(message);
    }

    /** The value to send when the query runs; dynamic range tokens go as they are, for the server to resolve. */
    public Object valueForRun() {
        if (validated == null) {
            return null;
        }
        if (type.get().isRange() && value.get() instanceof String token) {
            return token.strip();
        }
        return validated.asJson();
    }

    /** A date range chosen as two dates. */
    public void setRange(String start, String end) {
        value.set(Map.of("start", start == null ? "" : start, "end", end == null ? "" : end));
    }

    public boolean isValid() {
        return error.get().isEmpty();
    }

    public String name() {
        return name;
    }

    public ObjectProperty<ParameterType> typeProperty() {
        return type;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty enumOptionsProperty() {
        return enumOptions;
    }

    public StringProperty regexProperty() {
        return regex;
    }

    public BooleanProperty multiValueProperty() {
        return multiValue;
    }

    /** The query whose latest result lists the options of a query-based dropdown. */
    public ObjectProperty<Long> queryIdProperty() {
        return queryId;
    }

    /** The options of a query-based dropdown, as last loaded. */
    public ObservableList<DropdownOption> queryOptions() {
        return queryOptions;
    }

    public ObjectProperty<Object> valueProperty() {
        return value;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
