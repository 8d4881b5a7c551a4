package nl.stem.deploy;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * Kubernetes YAML read strictly into fabric8's typed model, as a schema check without a cluster: an
 * object of a kind not listed, a field the API does not have (the model keeps those in
 * {@code additionalProperties}, which must stay empty everywhere), a value of the wrong type (no
 * coercion: {@code replicas: "2"} is refused) or a duplicate key fails.
 * Example: {@code StrictManifests.parse(Files.readString(Path.of("target/kubernetes/kubernetes.yml")))}.
 */
final class StrictManifests {
    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                    DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The kinds Stem's manifests may contain, by {@code apiVersion/kind}. */
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/PersistentVolumeClaim", PersistentVolumeClaim.class);

    private StrictManifests() {
    }

    /** Every document of a multi-document YAML text, typed; throws {@link InvalidManifest} at the first problem. */
    static List<HasMetadata> parse(String yaml) throws IOException {
        List<HasMetadata> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isNull() || document.isMissingNode()) {
                    continue;
                }
                String kind = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
                Class<? extends HasMetadata> type = KINDS.get(kind);
                if (type == null) {
                    throw new InvalidManifest("an object of kind " + kind + ", not one of " + KINDS.keySet());
                }
                HasMetadata object = YAML.treeToValue(document, type);
                List<String> unknown = new ArrayList<>();
                unknownFields(object, kind + " " + object.getMetadata().getName(), unknown);
                if (!unknown.isEmpty()) {
                    throw new InvalidManifest("fields the Kubernetes API does not have: " + unknown);
                }
                objects.add(object);
            }
        }
        return objects;
    }

    /** The one object of a type (fails when there are none or several). */
    static <T extends HasMetadata> T only(List<HasMetadata> objects, Class<T> type) {
        List<T> found = objects.stream().filter(type::isInstance).map(type::cast).toList();
        if (found.size() != 1) {
            throw new InvalidManifest(found.size() + " objects of type " + type.getSimpleName() + ", expected one");
        }
        return found.get(0);
    }

    /** Walks the model's getters and collects every non-empty {@code additionalProperties} with its path. */
    private static void unknownFields(Object value, String path, List<String> found) {
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", found);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, found));
            return;
        }
        if (value == null || !value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object property;
            try {
                property = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new InvalidManifest(path + "." + getter.getName() + " cannot be read: " + e.getCause());
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    found.add(path + " " + extra.keySet());
                }
            } else {
                unknownFields(property, path + "." + getter.getName().substring(3), found);
            }
        }
    }

    /** A manifest that would not pass the API server's schema. */
    static final class InvalidManifest extends RuntimeException {
        InvalidManifest(String message) {
            super(message);
        }
    }
}
