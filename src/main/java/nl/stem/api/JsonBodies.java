package nl.stem.api;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.stem.text.CleanJson;
import nl.stem.text.TextRule;

/**
 * Reads a JSON request body under a size limit, with clear 4xx answers for what does not fit. Every
 * string in it goes through {@link nl.stem.text.ExternalText}'s rule: API bodies come from staff and are refused
 * (400 {@code unfit_character}, naming the field) when they hold a character Stem cannot store; the
 * preview's bodies come from respondents and have such characters removed.
 */
public final class JsonBodies {
    private JsonBodies() {
    }

    public static <T> T read(InputStream body, int limitBytes, ObjectMapper json, Class<T> type) {
        return read(body, limitBytes, json, type, TextRule.REFUSE);
    }

    public static <T> T read(InputStream body, int limitBytes, ObjectMapper json, Class<T> type, TextRule rule) {
        byte[] bytes = RequestBody.read(body, limitBytes);
        if (bytes.length == 0) {
            throw new StemException(ErrorCode.EMPTY_BODY, "A JSON body is required");
        }
        try {
            T value = CleanJson.reader(json, type, rule).readValue(bytes);
            if (value == null) {
                throw new StemException(ErrorCode.EMPTY_BODY, "A JSON object is required");
            }
            return value;
        } catch (CleanJson.UnfitText e) {
            throw new StemException(ErrorCode.UNFIT_CHARACTER, e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new StemException(ErrorCode.MALFORMED_JSON, "The request body is not valid JSON for this endpoint: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new StemException(ErrorCode.UNREADABLE_BODY, "The request body could not be read");
        }
    }
}
