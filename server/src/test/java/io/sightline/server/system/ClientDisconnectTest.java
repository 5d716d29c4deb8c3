package io.sightline.server.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.Runs;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A client that goes away in the middle of a large answer (a closed tab, a cancelled export) is not a server error:
 * the server log gets no ERROR and no stack trace for it, only a debug line.
 */
class ClientDisconnectTest extends EmbeddedServerTest {

    /** Who would log a failed answer: Tomcat, Spring MVC, the error advice, the result writers. */
    private static final List<String> WEB_LOGGERS = List.of("org.apache", "org.springframework.web",
            "io.sightline.server.system", "io.sightline.server.result");

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger advice = (Logger) LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private Level adviceLevel;

    @BeforeEach
    void listen() {
        events.start();
        root.addAppender(events);
        adviceLevel = advice.getLevel();
        advice.setLevel(Level.DEBUG);
    }

    @AfterEach
    void stopListening() {
        root.detachAppender(events);
        advice.setLevel(adviceLevel);
    }

    @Test
    void aClientLeavingMidAnswerIsLoggedAtDebugNotAsAnError() throws Exception {
        long ds = new DataSourceFixtures(api()).h2("jdbc:h2:mem:client-disconnect;DB_CLOSE_DELAY=-1", Map.of());
        long result = new Runs(api()).result(ds, "SELECT X AS n, REPEAT('x', 2000) AS pad FROM SYSTEM_RANGE(1, 10000)")
                .path("id").asLong();
        events.list.clear();

        for (String path : List.of("/api/query_results/" + result + ".csv", "/api/query_results/" + result)) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                OutputStream out = socket.getOutputStream();
                out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Key " + ADMIN_KEY
                        + "\r\nAccept-Encoding: identity\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                byte[] start = in.readNBytes(4096);
                assertThat(new String(start, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200");
                socket.setSoLinger(true, 0); // close with a reset, as a killed client does
            }
        }

        // Each reset reaches the server as a failed write; which layer meets it first depends on timing (an
        // asynchronous dispatch may end in Spring's own disconnected-client handling, which logs nothing at INFO
        // or above). What a user of the log notices is checked: our debug line for the reset we handle, and no
        // warning, error or stack trace from the web layer for either request.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(messages(Level.DEBUG))
                .filteredOn(m -> m.startsWith("Client went away")).isNotEmpty());
        Thread.sleep(3000); // anything else the server would log about the two requests
        List<ILoggingEvent> web = List.copyOf(events.list).stream().filter(event -> WEB_LOGGERS.stream()
                .anyMatch(event.getLoggerName()::startsWith)).toList();
        assertThat(web).as("what the web layer logged while the clients went away")
                .allMatch(event -> !event.getLevel().isGreaterOrEqual(Level.WARN))
                .allMatch(event -> event.getThrowableProxy() == null);
    }

    /** The messages logged at this level or above. */
    private List<String> messages(Level atLeast) {
        return List.copyOf(events.list).stream().filter(event -> event.getLevel().isGreaterOrEqual(atLeast))
                .map(event -> event.getLoggerName() + " " + event.getFormattedMessage())
                .map(m -> m.substring(m.indexOf(' ') + 1)).toList();
    }
}
