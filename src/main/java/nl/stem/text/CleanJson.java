package nl.stem.text;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * JSON from outside, read with {@link ExternalText}'s rule applied to every string and every map key
 * as it is parsed, so no field can be forgotten: a Telegram update's text, caption, names and
 * payloads alike. The mapper is a copy of the application's, made once per rule (a new mapper per
 * request would introspect the large Telegram model every time).
 */
public final class CleanJson {
    private static final Map<ObjectMapper, Map<TextRule, ObjectMapper>> MAPPERS = new ConcurrentHashMap<>();

    private CleanJson() {
    }

    /** A reader of {@code type} that applies {@code rule} to every string. */
    public static ObjectReader reader(ObjectMapper base, Class<?> type, TextRule rule) {
        ObjectMapper m = MAPPERS.computeIfAbsent(base, b -> new ConcurrentHashMap<>())
                .computeIfAbsent(rule, r -> base.copy().registerModule(module(r)));
        return m.readerFor(type);
    }

    private static SimpleModule module(TextRule rule) {
        SimpleModule module = new SimpleModule("stem-clean-json-" + rule.name().toLowerCase(java.util.Locale.ROOT));
        module.addDeserializer(String.class, new Strings(rule));
        module.addKeyDeserializer(String.class, new Keys(rule));
        return module;
    }

    /** A string refused under {@link TextRule#REFUSE}; the message names the field and the place. */
    public static final class UnfitText extends InvalidFormatException {
        UnfitText(JsonParser p, String message) {
            super(p, message, "", String.class);
        }
    }

    static String apply(TextRule rule, String value, JsonParser p) throws InvalidFormatException {
        if (rule == TextRule.REMOVE) {
            return ExternalText.clean(value, ExternalText.MAX_CHARS);
        }
        var problem = ExternalText.problem(value);
        if (problem.isPresent()) {
            String field = p.getParsingContext() == null ? "" : p.getParsingContext().pathAsPointer().toString();
            // The value is not echoed: it may be long, and it is what could not be stored.
            throw new UnfitText(p, (field.isEmpty() ? "a string" : "field " + field) + " has " + problem.get()
                    + ", a character Stem cannot store");
        }
        return ExternalText.clean(value, Integer.MAX_VALUE);
    }

    /** Strings as the standard deserializer reads them (numbers and booleans too), then cleaned. */
    private static final class Strings extends StdScalarDeserializer<String> {
        private final TextRule rule;

        Strings(TextRule rule) {
            super(String.class);
            this.rule = rule;
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String raw = StringDeserializer.instance.deserialize(p, ctxt);
            return raw == null ? null : apply(rule, raw, p);
        }
    }

    private static final class Keys extends KeyDeserializer {
        private final TextRule rule;

        Keys(TextRule rule) {
            this.rule = rule;
        }

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
            return key == null ? null : apply(rule, key, ctxt.getParser());
        }
    }
}
