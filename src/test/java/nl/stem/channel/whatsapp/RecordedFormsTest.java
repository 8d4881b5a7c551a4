package nl.stem.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import nl.stem.conversation.Inbound;
import nl.stem.channel.InputText;
import nl.stem.text.ExternalText;

/**
 * Every recorded Twilio form in src/test/resources/whatsapp through the pure parts of the way in,
 * as a table, without Quarkus or a database: the form parsed and cleaned as the webhook does, then
 * an inbound message through {@link InboundMapping}, a status callback through
 * {@link DeliveryStatus}. A new recording without a row fails.
 */
class RecordedFormsTest {
    private static final Path DIR = Path.of("src/test/resources/whatsapp");
    /** What the placeholders of the recordings stand for here. */
    private static final Map<String, String> VALUES = Map.ofEntries(
            Map.entry("MessageSid", "SM00000000000000000000000000000001"), Map.entry("From", "whatsapp:+31612345678"),
            Map.entry("To", "whatsapp:+31612345678"), Map.entry("WaId", "31612345678"), Map.entry("Body", "نعم"),
            Map.entry("ButtonText", "نعم"), Map.entry("ButtonPayload", "a:consent:yes"), Map.entry("MessageStatus", "undelivered"),
            Map.entry("ErrorCode", "63016"),
            Map.entry("MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1"));

    private static final Map<String, String> TABLE = Map.ofEntries(
            Map.entry("document.form", "inbound whatsapp:+31612345678 unsupported file:application/pdf"),
            Map.entry("image.form", "inbound whatsapp:+31612345678 media IMAGE"),
            Map.entry("location.form", "inbound whatsapp:+31612345678 unsupported location"),
            Map.entry("missing_message_sid.form", "inbound whatsapp:+31612345678 text \"نعم\" without MessageSid"),
            Map.entry("num_media_mismatch.form", "inbound whatsapp:+31612345678 unsupported media:count-mismatch"),
            Map.entry("opt_out.form", "inbound whatsapp:+31612345678 text \"نعم\" opt-out STOP"),
            Map.entry("quick_reply.form", "inbound whatsapp:+31612345678 tap a:consent:yes"),
            Map.entry("status.form", "status UNDELIVERED"),
            Map.entry("status_error.form", "status UNDELIVERED error 63016"),
            Map.entry("text.form", "inbound whatsapp:+31612345678 text \"نعم\""),
            Map.entry("video.form", "inbound whatsapp:+31612345678 media VIDEO"),
            Map.entry("voice_note.form", "inbound whatsapp:+31612345678 media AUDIO"));

    @Test
    void everyRecordedForm_mapsAsTheTableSays() throws IOException {
        Map<String, String> actual = new TreeMap<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
                String form = Files.readString(f, StandardCharsets.UTF_8).strip();
                for (Map.Entry<String, String> v : VALUES.entrySet()) {
                    form = form.replace("{{" + v.getKey() + "}}", URLEncoder.encode(v.getValue(), StandardCharsets.UTF_8));
                }
                assertFalse(form.contains("{{"), f + " has a placeholder this table does not fill");
                Map<String, String> params = ExternalText.cleanAll(FormBody.parse(form), ExternalText.MAX_CHARS);
                actual.put(f.getFileName().toString(), describe(params));
            }
        }
        assertEquals(new TreeMap<>(TABLE), actual);
    }

    private static String describe(Map<String, String> params) {
        if (params.containsKey("MessageStatus")) {
            return "status " + DeliveryStatus.parse(params.get("MessageStatus")).map(Enum::name).orElse("?")
                    + (params.get("ErrorCode") == null ? "" : " error " + params.get("ErrorCode"));
        }
        Inbound in = InboundMapping.inbound(params);
        return "inbound " + in.providerUserId() + " " + InputText.of(in.input())
                + (in.providerMessageId() == null ? " without MessageSid" : "")
                + (params.get("OptOutType") == null ? "" : " opt-out " + params.get("OptOutType"));
    }
}
