package io.sightline.server.system;

import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * {@code java -jar server.jar migrate}: brings the metadata store's schema up to date and exits, starting
 * nothing else (no web server, no workers, no scheduler, no admin or demo data). The Helm chart runs it as a
 * pre-install / pre-upgrade Job, so that new pods start on a migrated schema and a failed migration stops the
 * upgrade before any pod is replaced. Servers still migrate on start (Flyway's lock makes that safe), so a
 * deployment without the Job works too.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SightlineProperties.class, MetadataPoolProperties.class})
@Import(MetadataDatabase.class)
@ImportAutoConfiguration(FlywayAutoConfiguration.class)
// Java migrations are beans wherever their feature lives
@ComponentScan(basePackages = "io.sightline.server", useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = JavaMigration.class))
public class SchemaMigration {

    public static final String COMMAND = "migrate";

    /** Migrates and returns the exit code: 0 when the schema is up to date. */
    public static int run(String[] args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SchemaMigration.class)
                .web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off")
                .run(args)) {
            return 0;
        }
    }
}
