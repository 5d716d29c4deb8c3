package io.sightline.ops.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The chart as Helm renders it: lint, the default, guide and production values, and misspelt values. */
class ChartTemplateTest {

    private static final String GUIDE = "ci/guide-values.yaml";
    private static final String PRODUCTION = "ci/production-values.yaml";
    private static final List<String> ROLES = List.of("api", "worker", "scheduler");

    @Test
    void lintsCleanWithStrict() {
        var result = new Helm(RenderedChart.chartDir()).lint().strict().call();
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @Test
    void defaultValuesGiveThreeRolesWithSecretsProbesAndLimits() {
        RenderedChart chart = RenderedChart.render(List.of(), Map.of());

        assertThat(replicas(chart, "api")).isEqualTo(1);
        assertThat(replicas(chart, "worker")).isEqualTo(2);
        assertThat(replicas(chart, "scheduler")).as("two schedulers: safe, each refresh is claimed once").isEqualTo(2);
        assertThat(chart.all(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(chart.all(Ingress.class)).isEmpty();
        for (String role : ROLES) {
            Container c = container(chart, role);
            assertThat(env(c, "SIGHTLINE_ROLE").getValue()).isEqualTo(role);
            for (var secret : Map.of("SIGHTLINE_DATABASE_URL", "database-url", "SIGHTLINE_REDIS_URL", "redis-url",
                    "SIGHTLINE_SECRET_KEY", "secret-key", "REDASH_COOKIE_SECRET", "cookie-secret").entrySet()) {
                var ref = env(c, secret.getKey()).getValueFrom().getSecretKeyRef();
                assertThat(ref.getName()).isEqualTo("sl-sightline-secrets");
                assertThat(ref.getKey()).isEqualTo(secret.getValue());
            }
            assertThat(c.getStartupProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
            assertHardened(pod(chart, role), c);
        }
        assertThat(env(container(chart, "worker"), "SIGHTLINE_WORKER_THREADS").getValue()).isEqualTo("4");

        Service service = chart.get(Service.class, "sl-sightline");
        assertThat(service.getSpec().getSelector()).containsEntry("app.kubernetes.io/component", "api");

        for (String role : List.of("api", "worker")) {
            PodDisruptionBudget pdb = chart.get(PodDisruptionBudget.class, "sl-sightline-" + role);
            assertThat(pdb.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
            assertThat(pdb.getSpec().getSelector().getMatchLabels()).containsEntry("app.kubernetes.io/component", role);
        }

        Job migrate = chart.get(Job.class, "sl-sightline-migrate");
        assertThat(migrate.getMetadata().getAnnotations()).containsEntry(RenderedChart.HOOK, "pre-install,pre-upgrade");
        Container job = migrate.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(job.getArgs()).containsExactly("migrate");
        assertHardened(migrate.getSpec().getTemplate().getSpec(), job);
        // the Job runs before the release's objects exist: its Secret and ConfigMap are hooks that come first
        for (var hook : List.of(chart.get(Secret.class, "sl-sightline-secrets").getMetadata(),
                chart.get(ConfigMap.class, "sl-sightline").getMetadata())) {
            assertThat(hook.getAnnotations()).containsEntry(RenderedChart.HOOK, "pre-install,pre-upgrade")
                    .containsEntry("helm.sh/hook-weight", "-10");
        }
        Secret secret = chart.get(Secret.class, "sl-sightline-secrets");
        assertThat(decoded(secret, "secret-key")).as("generated").hasSizeGreaterThanOrEqualTo(32);
        assertThat(decoded(secret, "admin-api-key")).hasSizeGreaterThanOrEqualTo(32);

        String notes = new Helm(RenderedChart.chartDir()).install().withName("sl").withNamespace("analytics")
                .withKubeVersion("1.30.0").dryRun().clientOnly().call().getOutput();
        assertThat(notes).contains("kubectl -n analytics port-forward svc/sl-sightline 5000:80")
                .contains("get secret sl-sightline-secrets -o jsonpath='{.data.admin-api-key}' | base64 -d");
    }

    @Test
    void productionGuideValuesInstallUnchanged() {
        RenderedChart chart = RenderedChart.render(List.of(GUIDE), Map.of());

        // the HPAs own the counts: no replicas in api and worker Deployments, the guide's bounds in the HPAs
        assertThat(chart.get(Deployment.class, "sl-sightline-api").getSpec().getReplicas()).isNull();
        assertThat(chart.get(Deployment.class, "sl-sightline-worker").getSpec().getReplicas()).isNull();
        assertThat(replicas(chart, "scheduler")).isEqualTo(2);
        HorizontalPodAutoscaler api = chart.get(HorizontalPodAutoscaler.class, "sl-sightline-api");
        assertThat(api.getSpec().getMinReplicas()).isEqualTo(2);
        assertThat(api.getSpec().getMaxReplicas()).isEqualTo(10);
        assertThat(api.getSpec().getMetrics().get(0).getResource().getTarget().getAverageUtilization()).isEqualTo(70);
        assertThat(api.getSpec().getScaleTargetRef().getName()).isEqualTo("sl-sightline-api");
        HorizontalPodAutoscaler worker = chart.get(HorizontalPodAutoscaler.class, "sl-sightline-worker");
        assertThat(worker.getSpec().getMinReplicas()).as("worker.replicaCount").isEqualTo(5);
        assertThat(worker.getSpec().getMaxReplicas()).isEqualTo(10);

        var resources = container(chart, "worker").getResources();
        assertThat(resources.getLimits()).containsEntry("cpu", new Quantity("500m")).containsEntry("memory", new Quantity("512Mi"));
        assertThat(resources.getRequests()).containsEntry("cpu", new Quantity("250m")).containsEntry("memory", new Quantity("256Mi"));

        // the REDASH_* values reach the servers through the Secret, never as plain values in a pod spec
        Secret secret = chart.get(Secret.class, "sl-sightline-secrets");
        assertThat(decoded(secret, "database-url")).isEqualTo("postgresql://redash:password@postgres:5432/redash");
        assertThat(decoded(secret, "redis-url")).isEqualTo("redis://redis-master:6379/0");
        assertThat(decoded(secret, "cookie-secret")).isEqualTo("replace-with-strong-random");
        assertThat(decoded(secret, "secret-key")).as("the server's fallback: the cookie secret")
                .isEqualTo("replace-with-strong-random");
        String specs = Stream.concat(chart.all(Deployment.class).stream(), Stream.concat(
                chart.all(ConfigMap.class).stream(), chart.all(Job.class).stream())).map(Object::toString)
                .collect(Collectors.joining());
        assertThat(specs).doesNotContain("password@postgres", "replace-with-strong-random", "REDASH_DATABASE_URL");
    }

    @Test
    void theMailServersPasswordGoesThroughTheSecretAndItsHostThroughTheConfigMap() {
        RenderedChart chart = RenderedChart.render(List.of(), Map.of("env.SIGHTLINE_MAIL_HOST", "smtp.example.com",
                "env.REDASH_MAIL_PASSWORD", "mail-pass-0123"));
        assertThat(decoded(chart.get(Secret.class, "sl-sightline-secrets"), "mail-password")).isEqualTo("mail-pass-0123");
        var ref = env(container(chart, "worker"), "SIGHTLINE_MAIL_PASSWORD").getValueFrom().getSecretKeyRef();
        assertThat(ref.getKey()).isEqualTo("mail-password");
        String plain = Stream.concat(chart.all(Deployment.class).stream(), chart.all(ConfigMap.class).stream())
                .map(Object::toString).collect(Collectors.joining());
        assertThat(plain).contains("smtp.example.com").doesNotContain("mail-pass-0123");
    }

    @Test
    void theOidcClientSecretGoesThroughTheSecretAndTheIssuerThroughTheConfigMap() {
        RenderedChart chart = RenderedChart.render(List.of(), Map.of(
                "env.SIGHTLINE_OIDC_ISSUER_URI", "https://login.example.com/realms/main",
                "env.SIGHTLINE_OIDC_CLIENT_SECRET", "oidc-secret-0123"));
        assertThat(decoded(chart.get(Secret.class, "sl-sightline-secrets"), "oidc-client-secret"))
                .isEqualTo("oidc-secret-0123");
        var ref = env(container(chart, "api"), "SIGHTLINE_OIDC_CLIENT_SECRET").getValueFrom().getSecretKeyRef();
        assertThat(ref.getKey()).isEqualTo("oidc-client-secret");
        String plain = Stream.concat(chart.all(Deployment.class).stream(), chart.all(ConfigMap.class).stream())
                .map(Object::toString).collect(Collectors.joining());
        assertThat(plain).contains("https://login.example.com/realms/main").doesNotContain("oidc-secret-0123");
    }

    @Test
    void dataSourceSecretsAreMountedReadOnlyUnderRunSecretsAndThePreviousKeyGoesThroughTheSecret() {
        RenderedChart chart = RenderedChart.render(List.of(), Map.of(
                "dataSourceSecrets[0]", "warehouse.credentials", "secrets.previousSecretKeys", "old-key-0123",
                "env.SIGHTLINE_DATABASE_PASSWORD", "file:/etc/sightline/secrets/database-password"));
        for (String role : ROLES) {
            var mount = container(chart, role).getVolumeMounts().stream()
                    .filter(m -> m.getMountPath().equals("/run/secrets/warehouse.credentials")).findFirst().orElseThrow();
            assertThat(mount.getReadOnly()).isTrue();
            var volume = pod(chart, role).getVolumes().stream().filter(v -> v.getName().equals(mount.getName()))
                    .findFirst().orElseThrow();
            assertThat(volume.getSecret().getSecretName()).isEqualTo("warehouse.credentials");
            var ref = env(container(chart, role), "SIGHTLINE_PREVIOUS_SECRET_KEYS").getValueFrom().getSecretKeyRef();
            assertThat(ref.getKey()).isEqualTo("previous-secret-keys");
            assertThat(ref.getOptional()).isTrue();
        }
        assertThat(decoded(chart.get(Secret.class, "sl-sightline-secrets"), "previous-secret-keys")).isEqualTo("old-key-0123");
        String plain = Stream.concat(chart.all(Deployment.class).stream(), chart.all(ConfigMap.class).stream())
                .map(Object::toString).collect(Collectors.joining());
        assertThat(plain).doesNotContain("old-key-0123").contains("file:/etc/sightline/secrets/database-password");
    }

    @Test
    void fullProductionExampleUsesItsOwnSecretIngressAndMonitoring() {
        RenderedChart chart = RenderedChart.render(List.of(PRODUCTION), Map.of());

        assertThat(chart.all(Secret.class)).as("existingSecret: the chart writes none").isEmpty();
        assertThat(env(container(chart, "api"), "SIGHTLINE_DATABASE_URL").getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("sightline-secrets");
        assertThat(container(chart, "api").getImage()).isEqualTo("registry.example.com/sightline/server:0.1.0");
        assertThat(env(container(chart, "worker"), "SIGHTLINE_WORKER_THREADS").getValue()).isEqualTo("8");
        assertThat(chart.get(ConfigMap.class, "sl-sightline").getData())
                .containsEntry("SIGHTLINE_RESULT_RETENTION", "14d").containsEntry("SIGHTLINE_DATA_DIR", "/data");

        Ingress ingress = chart.get(Ingress.class, "sl-sightline");
        assertThat(ingress.getSpec().getTls().get(0).getSecretName()).isEqualTo("sightline-tls");
        assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo("sightline.example.com");

        HorizontalPodAutoscaler worker = chart.get(HorizontalPodAutoscaler.class, "sl-sightline-worker");
        assertThat(worker.getSpec().getMinReplicas()).isEqualTo(4);
        assertThat(worker.getSpec().getMaxReplicas()).isEqualTo(20);
        var queue = worker.getSpec().getMetrics().stream().filter(m -> m.getType().equals("External")).findFirst().orElseThrow();
        assertThat(queue.getExternal().getMetric().getName()).isEqualTo("sightline_queue_depth");
        assertThat(queue.getExternal().getTarget().getAverageValue()).isEqualTo(new Quantity("16"));

        ServiceMonitor monitor = chart.get(ServiceMonitor.class, "sl-sightline");
        assertThat(monitor.getSpec().getEndpoints().get(0).getPath()).isEqualTo("/actuator/prometheus");
        assertThat(chart.get(Service.class, "sl-sightline-metrics").getSpec().getSelector())
                .doesNotContainKey("app.kubernetes.io/component");
        PrometheusRule rule = chart.get(PrometheusRule.class, "sl-sightline");
        assertThat(rule.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
        assertThat(rule.getSpec().getGroups().get(0).getRules()).extracting(r -> r.getAlert()).containsExactly(
                "SightlineQueryLatencyHigh", "SightlineQueueBacklog", "SightlineCacheMissRatioHigh",
                "SightlineJobFailureRateHigh", "SightlineOldestQueuedJobOld", "SightlineNoWorkerAlive",
                "SightlineSchedulerNotTicking", "SightlineMetadataStoreDown", "SightlineRedisDown");
    }

    @Test
    void misspeltValuesFailAgainstTheSchema() {
        assertThatThrownBy(() -> RenderedChart.render(List.of(), Map.of("workr.replicaCount", 3)))
                .hasMessageContaining("workr");
        assertThatThrownBy(() -> RenderedChart.render(List.of(), Map.of("worker.concurrencyy", 3)))
                .hasMessageContaining("concurrencyy");
        assertThatThrownBy(() -> RenderedChart.render(List.of(), Map.of("autoscaling.enabled", "yes please")))
                .hasMessageContaining("enabled");
    }

    @Test
    void strictParsingRejectsAMisspeltManifestField() {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replcas: 2
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers: [{name: c, image: i, imagePullPolicy: Always}]
                """;
        assertThatThrownBy(() -> RenderedChart.strict(deployment)).hasMessageContaining("replcas");
        assertThatThrownBy(() -> RenderedChart.strict(deployment.replace("replcas: 2", "replicas: 2")
                .replace("imagePullPolicy", "imagePulPolicy"))).hasMessageContaining("imagePulPolicy");
    }

    private static void assertHardened(PodSpec pod, Container c) {
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(c.getResources().getLimits()).containsKeys("cpu", "memory");
        assertThat(c.getVolumeMounts()).extracting(m -> m.getMountPath()).contains("/data", "/tmp");
    }

    static String decoded(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    private static Integer replicas(RenderedChart chart, String role) {
        return chart.get(Deployment.class, "sl-sightline-" + role).getSpec().getReplicas();
    }

    private static PodSpec pod(RenderedChart chart, String role) {
        return chart.get(Deployment.class, "sl-sightline-" + role).getSpec().getTemplate().getSpec();
    }

    private static Container container(RenderedChart chart, String role) {
        return pod(chart, role).getContainers().get(0);
    }

    private static EnvVar env(Container c, String name) {
        return c.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No " + name + " in " + c.getName()));
    }
}
