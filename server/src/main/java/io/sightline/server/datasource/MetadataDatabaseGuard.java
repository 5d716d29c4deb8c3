package io.sightline.server.datasource;

import com.zaxxer.hikari.HikariDataSource;
import io.sightline.server.system.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Refuses a data source that would reach this server's own metadata database (users, password hashes, API keys,
 * encrypted credentials): for PostgreSQL the same server (host, or any address of this machine for a local one,
 * and port) and database; for H2 the same file.
 */
@Component
class MetadataDatabaseGuard {

    private static final Pattern POSTGRES = Pattern.compile("(?i)jdbc:postgresql:(?://([^/?]*))?/?([^?;]*).*");
    private static final List<String> H2_FILE_SYSTEMS = List.of("file:", "split:", "nio:", "niomapped:", "async:",
            "retry:");

    private final DataSource metadata;
    private volatile String metadataUrl;

    MetadataDatabaseGuard(DataSource metadata) {
        this.metadata = metadata;
    }

    /** @throws ApiException badRequest when {@code spec} connects to the metadata database */
    void check(ConnectionSpec spec) {
        if (reachesMetadata(spec.url())) {
            throw ApiException.badRequest("This data source would connect to Sightline's own metadata database;"
                    + " point it at another database");
        }
    }

    boolean reachesMetadata(String url) {
        String own = metadataUrl();
        if (InJvmSandbox.isH2(url) && InJvmSandbox.isH2(own)) {
            return h2File(url).filter(file -> h2File(own).filter(file::equals).isPresent()).isPresent();
        }
        Optional<PostgresTarget> target = PostgresTarget.parse(url);
        Optional<PostgresTarget> ownTarget = PostgresTarget.parse(own);
        return target.isPresent() && ownTarget.isPresent() && target.get().sameAs(ownTarget.get());
    }

    private String metadataUrl() {
        String url = metadataUrl;
        if (url == null) {
            if (metadata instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
                url = hikari.getJdbcUrl();
            } else {
                try (Connection connection = metadata.getConnection()) {
                    url = connection.getMetaData().getURL();
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot read the metadata database's URL: " + e.getMessage(), e);
                }
            }
            metadataUrl = url;
        }
        return url;
    }

    /** The database file an H2 URL opens, without H2's file suffix; empty for in-memory and remote databases. */
    static Optional<String> h2File(String url) {
        String rest = url.substring("jdbc:h2:".length());
        int settings = rest.indexOf(';');
        if (settings >= 0) {
            rest = rest.substring(0, settings);
        }
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String prefix : H2_FILE_SYSTEMS) {
                if (rest.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    rest = rest.substring(prefix.length());
                    stripped = true;
                }
            }
        }
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mem:") || lower.startsWith("memfs:") || lower.startsWith("memlzf:")) {
            return Optional.empty();
        }
        if (lower.startsWith("tcp://") || lower.startsWith("ssl://")) {
            // a path on the H2 server: compared as it is, the server may be this one serving the data directory
            int path = rest.indexOf('/', 6);
            rest = path < 0 ? "" : rest.substring(path + 1);
        }
        if (rest.startsWith("~")) {
            rest = System.getProperty("user.home") + rest.substring(1);
        }
        for (String suffix : List.of(".mv.db", ".h2.db")) {
            if (rest.toLowerCase(Locale.ROOT).endsWith(suffix)) {
                rest = rest.substring(0, rest.length() - suffix.length());
            }
        }
        try {
            Path path = Path.of(rest).toAbsolutePath().normalize();
            Path parent = path.getParent();
            if (parent != null && Files.isDirectory(parent)) {
                path = parent.toRealPath().resolve(path.getFileName());
            }
            return Optional.of(path.toString());
        } catch (InvalidPathException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record PostgresTarget(List<String> hosts, List<Integer> ports, String database) {

        static Optional<PostgresTarget> parse(String url) {
            Matcher m = POSTGRES.matcher(url == null ? "" : url);
            if (!m.matches()) {
                return Optional.empty();
            }
            String authority = m.group(1) == null || m.group(1).isEmpty() ? "localhost" : m.group(1);
            List<String> hosts = Arrays.stream(authority.split(",")).map(PostgresTarget::host).toList();
            List<Integer> ports = Arrays.stream(authority.split(",")).map(PostgresTarget::port).toList();
            return Optional.of(new PostgresTarget(hosts, ports, java.net.URLDecoder.decode(m.group(2),
                    java.nio.charset.StandardCharsets.UTF_8)));
        }

        private static String host(String hostPort) {
            if (hostPort.startsWith("[")) {
                return hostPort.substring(1, Math.max(1, hostPort.indexOf(']')));
            }
            int colon = hostPort.lastIndexOf(':');
            return colon < 0 ? hostPort : hostPort.substring(0, colon);
        }

        private static int port(String hostPort) {
            int colon = hostPort.lastIndexOf(':');
            int bracket = hostPort.lastIndexOf(']');
            if (colon < 0 || colon < bracket) {
                return 5432;
            }
            try {
                return Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                return 5432;
            }
        }

        boolean sameAs(PostgresTarget other) {
            if (!database.equalsIgnoreCase(other.database)) {
                return false;
            }
            for (int i = 0; i < hosts.size(); i++) {
                for (int j = 0; j < other.hosts.size(); j++) {
                    if (ports.get(i).equals(other.ports.get(j)) && sameHost(hosts.get(i), other.hosts.get(j))) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static boolean sameHost(String a, String b) {
            if (a.equalsIgnoreCase(b)) {
                return true;
            }
            try {
                InetAddress[] first = InetAddress.getAllByName(a);
                InetAddress[] second = InetAddress.getAllByName(b);
                if (isThisMachine(first) && isThisMachine(second)) {
                    return true;
                }
                return Arrays.stream(first).anyMatch(x -> Arrays.asList(second).contains(x));
            } catch (UnknownHostException e) {
                return false; // a host that does not resolve cannot be reached either
            }
        }

        private static boolean isThisMachine(InetAddress[] addresses) {
            return Arrays.stream(addresses).anyMatch(address -> {
                try {
                    return address.isLoopbackAddress() || address.isAnyLocalAddress()
                            || NetworkInterface.getByInetAddress(address) != null;
                } catch (SocketException e) {
                    return false;
                }
            });
        }
    }
}
