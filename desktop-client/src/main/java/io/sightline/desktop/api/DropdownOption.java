package io.sightline.desktop.api;

/** One choice of a query-based dropdown: what the list shows and the value sent when it is chosen. */
public record DropdownOption(String name, String value) {
}
