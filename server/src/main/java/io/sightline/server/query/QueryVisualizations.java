package io.sightline.server.query;

import io.sightline.common.api.visualization.Visualization;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The visualizations a query carries, kept by the visualization feature: declared here so that saved queries can
 * list, create and copy them without depending on that feature (which depends on this one for access).
 */
public interface QueryVisualizations {

    /** The query's visualizations, oldest first. */
    List<Visualization> of(long queryId);

    /** The visualizations of each query, oldest first, in one read (a page of a list); none for an unknown id. */
    Map<Long, List<Visualization>> of(Collection<Long> queryIds);

    /** The {@code TABLE} visualization named "Table" with empty options that every new query gets (as in Redash). */
    void addDefaultTable(long queryId, OffsetDateTime now);

    /** Copies of every visualization of {@code fromQueryId} (type, name, description, options) for a fork. */
    void copy(long fromQueryId, long toQueryId, OffsetDateTime now);
}
