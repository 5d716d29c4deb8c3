package io.sightline.testidp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for tests: Spring Authorization Server in this JVM, on {@code localhost} (a host
 * name of its own, so its cookies never mix with the server's on 127.0.0.1) and a free port, with one registered
 * client and users whose ID tokens carry {@code email}, {@code name} and a {@code groups} claim a test can change
 * between logins. Its package is outside the server's, so the server never picks it up.
 */
public final class TestOpenIdProvider implements AutoCloseable {

    public static final String CLIENT_ID = "sightline-test";
    public static final String CLIENT_SECRET = "test-client-secret-5c1d";

    /** A provider user: the password of its login form and what its ID token says. */
    public record Person(String username, String password, String email, String name) {
    }

    private final int port;
    private final ConfigurableApplicationContext context;
    private final Map<String, Person> people;
    private final Map<String, List<String>> groups = new ConcurrentHashMap<>();

    private TestOpenIdProvider(int port, List<Person> people) {
        this.port = port;
        this.people = new ConcurrentHashMap<>();
        people.forEach(p -> this.people.put(p.username(), p));
        Provider.current = this;
        this.context = new SpringApplicationBuilder(Provider.class).run(
                "--spring.config.name=test-openid-provider",
                "--spring.main.banner-mode=off",
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--spring.security.oauth2.authorizationserver.issuer=" + issuer(port),
                "--spring.security.oauth2.authorizationserver.client.sightline.registration.client-id=" + CLIENT_ID,
                "--spring.security.oauth2.authorizationserver.client.sightline.registration.client-secret={noop}"
                        + CLIENT_SECRET,
                "--spring.security.oauth2.authorizationserver.client.sightline.registration"
                        + ".client-authentication-methods=client_secret_basic",
                "--spring.security.oauth2.authorizationserver.client.sightline.registration"
                        + ".authorization-grant-types=authorization_code",
                // a loopback redirect URI matches any port (RFC 8252): the server's port is chosen later
                "--spring.security.oauth2.authorizationserver.client.sightline.registration"
                        + ".redirect-uris=http://127.0.0.1/login/oauth2/code/oidc",
                "--spring.security.oauth2.authorizationserver.client.sightline.registration.scopes=openid,email,profile",
                "--spring.security.oauth2.authorizationserver.client.sightline.require-authorization-consent=false",
                "--management.server.port=-1");
    }

    /** Starts a provider on a free port, with these users. */
    public static TestOpenIdProvider start(List<Person> people) {
        return new TestOpenIdProvider(freePort(), people);
    }

    public String issuer() {
        return issuer(port);
    }

    private static String issuer(int port) {
        return "http://localhost:" + port;
    }

    /** The groups the next ID token of {@code username} carries. */
    public void setGroups(String username, List<String> names) {
        groups.put(username, List.copyOf(names));
    }

    @Override
    public void close() {
        context.close();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration(excludeName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration",
            "org.springframework.boot.mail.autoconfigure.MailHealthContributorAutoConfiguration"})
    static class Provider {

        static volatile TestOpenIdProvider current;

        @Bean
        UserDetailsService users() {
            var manager = new InMemoryUserDetailsManager();
            current.people.values().forEach(p -> manager.createUser(
                    User.withUsername(p.username()).password("{noop}" + p.password()).roles("USER").build()));
            return manager;
        }

        /** email, name and groups in the ID token, as Okta, Azure AD and Keycloak send them. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims() {
            TestOpenIdProvider provider = current;
            return context -> {
                if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    return;
                }
                Person person = provider.people.get(context.getPrincipal().getName());
                context.getClaims().claim("email", person.email()).claim("email_verified", true)
                        .claim("name", person.name())
                        .claim("groups", provider.groups.getOrDefault(person.username(), List.of()));
            };
        }
    }
}
