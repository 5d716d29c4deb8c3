package io.sightline.server.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sightline.server.support.Api;
import io.sightline.server.support.DataSourceFixtures;
import io.sightline.server.support.EmbeddedServerTest;
import io.sightline.server.support.Prometheus;
import io.sightline.server.support.Runs;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Alert notifications end to end: a PostgreSQL query whose value the test moves, a real SMTP server (GreenMail) and
 * a real HTTP receiver; the outbox delivers each transition once, retries while a destination is down, and a later
 * state supersedes an undelivered earlier one.
 */
class AlertDeliveryTest extends EmbeddedServerTest {

    private static final String WEBHOOK_SECRET = "alerts-test-secret-0123456789";

    private final String table = "alerts_helper_metric_" + UUID.randomUUID().toString().substring(0, 8);
    private Connection postgres;
    private Mailbox mailbox;
    private Receiver receiver;
    private long queryId;
    private long email;
    private long webhook;

    @BeforeEach
    void setUp() throws Exception {
        postgres = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
        postgres.createStatement().execute("CREATE TABLE " + table + " (v INT, note TEXT)");
        postgres.createStatement().execute("INSERT INTO " + table + " VALUES (5, '<i>x</i> & y')");
        mailbox = new Mailbox();
        receiver = new Receiver();
        long dataSource = new DataSourceFixtures(api()).postgres(Map.of());
        queryId = created(api().post("/api/queries", Map.of("data_source_id", dataSource,
                "name", "failed orders " + table, "query", "SELECT v AS failed, note FROM " + table)));
        email = destination("email", Map.of("host", "127.0.0.1", "port", mailbox.port(), "tls", "none",
                "from", "alerts@sightline.test", "addresses", "ops@example.com"));
        webhook = destination("webhook", Map.of("url", receiver.url("/hook"), "secret", WEBHOOK_SECRET));
    }

    @AfterEach
    void tearDown() throws Exception {
        api().delete("/api/queries/" + queryId); // archived: its schedule stops
        postgres.createStatement().execute("DROP TABLE IF EXISTS " + table);
        postgres.close();
        mailbox.close();
        receiver.close();
    }

    @Test
    void scheduledQueryNotifiesOnceEachWayRenotifiesAfterRearmAndIsQuietWhileMuted() throws Exception {
        long alert = alert(Map.of("column", "failed", "op", ">", "value", 10), email, webhook);
        var schedule = new HashMap<String, Object>();
        schedule.put("interval", 1);
        schedule.put("time", null);
        schedule.put("day_of_week", null);
        schedule.put("until", null);
        assertThat(api().post("/api/queries/" + queryId, Map.of("schedule", schedule)).status()).isEqualTo(200);
        awaitState(alert, "ok");

        set(50);
        await().atMost(Duration.ofSeconds(20)).until(() -> mailbox.messages().size() == 1 && hooks().size() == 1);
        Thread.sleep(2_500); // two more scheduled runs, still triggered: nothing more
        assertThat(mailbox.messages()).hasSize(1);
        assertThat(hooks()).hasSize(1);
        assertThat(Mailbox.subject(mailbox.messages().get(0))).contains("TRIGGERED");
        assertThat(Api.JSON.readTree(hooks().get(0).body()).path("state").asString()).isEqualTo("triggered");

        set(3);
        await().atMost(Duration.ofSeconds(20)).until(() -> mailbox.messages().size() == 2 && hooks().size() == 2);
        Thread.sleep(2_500);
        assertThat(mailbox.messages()).hasSize(2);
        assertThat(hooks()).hasSize(2);
        assertThat(Mailbox.subject(mailbox.messages().get(1))).contains("OK");
        assertThat(Api.JSON.readTree(hooks().get(1).body()).path("state").asString()).isEqualTo("ok");

        assertThat(api().post("/api/alerts/" + alert, Map.of("rearm", 1)).status()).isEqualTo(200);
        set(50);
        await("the transition, then a re-notification after rearm").atMost(Duration.ofSeconds(20))
                .until(() -> mailbox.messages().size() >= 4);
        assertThat(mailbox.messages().subList(2, 4)).allSatisfy(m -> assertThat(Mailbox.subject(m)).contains("TRIGGERED"));

        assertThat(api().post("/api/alerts/" + alert, Map.of("rearm", 0)).status()).isEqualTo(200);
        assertThat(api().post("/api/alerts/" + alert + "/mute", Map.of()).status()).isEqualTo(200);
        Thread.sleep(1_500); // a re-notification written just before muting is delivered meanwhile
        int mails = mailbox.messages().size();
        int posts = hooks().size();
        set(3);
        awaitState(alert, "ok");
        set(50);
        awaitState(alert, "triggered");
        Thread.sleep(1_500);
        assertThat(mailbox.messages()).as("muted: state changes, nothing is sent").hasSize(mails);
        assertThat(hooks()).hasSize(posts);
    }

    @Test
    void aSubscriptionWithoutDestinationEmailsTheSubscriberThroughTheServersMailServer() throws Exception {
        long alert = alert(Map.of("column", "failed", "op", ">", "value", 10));
        var subscribed = api().post("/api/alerts/" + alert + "/subscriptions", Map.of());
        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(200);
        assertThat(subscribed.json().has("destination")).isFalse();
        String adminEmail = subscribed.json().path("user").path("email").asString();
        assertThat(adminEmail).contains("@");
        var twice = api().post("/api/alerts/" + alert + "/subscriptions", Map.of());
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.message()).isEqualTo("You are already emailed this alert");

        try (Mailbox serverMail = new Mailbox(MAIL_PORT)) {
            set(50);
            run();
            await().atMost(Duration.ofSeconds(15)).until(() -> serverMail.messages().size() == 1);
            MimeMessage message = serverMail.messages().get(0);
            assertThat(message.getAllRecipients()[0].toString()).isEqualTo(adminEmail);
            assertThat(message.getFrom()[0].toString()).isEqualTo(MAIL_FROM);
            assertThat(Mailbox.subject(message)).contains("TRIGGERED");
            assertThat(mailbox.messages()).as("no destination's mail server").isEmpty();
            JsonNode delivery = deliveries(alert).get(0);
            assertThat(delivery.path("status").asString()).as(delivery.toString()).isEqualTo("delivered");
            assertThat(delivery.path("destination_type").asString()).isEqualTo("email");
        }
    }

    @Test
    void webhookIsSignedWithTheDestinationsSecret() throws Exception {
        long alert = alert(Map.of("column", "failed", "op", ">", "value", 10), webhook);
        set(50);
        run();
        await().atMost(Duration.ofSeconds(10)).until(() -> hooks().size() == 1);

        Receiver.Received post = hooks().get(0);
        String expected = "sha256=" + hmac(WEBHOOK_SECRET, post.body());
        assertThat(post.headers().get("X-Sightline-Signature-256")).isEqualTo(expected);
        assertThat(post.headers().get("X-Sightline-Signature-256")).isNotEqualTo("sha256=" + hmac("other", post.body()));
        JsonNode body = Api.JSON.readTree(post.body());
        assertThat(body.path("event").asString()).isEqualTo("alert_state_change");
        assertThat(body.path("alert").path("id").asLong()).isEqualTo(alert);
        assertThat(body.path("alert").path("query_id").asLong()).isEqualTo(queryId);
        assertThat(body.path("query").path("name").asString()).startsWith("failed orders");
        assertThat(body.path("value").asString()).isEqualTo("50");
        assertThat(body.path("url").asString()).endsWith("/alerts/" + alert);
    }

    @Test
    void smtpDownDuringTransitionsLosesNothingAndSendsOnlyTheLatestStateOnce() throws Exception {
        long alert = alert(Map.of("column", "failed", "op", ">", "value", 10), email);
        run();
        awaitState(alert, "ok");

        mailbox.stop();
        set(50);
        run();
        await("attempts fail and are retried while SMTP is down").atMost(Duration.ofSeconds(10))
                .until(() -> deliveries(alert).get(0).path("attempts").asInt() >= 2);
        JsonNode pending = deliveries(alert).get(0);
        assertThat(pending.path("status").asString()).isEqualTo("pending");
        assertThat(pending.path("last_error").asString()).contains("SMTP");

        mailbox.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> mailbox.messages().size() == 1);
        Thread.sleep(1_500);
        assertThat(mailbox.messages()).as("exactly one email after SMTP is back").hasSize(1);
        JsonNode delivered = deliveries(alert).get(0);
        assertThat(delivered.path("status").asString()).isEqualTo("delivered");
        List<String> outcomes = delivered.path("attempt_log").valueStream().map(a -> a.path("outcome").asString())
                .toList();
        assertThat(outcomes).last().isEqualTo("delivered");
        assertThat(outcomes).contains("failed");

        mailbox.stop();
        set(3);
        run();
        awaitState(alert, "ok");
        set(60);
        run();
        awaitState(alert, "triggered");
        mailbox.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> mailbox.messages().size() == 2);
        Thread.sleep(1_500);
        assertThat(mailbox.messages()).as("the undelivered OK was superseded by the later TRIGGERED").hasSize(2);
        assertThat(Mailbox.subject(mailbox.messages().get(1))).contains("TRIGGERED");
        assertThat(deliveries(alert).valueStream().map(d -> d.path("status").asString())).contains("superseded");

        JsonNode status = api().get("/status.json").json().path("notifications");
        assertThat(status.path("delivered").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(status.has("pending")).isTrue();
        var metrics = new Prometheus(port);
        assertThat(metrics.value("sightline_notifications_total{destination_type=\"email\",outcome=\"delivered\"}"))
                .isGreaterThanOrEqualTo(2);
        assertThat(metrics.value("sightline_notifications_total{destination_type=\"email\",outcome=\"failed\"}"))
                .isGreaterThanOrEqualTo(2);
        assertThat(metrics.find("sightline_notifications_pending")).isPresent();
    }

    @Test
    void slackTeamsAndPagerDutyGetTheirDocumentedFormats() throws Exception {
        long slack = destination("slack", Map.of("url", receiver.url("/slack")));
        long teams = destination("microsoft_teams_webhook", Map.of("url", receiver.url("/teams")));
        long pagerDuty = destination("pagerduty", Map.of("integration_key", "pd-routing-key-123",
                "url", receiver.url("/pd")));
        long alert = alert(Map.of("column", "failed", "op", ">", "value", 10,
                "custom_subject", "{{ ALERT_NAME }} over {{ ALERT_THRESHOLD }}"), slack, teams, pagerDuty);
        set(50);
        run();
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at("/slack").size() == 1
                && receiver.at("/teams").size() == 1 && receiver.at("/pd").size() == 1);

        JsonNode attachment = json("/slack", 0).path("attachments").get(0);
        assertThat(attachment.path("text").asString()).isEqualTo("orders alert over 10");
        assertThat(attachment.path("color").asString()).isEqualTo("#c0392b");
        assertThat(attachment.path("fields").valueStream().map(f -> f.path("title").asString()))
                .containsExactly("Query", "Alert");
        assertThat(attachment.path("fields").get(1).path("value").asString()).endsWith("/alerts/" + alert);

        JsonNode card = json("/teams", 0);
        assertThat(card.path("@type").asString()).isEqualTo("MessageCard");
        assertThat(card.path("@context").asString()).isEqualTo("http://schema.org/extensions");
        assertThat(card.path("sections").get(0).path("facts").get(0).path("value").asString()).isEqualTo("orders alert");
        assertThat(card.path("sections").get(0).path("facts").get(2).path("value").asString())
                .isEqualTo("SELECT v AS failed, note FROM " + table);

        JsonNode trigger = json("/pd", 0);
        assertThat(trigger.path("routing_key").asString()).isEqualTo("pd-routing-key-123");
        assertThat(trigger.path("event_action").asString()).isEqualTo("trigger");
        assertThat(trigger.path("dedup_key").asString()).isEqualTo(alert + "_" + queryId);
        assertThat(trigger.path("payload").path("summary").asString()).isEqualTo("orders alert over 10");
        assertThat(trigger.path("payload").path("severity").asString()).isEqualTo("error");
        assertThat(trigger.path("payload").path("source").asString()).isNotBlank();

        set(3);
        run();
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at("/pd").size() == 2
                && receiver.at("/slack").size() == 2);
        JsonNode resolve = json("/pd", 1);
        assertThat(resolve.path("event_action").asString()).isEqualTo("resolve");
        assertThat(resolve.path("dedup_key").asString()).as("resolves the incident the trigger opened")
                .isEqualTo(trigger.path("dedup_key").asString());
        assertThat(json("/slack", 1).path("attachments").get(0).path("text").asString())
                .isEqualTo("orders alert went back to normal");
    }

    @Test
    void templatesAreRenderedWithEscapedValuesInHtmlEmail() throws Exception {
        String name = "Orders <script>alert(1)</script>";
        var options = new HashMap<String, Object>(Map.of("column", "failed", "op", ">", "value", 10,
                "custom_subject", "{{ ALERT_STATUS }}: {{ QUERY_NAME }} at {{ QUERY_RESULT_VALUE }}",
                "custom_body", "<h1>{{ ALERT_NAME }}</h1>{{ QUERY_RESULT_TABLE }}<p>{{{ ALERT_NAME }}} {{ UNKNOWN }}</p>"));
        long alert = created(api().post("/api/alerts", Map.of("name", name, "query_id", queryId, "options", options)));
        subscribe(alert, email);
        set(50);
        run();
        await().atMost(Duration.ofSeconds(10)).until(() -> mailbox.messages().size() == 1);

        MimeMessage message = mailbox.messages().get(0);
        assertThat(Mailbox.subject(message)).isEqualTo("TRIGGERED: failed orders " + table + " at 50");
        String html = Mailbox.html(message);
        assertThat(html).startsWith("<h1>Orders &lt;script&gt;alert(1)&lt;/script&gt;</h1>");
        assertThat(html).doesNotContain("<script>");
        assertThat(html).contains("<th>failed</th><th>note</th>");
        assertThat(html).contains("<td>50</td><td>&lt;i&gt;x&lt;/i&gt; &amp; y</td>");
        assertThat(html).endsWith("<p>Orders &lt;script&gt;alert(1)&lt;/script&gt; </p>");
    }

    private long alert(Map<String, Object> options, long... destinations) {
        long id = created(api().post("/api/alerts", Map.of("name", "orders alert", "query_id", queryId,
                "options", options)));
        for (long destination : destinations) {
            subscribe(id, destination);
        }
        return id;
    }

    private void subscribe(long alert, long destination) {
        var subscribed = api().post("/api/alerts/" + alert + "/subscriptions", Map.of("destination_id", destination));
        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(200);
        assertThat(subscribed.json().path("destination").path("id").asLong()).isEqualTo(destination);
    }

    private long destination(String type, Map<String, Object> options) {
        return created(api().post("/api/destinations", Map.of("name", type + " " + UUID.randomUUID(), "type", type,
                "options", options)));
    }

    private static long created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("id").asLong();
    }

    private List<Receiver.Received> hooks() {
        return receiver.at("/hook");
    }

    private JsonNode json(String path, int index) {
        return Api.JSON.readTree(receiver.at(path).get(index).body());
    }

    private JsonNode deliveries(long alert) {
        var response = api().get("/api/alerts/" + alert + "/deliveries");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private void awaitState(long alert, String state) {
        await().atMost(Duration.ofSeconds(20)).until(() ->
                api().get("/api/alerts/" + alert).json().path("state").asString().equals(state));
    }

    private void set(int value) throws SQLException {
        postgres.createStatement().execute("UPDATE " + table + " SET v = " + value);
    }

    private void run() {
        new Runs(api()).resultOf(api().post("/api/queries/" + queryId + "/results", Map.of("max_age", 0)));
    }

    static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
