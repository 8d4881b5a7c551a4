package nl.stem.channel.whatsapp;

import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import nl.stem.api.RequestBody;
import nl.stem.api.ErrorCode;
import nl.stem.api.StemException;

/**
 * Reads an {@code application/x-www-form-urlencoded} body as UTF-8 under a size limit, keeping every
 * parameter: Twilio signs all the parameters it sends, including ones added without notice.
 */
final class FormBody {
    private FormBody() {
    }

    static Map<String, String> read(InputStream body, int limitBytes) {
        return parse(new String(RequestBody.read(body, limitBytes), StandardCharsets.UTF_8));
    }

    /** Example: {@code "Body=%DB%B3&From=whatsapp%3A%2B316"} gives {Body=۳, From=whatsapp:+316}. */
    static Map<String, String> parse(String form) {
        Map<String, String> params = new LinkedHashMap<>();
        if (form.isEmpty()) {
            return params;
        }
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            // One value per key is what Twilio sends and what its signature scheme covers.
            if (params.putIfAbsent(key, value) != null) {
                throw new StemException(ErrorCode.DUPLICATE_PARAMETER, "Form parameter " + key + " appears more than once");
            }
        }
        return params;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new StemException(ErrorCode.MALFORMED_FORM, "The form body is not valid application/x-www-form-urlencoded");
        }
    }
}
