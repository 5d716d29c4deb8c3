package io.sightline.server.demo;

import io.sightline.server.auth.Users;
import io.sightline.server.dashboard.Dashboards;
import io.sightline.server.datasource.DataSources;
import io.sightline.server.query.NewQuery;
import io.sightline.server.query.SavedQueries;
import io.sightline.server.system.SightlineProperties;
import io.sightline.server.visualization.Visualizations;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

/**
 * First embedded start: generates the "Demo sales" DuckDB database in the data directory, registers it as a
 * data source and saves the demo queries, so that the very first query returns real numbers. Runs once:
 * a data source named "Demo sales" means it has run. It runs while the context starts, before the web
 * server takes requests, and after the admin (who owns the demo queries) exists.
 */
@Component
@DependsOn("adminBootstrap")
class DemoBootstrap implements InitializingBean {

    static final String NAME = "Demo sales";
    private static final Logger log = LoggerFactory.getLogger(DemoBootstrap.class);

    private final SightlineProperties properties;
    private final DataSources dataSources;
    private final SavedQueries savedQueries;
    private final Users users;
    private final Dashboards dashboards;
    private final Visualizations visualizations;

    DemoBootstrap(SightlineProperties properties, DataSources dataSources, SavedQueries savedQueries, Users users,
                  Dashboards dashboards, Visualizations visualizations) {
        this.visualizations = visualizations;
        this.dashboards = dashboards;
        this.properties = properties;
        this.dataSources = dataSources;
        this.savedQueries = savedQueries;
        this.users = users;
    }

    @Override
    public void afterPropertiesSet() {
        if (!properties.demoData().enabled(properties.embeddedMetadata()) || dataSources.findIdByName(NAME).isPresent()) {
            return;
        }
        // Not "sales.duckdb": DuckDB names the catalog after the file, and a catalog "sales" makes every
        // reference to the schema "sales" ambiguous.
        Path file = properties.dataDir().resolve("demo").resolve("demo.duckdb");
        var summary = DemoSalesData.generate(file, LocalDate.now(), DemoSalesData.DEFAULT_TRANSACTIONS);
        long dataSource = dataSources.create(NAME, "duckdb", Map.of("dbpath", file.toString()));
        // the one data source everyone may use from the start, as before new data sources stopped granting access
        dataSources.grantFullAccess(dataSource, "default");
        long owner = users.firstAdminId().orElseThrow(() -> new IllegalStateException("No admin user to own the demo queries"));
        Map<String, Long> visualizationIds = new HashMap<>();
        for (DemoSalesData.DemoQuery query : DemoSalesData.queries()) {
            long id = savedQueries.create(owner, new NewQuery(dataSource, query.name(), query.description(),
                    query.sql(), "{\"parameters\":" + query.parametersJson() + "}", List.of("demo")));
            for (DemoVisualizations.DemoVisualization v : DemoVisualizations.BY_QUERY.getOrDefault(query.name(),
                    List.of())) {
                visualizationIds.put(query.name() + "/" + v.name(),
                        visualizations.create(id, v.type(), v.name(), "", v.optionsJson()));
            }
        }
        // the navigator's first dashboard, kept as the earlier versions made it
        dashboards.create(owner, "Demo sales overview", List.of("demo"));
        DemoDashboards.create(owner, dashboards, visualizations, (query, name) -> {
            Long id = visualizationIds.get(query + "/" + name);
            if (id == null) {
                throw new IllegalStateException("No demo visualization '" + name + "' of " + query);
            }
            return id;
        });
        log.info("Created the '{}' data source ({} transactions in {} ms) and {} demo queries", NAME,
                summary.transactions(), summary.took().toMillis(), DemoSalesData.queries().size());
    }
}
