package nl.stem.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import nl.stem.channel.whatsapp.Webhooks.Response;

/** A test respondent on WhatsApp: a fresh number that sends recorded, signed payloads. */
public final class Phone {
    public final String waId;
    public final String from;

    private Phone(String waId) {
        this.waId = waId;
        this.from = "whatsapp:+" + waId;
    }

    public static Phone fresh() {
        return new Phone("316" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999)));
    }

    /** A fresh number in a country: {@code prefix} is the country code and the start of a mobile number ({@code 96394}). */
    public static Phone inCountry(String prefix, int digits) {
        StringBuilder n = new StringBuilder(prefix);
        while (n.length() < digits) {
            n.append(ThreadLocalRandom.current().nextInt(10));
        }
        return new Phone(n.toString());
    }

    public static String newSid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    Map<String, String> values(String sid) {
        Map<String, String> v = new HashMap<>();
        v.put("MessageSid", sid);
        v.put("From", from);
        v.put("WaId", waId);
        return v;
    }

    /** Sends text and expects the empty TwiML acknowledgement. */
    public void text(String body) {
        ok(send("text", Map.of("Body", body)));
    }

    /** Taps a quick-reply button. */
    public void tap(String payload, String title) {
        ok(send("quick_reply", Map.of("ButtonPayload", payload, "ButtonText", title)));
    }

    public Response send(String recorded, Map<String, String> extra) {
        return sendAs(newSid(), recorded, extra);
    }

    Response sendAs(String sid, String recorded, Map<String, String> extra) {
        Map<String, String> v = values(sid);
        v.putAll(extra);
        return Webhooks.inbound(recorded, v);
    }

    static void ok(Response r) {
        assertEquals(200, r.statusCode(), r.asString());
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>", r.asString());
        assertEquals(true, r.contentType().startsWith("text/xml"), r.contentType());
    }

    /** The current question and status of this number's latest session. */
    String[] session(DataSource db) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select s.current_question, s.status from sessions s "
                     + "join channel_identities ci on ci.respondent_id = s.respondent_id "
                     + "where ci.channel = 'whatsapp' and ci.provider_id = ? order by s.started_at desc limit 1")) {
            ps.setString(1, from);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
            }
        }
    }
}
