package io.sightline.desktop.admin;

/** What a group may do with one data source, as the Groups screen shows it. */
public record DataSourceAccess(long dataSourceId, String dataSourceName, Level level) {

    public enum Level {
        NONE("No access"), VIEW_ONLY("View only"), FULL("Full access");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }
}
