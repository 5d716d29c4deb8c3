package io.sightline.common.visualization.map;

import java.io.InputStream;

/**
 * The outlines bundled once for every renderer (made by {@code desktop-client/tools/maps/convert.mjs}):
 * {@code countries} (Natural Earth 1:50m, lon/lat) and {@code usa} (US states on us-atlas's Albers USA plane,
 * 975 × 610, y down). Each file is {@code {fields, features: [{properties, polygons: [[[x0, y0, x1, y1…]]]}]}}:
 * the properties are the keys a choropleth's {@code targetField} matches.
 */
public enum MapOutlines {
    COUNTRIES("world-countries.json", "country"),
    USA("us-states.json", "state");

    private final String file;
    private final String noun;

    MapOutlines(String file, String noun) {
        this.file = file;
        this.noun = noun;
    }

    /** A choropleth's {@code mapType}: {@code usa} is the states, anything else the countries. */
    public static MapOutlines forMapType(String mapType) {
        return "usa".equals(mapType) ? USA : COUNTRIES;
    }

    /** The name the shared page fetches the layer by ({@code countries}, {@code usa}). */
    public String layerName() {
        return this == USA ? "usa" : "countries";
    }

    /** What one region is called in messages: country, state. */
    public String noun() {
        return noun;
    }

    /** Whether the coordinates are longitude/latitude (else an already projected plane). */
    public boolean lonLat() {
        return this == COUNTRIES;
    }

    /** The file's JSON; the caller closes it. */
    public InputStream open() {
        InputStream in = MapOutlines.class.getResourceAsStream(file);
        if (in == null) {
            throw new IllegalStateException("map outlines missing from the build: " + file);
        }
        return in;
    }
}
