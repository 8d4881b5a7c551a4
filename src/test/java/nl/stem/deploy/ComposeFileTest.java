package nl.stem.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker/compose.yaml and docker/nginx.conf: two Stem instances behind nginx on one database and one
 * media volume. No Docker engine runs here, so this checks the files' structure, not a running
 * stack: the YAML parses (duplicate keys refused), both instances are built from docker/Dockerfile
 * with the same database URL and the same media volume, wait for a healthy database, report ready
 * through SmallRye Health, and the proxy waits for both and routes to both, without sticky sessions.
 */
class ComposeFileTest {
    private static final Path DOCKER = Path.of("docker");
    static Map<String, Object> compose;
    static Map<String, Map<String, Object>> services;
    static String nginx;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        compose = new Yaml(new SafeConstructor(options)).load(Files.readString(DOCKER.resolve("compose.yaml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
        nginx = Files.readString(DOCKER.resolve("nginx.conf"));
    }

    private static List<String> stemServices() {
        return services.entrySet().stream().filter(e -> e.getValue().containsKey("build")).map(Map.Entry::getKey).sorted().toList();
    }

    @Test
    void services_areTheDatabase_twoStemInstances_andTheProxy() {
        assertEquals(Set.of("db", "stem-1", "stem-2", "proxy"), services.keySet());
        assertEquals(List.of("stem-1", "stem-2"), stemServices());
    }

    @Test
    @SuppressWarnings("unchecked")
    void stemInstances_shareOneImage_oneDatabase_andOneMediaVolume() throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        Matcher mediaDir = Pattern.compile("STEM_MEDIA_DIR=(\\S+)").matcher(dockerfile);
        assertTrue(mediaDir.find());
        Map<String, Object> volumes = (Map<String, Object>) compose.get("volumes");
        for (String name : stemServices()) {
            Map<String, Object> s = services.get(name);
            Map<String, Object> build = (Map<String, Object>) s.get("build");
            assertTrue(Files.isRegularFile(DOCKER.resolve((String) build.get("context")).resolve((String) build.get("dockerfile"))), name);
            assertEquals("stem:compose", s.get("image"), name);
            Map<String, Object> env = (Map<String, Object>) s.get("environment");
            assertEquals("jdbc:postgresql://db:5432/stem", env.get("QUARKUS_DATASOURCE_JDBC_URL"), name);
            assertEquals("service_healthy", ((Map<String, Map<String, Object>>) s.get("depends_on")).get("db").get("condition"), name);
            List<String> mounts = (List<String>) s.get("volumes");
            assertEquals(List.of("media:/app/data"), mounts, name);
            assertTrue(volumes.containsKey("media"), "a named volume, not a directory of one container");
            assertTrue(mediaDir.group(1).startsWith("/app/data/"), "the image keeps media on the shared volume");
            List<String> health = (List<String>) ((Map<String, Object>) s.get("healthcheck")).get("test");
            assertTrue(String.join(" ", health).contains("GET /q/health/ready "), name + " reports ready through SmallRye Health");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void proxy_waitsForBothInstances_andRoutesToBoth() {
        Map<String, Object> proxy = services.get("proxy");
        assertEquals(List.of("./nginx.conf:/etc/nginx/nginx.conf:ro"), proxy.get("volumes"));
        Map<String, Map<String, Object>> dependsOn = (Map<String, Map<String, Object>>) proxy.get("depends_on");
        assertEquals(new TreeSet<>(stemServices()), new TreeSet<>(dependsOn.keySet()));
        dependsOn.values().forEach(d -> assertEquals("service_healthy", d.get("condition")));
        assertEquals(List.of("8080:80"), proxy.get("ports"));
        assertTrue(nginx.contains("listen 80;"));

        Matcher upstream = Pattern.compile("upstream\\s+(\\w+)\\s*\\{([^}]*)}").matcher(nginx);
        assertTrue(upstream.find(), "an upstream block");
        Set<String> servers = Pattern.compile("(?m)^\\s*server\\s+([\\w.-]+:\\d+)").matcher(upstream.group(2)).results()
                .map(r -> r.group(1)).collect(Collectors.toSet());
        assertEquals(stemServices().stream().map(s -> s + ":8080").collect(Collectors.toSet()), servers);
        assertTrue(nginx.contains("proxy_pass http://" + upstream.group(1) + ";"));
        for (String sticky : List.of("ip_hash", "sticky", "hash ")) {
            assertFalse(upstream.group(2).contains(sticky), "no sticky sessions: " + sticky);
        }
        assertFalse(nginx.contains("non_idempotent"), "a webhook POST an instance received is never sent to the other");
    }
}
