package io.sightline.server;

import io.sightline.server.system.Healthcheck;
import io.sightline.server.system.SchemaMigration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The one server jar; {@code sightline.role} decides which parts of it run. */
// Users are ours (API keys, sessions); Boot's generated in-memory user would only be a backdoor.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class SightlineServer {

    public static void main(String[] args) {
        if (args.length > 0 && Healthcheck.COMMAND.equals(args[0])) {
            System.exit(Healthcheck.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && SchemaMigration.COMMAND.equals(args[0])) {
            System.exit(SchemaMigration.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(SightlineServer.class, args);
    }
}
