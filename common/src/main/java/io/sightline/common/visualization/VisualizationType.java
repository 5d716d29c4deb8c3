package io.sightline.common.visualization;

import java.util.Locale;
import java.util.Optional;

/** Redash's visualization type names, and what this version draws of them. */
public enum VisualizationType {
    TABLE(true), CHART(true), COUNTER(true), PIVOT(true), DETAILS(true), FUNNEL(true), COHORT(true),
    CHOROPLETH(true), MAP(true), BOXPLOT(true),
    SANKEY(true), SUNBURST_SEQUENCE(true), WORD_CLOUD(true);

    private final boolean drawn;

    VisualizationType(boolean drawn) {
        this.drawn = drawn;
    }

    /** False for types that are stored and returned unchanged but shown as "not supported yet". */
    public boolean drawn() {
        return drawn;
    }

    /** The type of a saved name; empty for a name this version does not know (still stored as it is). */
    public static Optional<VisualizationType> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
