package io.sightline.desktop.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.common.api.auth.User;
import io.sightline.desktop.api.AuditLogClient;
import io.sightline.desktop.api.SessionClient;
import io.sightline.desktop.api.SightlineClient;
import io.sightline.desktop.api.UsersClient;
import io.sightline.desktop.support.Tasks;
import io.sightline.desktop.support.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Audit log screen's logic against the real server: filters, paging, the event's JSON, refusals, export. */
class AuditLogViewModelTest {

    private final SightlineClient admin = new SightlineClient(TestServer.get().url(), TestServer.ADMIN_KEY);
    private final UsersClient adminUsers = new UsersClient(admin);
    private final AuditLogViewModel log = new AuditLogViewModel(new AuditLogClient(admin), Tasks.serialUi(),
            ZoneOffset.UTC, 2);
    private final String marker = "audit" + UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path dir;

    private List<User> threeNewUsers() {
        return List.of("a", "b", "c").stream()
                .map(n -> adminUsers.createUser("Auditee " + marker + n, marker + n + "@example.com", "secret-" + marker))
                .toList();
    }

    private void awaitLoaded() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !log.busyProperty().get());
    }

    private void filterOnUsersCreatedSince(OffsetDateTime start) {
        log.actionProperty().set("create");
        log.objectTypeProperty().set("user");
        log.sinceProperty().set(start.toString());
        log.search();
        awaitLoaded();
    }

    @Test
    void theFilteredEventsArePagedNewestFirstWithTheirJson() {
        // the test server runs on this machine (same clock); to the millisecond, so earlier tests' events stay out
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        List<User> users = threeNewUsers();
        adminUsers.updateUser(users.get(0).id(), java.util.Map.of("name", "Renamed " + marker));

        filterOnUsersCreatedSince(start);
        assertThat(log.errorProperty().get()).isEmpty();
        assertThat(log.count()).isEqualTo(3);
        assertThat(log.rows()).extracting(AuditLogViewModel.Row::object)
                .containsExactly("user " + users.get(2).id(), "user " + users.get(1).id());
        AuditLogViewModel.Row newest = log.rows().get(0);
        assertThat(newest.action()).isEqualTo("create");
        assertThat(newest.user()).endsWith("#" + new SessionClient(admin).session().userId());
        assertThat(newest.time()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        assertThat(newest.outcome()).isEqualTo("done");
        assertThat(newest.details()).contains("name=Auditee " + marker + "c");
        assertThat(log.pageTextProperty().get()).isEqualTo("Events 1\u20132 of 3 (page 1 of 2)");
        assertThat(log.hasPrevious().get()).isFalse();
        assertThat(log.hasNext().get()).isTrue();

        log.next();
        awaitLoaded();
        assertThat(log.rows()).extracting(AuditLogViewModel.Row::object).containsExactly("user " + users.get(0).id());
        assertThat(log.hasNext().get()).isFalse();
        log.selectedProperty().set(log.rows().get(0));
        assertThat(log.detailProperty().get()).contains("\"action\" : \"create\"")
                .contains("\"user_email\"").contains(marker + "a@example.com");

        log.actionProperty().set("edit");
        log.search();
        awaitLoaded();
        assertThat(log.page()).isEqualTo(1);
        assertThat(log.rows()).singleElement().satisfies(row -> {
            assertThat(row.action()).isEqualTo("edit");
            assertThat(row.object()).isEqualTo("user " + users.get(0).id());
        });
    }

    @Test
    void aFilterTheServerRefusesIsShownInItsWords() {
        log.sinceProperty().set("last tuesday");
        log.search();
        awaitLoaded();
        assertThat(log.errorProperty().get()).contains("'since'").contains("last tuesday");
        assertThat(log.rows()).isEmpty();

        log.sinceProperty().set("");
        log.userIdProperty().set("vera");
        log.search();
        awaitLoaded();
        assertThat(log.errorProperty().get()).contains("'user_id'").contains("vera");
    }

    @Test
    void exportsTheFilterShownToJsonLinesAndCsv() throws Exception {
        // the test server runs on this machine (same clock); to the millisecond, so earlier tests' events stay out
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        threeNewUsers();
        filterOnUsersCreatedSince(start);
        log.actionProperty().set("edit"); // typed but not searched: the export is of the filter shown

        Path jsonl = dir.resolve("events.jsonl");
        log.export(jsonl, "jsonl");
        awaitLoaded();
        assertThat(log.errorProperty().get()).isEmpty();
        assertThat(log.messageProperty().get()).startsWith("Exported 3 events to events.jsonl");
        List<String> lines = Files.readAllLines(jsonl);
        assertThat(lines).hasSize(3).allSatisfy(line -> assertThat(line).contains("\"action\":\"create\""));
        assertThat(lines.get(0)).contains(marker + "a@example.com");

        Path csv = dir.resolve("events.csv");
        log.export(csv, "csv");
        awaitLoaded();
        assertThat(Files.readAllLines(csv)).hasSize(4).first().asString().startsWith("id,created_at");
    }

    @Test
    void aLoadThatDoesNotAnswerCanBeCancelledAndLeavesNoError() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            // accepts the connection (the backlog) and never answers: the load stays under way
            AuditLogViewModel stuck = new AuditLogViewModel(new AuditLogClient(new SightlineClient(
                    "http://127.0.0.1:" + silent.getLocalPort(), TestServer.ADMIN_KEY)), Tasks.serialUi(),
                    ZoneOffset.UTC, 2);
            stuck.search();
            await().atMost(Duration.ofSeconds(5)).until(() -> stuck.busyProperty().get());
            Thread.sleep(500);
            assertThat(stuck.busyProperty().get()).as("still waiting for the server").isTrue();
            assertThat(stuck.progressProperty().get()).isEqualTo("Loading events\u2026");

            stuck.cancel();
            assertThat(stuck.busyProperty().get()).isFalse();
            assertThat(stuck.progressProperty().get()).isEmpty();
            assertThat(stuck.messageProperty().get()).isEqualTo("Cancelled.");
            silent.close(); // the abandoned call now fails; its failure must not reach the screen
            Thread.sleep(1000);
            assertThat(stuck.errorProperty().get()).isEmpty();
            assertThat(stuck.messageProperty().get()).isEqualTo("Cancelled.");
        }
    }
}
