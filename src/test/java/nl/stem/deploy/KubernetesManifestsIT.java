package nl.stem.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;

/**
 * The manifests {@code ./mvnw package} generates (target/kubernetes/kubernetes.yml, from the
 * {@code quarkus.kubernetes.*} keys) and the ConfigMap and volume claim in kubernetes/, read strictly
 * into Kubernetes' typed model ({@link StrictManifests}) since no cluster is available here, then held
 * to what Stem needs: two replicas, probes on SmallRye Health's paths, configuration from the ConfigMap
 * and secrets from the Secret (never a secret value in a manifest), the port, resources, the shared
 * media volume. A failsafe test: it runs after packaging.
 */
class KubernetesManifestsIT {
    /** Stem's secrets (README, "Configuration"): only ever in the Secret stem-secrets. */
    static final Set<String> SECRETS = Set.of("QUARKUS_DATASOURCE_PASSWORD", "STEM_TELEGRAM_BOT_TOKEN",
            "STEM_TELEGRAM_WEBHOOK_SECRET", "STEM_TWILIO_AUTH_TOKEN", "STEM_API_BOOTSTRAP_TOKEN");
    private static final Pattern SECRET_LIKE = Pattern.compile(".*(PASSWORD|TOKEN|SECRET).*");

    static List<HasMetadata> generated;
    static Deployment deployment;
    static Container stem;
    static ConfigMap config;

    @BeforeAll
    static void read() throws IOException {
        Path file = Path.of("target/kubernetes/kubernetes.yml");
        assertTrue(Files.isRegularFile(file), file + " is written by ./mvnw package (quarkus-kubernetes)");
        generated = StrictManifests.parse(Files.readString(file));
        deployment = StrictManifests.only(generated, Deployment.class);
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertEquals(1, containers.size(), "one container per pod");
        stem = containers.get(0);
        config = StrictManifests.only(StrictManifests.parse(Files.readString(Path.of("kubernetes/stem-config.yaml"))), ConfigMap.class);
    }

    @Test
    void generated_isADeploymentAndAServiceOnly() {
        // No Flyway Job, wait-for init container or role: Stem migrates at start-up under Flyway's lock.
        assertEquals(List.of("Deployment/stem", "Service/stem"),
                generated.stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()).sorted().toList());
        assertEquals(List.of(), deployment.getSpec().getTemplate().getSpec().getInitContainers());
    }

    @Test
    void deployment_runsTwoReplicas_andRollsWithoutLosingOne() {
        assertEquals(2, deployment.getSpec().getReplicas());
        assertEquals("RollingUpdate", deployment.getSpec().getStrategy().getType());
        RollingUpdateDeployment rolling = deployment.getSpec().getStrategy().getRollingUpdate();
        assertEquals(0, replicasOf(rolling.getMaxUnavailable(), 2), "no pod is stopped before its successor is ready");
        assertTrue(replicasOf(rolling.getMaxSurge(), 2) >= 1, "a rolling update may start a new pod");
    }

    /**
     * A rollingUpdate amount as a number of pods. The API server takes a string only as a percentage
     * ("25%"), so "1" as a string is as invalid here as it is there.
     */
    private static int replicasOf(IntOrString amount, int replicas) {
        assertNotNull(amount);
        if (amount.getIntVal() != null) {
            return amount.getIntVal();
        }
        Matcher m = Pattern.compile("(\\d+)%").matcher(amount.getStrVal());
        assertTrue(m.matches(), "a string amount must be a percentage: " + amount.getStrVal());
        return (int) Math.ceil(Integer.parseInt(m.group(1)) * replicas / 100.0);
    }

    @Test
    void probes_askSmallRyeHealth() {
        assertProbe(stem.getStartupProbe(), "/q/health/started");
        assertProbe(stem.getLivenessProbe(), "/q/health/live");
        assertProbe(stem.getReadinessProbe(), "/q/health/ready");
        // A first start migrates and publishes: the startup probe allows minutes before liveness counts.
        Probe startup = stem.getStartupProbe();
        assertTrue(startup.getFailureThreshold() * startup.getPeriodSeconds() >= 120,
                "startup allowed " + startup.getFailureThreshold() * startup.getPeriodSeconds() + " s");
    }

    private static void assertProbe(Probe probe, String path) {
        assertNotNull(probe, path);
        assertEquals(path, probe.getHttpGet().getPath());
        assertEquals("HTTP", probe.getHttpGet().getScheme());
        assertEquals(8080, probe.getHttpGet().getPort().getIntVal(), path);
    }

    @Test
    void service_sendsPort80ToTheContainersHttpPort_ofStemsPodsOnly() {
        ContainerPort http = stem.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst().orElseThrow();
        assertEquals(8080, http.getContainerPort());
        Service service = StrictManifests.only(generated, Service.class);
        assertEquals("ClusterIP", service.getSpec().getType());
        ServicePort port = service.getSpec().getPorts().get(0);
        assertEquals(80, port.getPort());
        assertEquals(8080, port.getTargetPort().getIntVal());
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertFalse(service.getSpec().getSelector().isEmpty());
        assertTrue(podLabels.entrySet().containsAll(service.getSpec().getSelector().entrySet()), "the Service selects Stem's pods");
        assertTrue(podLabels.entrySet().containsAll(deployment.getSpec().getSelector().getMatchLabels().entrySet()));
        // No session affinity: every instance serves every request (sessions and state are in PostgreSQL).
        assertTrue(service.getSpec().getSessionAffinity() == null || "None".equals(service.getSpec().getSessionAffinity()));
    }

    @Test
    void configuration_comesFromTheConfigMap_andSecretsFromTheSecret() {
        List<EnvFromSource> from = stem.getEnvFrom();
        assertEquals(List.of("configmap stem-config", "secret stem-secrets"), from.stream()
                .map(f -> f.getConfigMapRef() != null ? "configmap " + f.getConfigMapRef().getName() : "secret " + f.getSecretRef().getName())
                .toList());
        assertEquals(config.getMetadata().getName(), from.get(0).getConfigMapRef().getName(), "kubernetes/stem-config.yaml is the one referenced");
        assertTrue(config.getData().containsKey("QUARKUS_DATASOURCE_JDBC_URL"));
        assertTrue(config.getData().containsKey("STEM_PUBLIC_URL"));
    }

    @Test
    void noSecretValue_isInAManifest() {
        for (EnvVar v : stem.getEnv()) {
            assertFalse(SECRET_LIKE.matcher(v.getName()).matches() && v.getValue() != null, v.getName() + " has a value inline");
        }
        assertTrue(generated.stream().noneMatch(o -> o.getKind().equals("Secret")), "the Secret is created apart (README)");
        Set<String> inConfigMap = config.getData().keySet().stream().filter(k -> SECRET_LIKE.matcher(k).matches())
                .collect(Collectors.toSet());
        assertEquals(Set.of(), inConfigMap, "secrets in the ConfigMap");
    }

    @Test
    void readme_createsTheSecretWithEverySecretKey() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher create = Pattern.compile("kubectl create secret generic stem-secrets([^`]*?)(\n\n|```)", Pattern.DOTALL).matcher(readme);
        assertTrue(create.find(), "the README shows how to create the Secret");
        Set<String> keys = Pattern.compile("--from-literal=([A-Z_]+)=").matcher(create.group(1)).results()
                .map(r -> r.group(1)).collect(Collectors.toSet());
        assertEquals(SECRETS, keys);
    }

    @Test
    void resources_fitA256MegabyteHeap() {
        ResourceRequirements r = stem.getResources();
        long requested = bytes(r.getRequests().get("memory"));
        long limit = bytes(r.getLimits().get("memory"));
        // -Xmx256m plus metaspace, threads and buffers: about 400 MB resident at peak (bench/README.md).
        assertTrue(requested >= 384L << 20, "memory request " + requested);
        assertTrue(limit >= requested && limit <= 2048L << 20, "memory limit " + limit);
        assertTrue(cores(r.getRequests().get("cpu")) > 0 && cores(r.getRequests().get("cpu")) <= cores(r.getLimits().get("cpu")));
    }

    private static long bytes(Quantity q) {
        assertNotNull(q);
        return Quantity.getAmountInBytes(q).longValueExact();
    }

    private static double cores(Quantity q) {
        assertNotNull(q);
        return Quantity.getAmountInBytes(q).doubleValue();
    }

    @Test
    void media_isTheSharedClaim_atTheImagesMediaDirectory() throws IOException {
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        VolumeMount mount = stem.getVolumeMounts().stream().filter(m -> m.getName().equals("media")).findFirst().orElseThrow();
        Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals("media")).findFirst().orElseThrow();
        assertEquals("stem-media", volume.getPersistentVolumeClaim().getClaimName());
        assertFalse(Boolean.TRUE.equals(mount.getReadOnly()));
        String dockerfile = Files.readString(Path.of("docker/Dockerfile"));
        assertTrue(dockerfile.contains("STEM_MEDIA_DIR=" + mount.getMountPath()), "the image's media directory is " + mount.getMountPath());
        assertEquals(mount.getMountPath(), config.getData().get("STEM_MEDIA_DIR"));

        PersistentVolumeClaim claim = StrictManifests.only(StrictManifests.parse(Files.readString(Path.of("kubernetes/stem-media.yaml"))),
                PersistentVolumeClaim.class);
        assertEquals("stem-media", claim.getMetadata().getName());
        assertEquals(List.of("ReadWriteMany"), claim.getSpec().getAccessModes(), "every replica, on any node, writes the media");
        // The image's user (useradd --uid 1001) runs the pod and owns what it writes on the volume.
        assertTrue(dockerfile.contains("--uid " + pod.getSecurityContext().getRunAsUser()));
        assertEquals(pod.getSecurityContext().getRunAsUser(), pod.getSecurityContext().getFsGroup());
    }

    @Test
    void strictParsing_refusesAMisspeltField_aWrongType_andAnUnknownKind() {
        String deployment = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: stem
                spec:
                  %s
                  selector:
                    matchLabels: {app: stem}
                  template:
                    metadata:
                      labels: {app: stem}
                    spec:
                      containers:
                        - name: stem
                          image: stem:1
                          readinessProbe:
                            httpGet: {%s: /q/health/ready, port: 8080}
                """;
        assertEquals(1, assertDoesNotFail(deployment.formatted("replicas: 2", "path")));
        StrictManifests.InvalidManifest misspelt = assertThrows(StrictManifests.InvalidManifest.class,
                () -> StrictManifests.parse(deployment.formatted("replica: 2", "path")));
        assertTrue(misspelt.getMessage().contains("replica"), misspelt.getMessage());
        StrictManifests.InvalidManifest deep = assertThrows(StrictManifests.InvalidManifest.class,
                () -> StrictManifests.parse(deployment.formatted("replicas: 2", "paht")));
        assertTrue(deep.getMessage().contains("HttpGet [paht]"), deep.getMessage());
        assertThrows(MismatchedInputException.class, () -> StrictManifests.parse(deployment.formatted("replicas: \"two\"", "path")));
        assertThrows(MismatchedInputException.class, () -> StrictManifests.parse(deployment.formatted("replicas: \"2\"", "path")));
        assertThrows(StrictManifests.InvalidManifest.class,
                () -> StrictManifests.parse("apiVersion: v1\nkind: Secret\nmetadata: {name: stem-secrets}\nstringData: {A: b}\n"));
    }

    private static int assertDoesNotFail(String yaml) {
        try {
            return StrictManifests.parse(yaml).size();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
