package io.sightline.desktop.admin;

import io.sightline.common.api.datasource.DataSourceType;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * What an {@link OptionsForm} edits: a name, a type of those the server offers, and the option values of the
 * fields that type's configuration schema declares (data sources and alert destinations alike).
 */
public interface SchemaFormModel {

    StringProperty nameProperty();

    ObjectProperty<DataSourceType> typeProperty();

    ObservableList<DataSourceType> types();

    /** The chosen type's fields, in the schema's order. */
    ObservableList<OptionField> fields();

    /** The option values by field name, as text. */
    ObservableMap<String, String> values();
}
