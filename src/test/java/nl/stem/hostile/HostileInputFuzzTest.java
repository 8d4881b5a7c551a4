package nl.stem.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import nl.stem.api.ApiTokensForTests;
import nl.stem.channel.telegram.FakeBotApi;
import nl.stem.channel.telegram.TelegramUser;
import nl.stem.channel.whatsapp.FakeTwilioControl;
import nl.stem.channel.whatsapp.Phone;
import nl.stem.channel.whatsapp.Webhooks;

/**
 * A seeded fuzz of every entry point, as an attacker or a broken client would try them: the
 * recorded Telegram updates and Twilio forms mutated (NUL and other control characters, surrogate
 * halves, huge numbers, deep nesting, wrong types, truncation, odd encodings and bytes), the
 * preview's JSON and form, the researcher and coordinator API (ids, filters, bodies, CSV), the
 * dashboard login and odd paths. It asserts that nothing gets a 5xx, that health is UP afterwards,
 * and that a well-formed Telegram and WhatsApp message are still answered.
 *
 * <p>Bounded to {@value #BUDGET_SECONDS} s of requests (CI runs the suite on 2 cores). Each request
 * is built from its own {@code Random(seed, index)}, so a failure is reported as a (seed, index) pair
 * that {@link #regressions} replays exactly; add each such pair to {@link #REGRESSIONS}. The seed is
 * fixed (reproducible in CI); {@code -Dstem.fuzz.seed=<n>} explores another.
 */
@QuarkusTest
class HostileInputFuzzTest {
    static final int BUDGET_SECONDS = 45;
    static final long DEFAULT_SEED = 19_2026_12_03L;
    /** (seed, index) of requests that once got a 5xx, kept as regression tests. */
    static final long[][] REGRESSIONS = {};

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String[] TELEGRAM = {"text", "start", "start_payload", "callback_query", "voice", "video_note",
            "document_audio", "photo", "sticker", "location", "edited_message", "my_chat_member"};
    private static final String[] TWILIO = {"text", "quick_reply", "voice_note", "video", "image", "document", "location",
            "num_media_mismatch", "opt_out", "missing_message_sid"};
    /** Raw JSON string contents (already escaped as JSON needs): the characters and shapes that broke things. */
    private static final String[] HOSTILE_JSON = {"\\u0000", "a\\u0000b", "\\u0001\\u0002\\u001f", "\\u007f\\u0085", "\\ud800",
            "\\udc00x", "x\\ud83d", "\\ufffe\\uffff", "\\u202eevil", "e\\u0301", "\\r\\n", "", " ", "%00", "%%%", "' or 1=1 --",
            "<script>alert(1)</script>", "=HYPERLINK(\\\"http://127.0.0.1/\\\",\\\"klik\\\")", "../../etc/passwd", "${jndi:ldap://127.0.0.1/x}",
            "{{7*7}}", "99999999999999999999", "-1", "1e400", "NaN", "/start \\u0000", "/stop", "a:consent:yes\\u0000", "lang:ar\\ud800",
            "\\uD83D\\uDE00", "ትግርኛ٣", "start:toegang_tot_werk\\u0000"};
    /** Raw form values (already percent-encoded or deliberately broken). */
    private static final String[] HOSTILE_FORM = {"%00", "a%00b", "%01%1F", "%7F", "%ED%A0%80", "%FF%FE", "%C0%80", "%", "%%%", "%zz",
            "%2", "+", "%EF%BF%BE", "99999999999999999999", "-1", "1e400", "", "%3Cscript%3E", "%3DHYPERLINK(1)", "whatsapp%3A%2B1%00",
            "http%3A%2F%2F127.0.0.1%3A9%2Fx", "file%3A%2F%2F%2Fetc%2Fpasswd", "STOP%00"};
    private static final String[] NUMBERS = {"0", "-1", "2147483648", "-2147483649", "9223372036854775808", "1e400", "-1e400", "1.5",
            "99999999999999999999999999999999", "0.0000000000000000000001"};

    record Outcome(String what, int status, String body) {
    }

    @Test
    void everyEntryPoint_whenFuzzedForAMinute_neverAnswers5xxAndStaysHealthy() throws Exception {
        long seed = Long.getLong("stem.fuzz.seed", DEFAULT_SEED);
        long end = System.nanoTime() + Duration.ofSeconds(BUDGET_SECONDS).toNanos();
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (; n < 50_000 && System.nanoTime() < end; n++) {
            Outcome o = send(seed, n);
            if (o.status() >= 500 || o.status() == 0) {
                failures.add("seed " + seed + " index " + n + ": " + o.what() + " -> " + o.status() + " " + abbreviate(o.body()));
            }
        }
        System.out.printf("Fuzz: %d requests with seed %d, %d with a 5xx%n", n, seed, failures.size());
        assertTrue(n > 200, "too few requests in the budget: " + n);
        stillWorks();
        assertEquals(List.of(), failures, "requests answered 5xx (add each seed and index to REGRESSIONS)");
    }

    @Test
    void regressions_whenReplayed_neverAnswer5xx() throws Exception {
        for (long[] r : REGRESSIONS) {
            Outcome o = send(r[0], (int) r[1]);
            assertTrue(o.status() > 0 && o.status() < 500, "seed " + r[0] + " index " + r[1] + ": " + o.what() + " -> " + o.status());
        }
    }

    /** After the fuzz: health, and a well-formed message on each chat channel still answered. */
    private void stillWorks() throws Exception {
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(uri("/q/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"UP\""), health.body());

        TelegramUser u = TelegramUser.create("en");
        u.start().statusCode(200);
        FakeBotApi.get().awaitMessagesTo(u.chat(), 1, Duration.ofSeconds(20));

        Phone p = Phone.fresh();
        p.text("hallo");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (FakeTwilioControl.messagesTo(p.from).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the WhatsApp message got no reply");
            Thread.sleep(50);
        }
    }

    // ---- one request per (seed, index) ------------------------------------------------------

    private Outcome send(long seed, int index) throws Exception {
        Random r = new Random(seed * 1_000_003L + index);
        return switch (r.nextInt(10)) {
            case 0, 1, 2 -> telegram(r);
            case 3, 4 -> twilio(r);
            case 5 -> preview(r);
            case 6, 7 -> api(r);
            case 8 -> forms(r);
            default -> oddPaths(r);
        };
    }

    private Outcome telegram(Random r) throws Exception {
        String name = pick(r, TELEGRAM);
        ObjectNode update = (ObjectNode) JSON.readTree(resource("/telegram/" + name + ".json"));
        long chat = 8_000_000_000L + Math.floorMod(r.nextLong(), 1_000_000_000L);
        update.put("update_id", -1 - r.nextInt(Integer.MAX_VALUE - 1)); // negative: never one of the other tests' ids
        replaceIds(update, chat);
        Raw raw = new Raw();
        int mutations = 1 + r.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            mutateJson(update, r, raw);
        }
        byte[] body = withRaw(JSON.writeValueAsString(update), raw).getBytes(StandardCharsets.UTF_8);
        body = r.nextInt(6) == 0 ? mutateBytes(body, r) : body;
        Req q = new Req("POST", "/webhooks/telegram", body)
                .header("Content-Type", r.nextInt(20) == 0 ? "application/json; charset=latin1" : "application/json");
        if (r.nextInt(30) != 0) {
            q.header("X-Telegram-Bot-Api-Secret-Token", "test-secret_0123456789");
        }
        return call("telegram " + name, q);
    }

    private Outcome twilio(Random r) throws Exception {
        boolean status = r.nextInt(5) == 0;
        String name = status ? (r.nextBoolean() ? "status" : "status_error") : pick(r, TWILIO);
        String form = new String(resource("/whatsapp/" + name + ".form"), StandardCharsets.UTF_8).strip();
        Phone p = Phone.fresh();
        form = form.replace("{{MessageSid}}", Phone.newSid()).replace("{{From}}", enc(p.from)).replace("{{To}}", enc(p.from))
                .replace("{{WaId}}", p.waId).replace("{{Body}}", "hallo").replace("{{MessageStatus}}", "delivered")
                .replace("{{ButtonPayload}}", enc("a:consent:yes")).replace("{{ButtonText}}", "Ja")
                .replace("{{MediaUrl0}}", enc("http://127.0.0.1:9/2010-04-01/Accounts/AC/Messages/MM1/Media/ME1"))
                .replaceAll("\\{\\{[A-Za-z0-9]+}}", "x");
        List<String> pairs = new ArrayList<>(List.of(form.split("&")));
        int mutations = 1 + r.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            int k = r.nextInt(pairs.size());
            String key = pairs.get(k).split("=", 2)[0];
            switch (r.nextInt(6)) {
                case 0, 1, 2 -> pairs.set(k, key + "=" + pick(r, HOSTILE_FORM) + (r.nextBoolean() ? "x" : ""));
                case 3 -> pairs.add(pick(r, new String[] {"NumMedia", "MediaUrl0", "MediaContentType0", "Latitude", "OptOutType",
                        "ButtonPayload", "ErrorCode", "Body"}) + "=" + pick(r, HOSTILE_FORM));
                case 4 -> pairs.remove(k);
                default -> pairs.set(k, key + "=" + "A".repeat(1 + r.nextInt(70_000)));
            }
            if (pairs.isEmpty()) {
                pairs.add("Body=" + pick(r, HOSTILE_FORM));
            }
        }
        String body = String.join("&", pairs);
        String path = status ? "/webhooks/twilio/status" : "/webhooks/twilio";
        String signature;
        try {
            signature = r.nextInt(25) == 0 ? "forged" : Webhooks.signature(path, body);
        } catch (RuntimeException e) {
            signature = "unsignable"; // a body the form parser refuses cannot be signed: the service must refuse it too
        }
        return call("twilio " + name, new Req("POST", path, body).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature));
    }

    private Outcome preview(Random r) throws Exception {
        switch (r.nextInt(4)) {
            case 0 -> {
                ObjectNode start = JSON.createObjectNode().put("survey", "toegang_tot_werk").put("language", "ar");
                Raw raw = new Raw();
                mutateJson(start, r, raw);
                return call("preview start", json("POST", "/try/api/conversations", withRaw(start.toString(), raw), null));
            }
            case 1 -> {
                ObjectNode message = JSON.createObjectNode().put("id", "m" + r.nextInt(1_000_000)).put(r.nextBoolean() ? "text" : "payload", "3");
                Raw raw = new Raw();
                mutateJson(message, r, raw);
                String token = r.nextInt(3) == 0 ? pick(r, new String[] {"%00", "x", "A".repeat(32), "..%2F..", "%ED%A0%80"}) : "A".repeat(31) + "b";
                return call("preview message", json("POST", "/try/api/conversations/" + token + "/messages", withRaw(message.toString(), raw), null));
            }
            case 2 -> {
                String after = pick(r, NUMBERS) + (r.nextBoolean() ? "" : pick(r, HOSTILE_FORM));
                return call("preview poll", new Req("GET", "/try/api/conversations/" + "B".repeat(32) + "/messages?after=" + after, (byte[]) null));
            }
            default -> {
                String boundary = "fuzz" + r.nextInt(1000);
                String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0000.ogg\"\r\nContent-Type: "
                        + pick(r, new String[] {"audio/ogg", "audio/\u0001x", "video/", "image/png; x=\"", "text/html"}) + "\r\n\r\nOggS\r\n--"
                        + boundary + (r.nextBoolean() ? "--\r\n" : "\r\n");
                return call("preview upload", new Req("POST", "/try/api/conversations/" + "C".repeat(32) + "/media", part.getBytes(StandardCharsets.UTF_8))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary));
            }
        }
    }

    private Outcome api(Random r) throws Exception {
        String token = ApiTokensForTests.token(pick(r, new String[] {"admin", "researcher", "coordinator"}));
        String id = pick(r, HOSTILE_FORM) + (r.nextBoolean() ? "toegang" : "");
        String filter = pick(r, new String[] {"survey", "version", "from", "to", "language", "channel", "include_preview", "wave"});
        String value = r.nextBoolean() ? pick(r, HOSTILE_FORM) : pick(r, NUMBERS);
        String dateLike = pick(r, new String[] {"+999999998-01-01", "-999999999-01-01", "2026-13-45", "2026-02-30T25:61:00Z", "9999-12-31"});
        switch (r.nextInt(10)) {
            case 8 -> {
                // an XLSForm import, validated only: the query never says publish=true
                byte[] form = hostileForm(r);
                String type = pick(r, new String[] {XLSX, XLSX, "application/octet-stream", "multipart/form-data; boundary=fuzz", "text/plain"});
                String query = r.nextInt(4) == 0 ? "?publish=" + pick(r, HOSTILE_FORM) : r.nextInt(4) == 0 ? "?filename=" + pick(r, HOSTILE_FORM) : "";
                if (r.nextInt(5) == 0) {
                    return call("xlsform export", authed(token, "GET", "/api/surveys/" + id + "/versions/" + pick(r, NUMBERS) + "/xlsform", null, null));
                }
                return call("xlsform import", new Req("POST", "/api/surveys/xlsform" + query, form)
                        .header("Authorization", "Bearer " + token).header("Content-Type", type));
            }
            case 0 -> {
                return call("survey versions", authed(token, "GET", "/api/surveys/" + id + "/versions" + (r.nextBoolean() ? "/" + pick(r, NUMBERS) : ""), null, null));
            }
            case 1 -> {
                return call("survey retire", authed(token, "POST", "/api/surveys/" + id + "/retire", null, null));
            }
            case 2 -> {
                return call("survey diff", authed(token, "GET", "/api/surveys/toegang_tot_werk/diff?from=" + pick(r, NUMBERS) + "&to=" + value, null, null));
            }
            case 3 -> {
                String export = pick(r, new String[] {"long.csv", "wide.csv", "codebook.json", "codebook.csv", "codebook.html", "wide.sps",
                        "wide.do", "flow-results/datapackage.json", "flow-results/responses.json"});
                String query = "survey=toegang_tot_werk&" + filter + "=" + (r.nextInt(3) == 0 ? dateLike : value);
                if (r.nextInt(4) == 0) {
                    query = "survey=" + value;
                }
                return call("export " + export, authed(token, "GET", "/api/exports/" + export + "?" + query, null, null));
            }
            case 4 -> {
                String path = r.nextBoolean() ? "/api/media?survey=toegang_tot_werk&" + filter + "=" + (r.nextBoolean() ? dateLike : value)
                        : "/api/media/" + id;
                return call("media", authed(token, "GET", path, null, null));
            }
            case 5 -> {
                ObjectNode wave = JSON.createObjectNode().put("name", "fuzz").put("survey", "toegang_tot_werk").put("inviteAt", dateLike + "T10:00:00Z");
                wave.putArray("reminderHours").add(48);
                // Always a member list that names nobody: a fuzzed wave must never invite the other tests' members.
                ArrayNode members = wave.putArray("members");
                members.add("FUZZ-NOBODY-" + r.nextInt(1000));
                wave.putObject("filter").put("channel", "telegram").putObject("attributes").put("region", "nowhere");
                Raw raw = new Raw();
                mutateJson(wave, r, raw, "members");
                return call("wave launch", authed(token, "POST", "/api/waves", withRaw(wave.toString(), raw), "application/json"));
            }
            case 6 -> {
                String csv = "member_id,channel,whatsapp_number,language,time_zone,consent,region\n"
                        + "FUZZ-" + r.nextInt(1_000_000) + "," + pick(r, new String[] {"telegram", "whatsapp", "x\u0000"}) + ","
                        + pick(r, new String[] {"", "+31 6 1234\u0000 5678", "+999999999999999999"}) + ","
                        + pick(r, new String[] {"ar", "a\u0000r", "zz", "\uD800"}) + "," + pick(r, new String[] {"", "Europe/\u0000", "../../etc"}) + ","
                        + pick(r, new String[] {"", "given", "\u0007"}) + "," + pick(r, new String[] {"Utrecht", "=HYPERLINK(1)", "\u0000", "\"open"}) + "\n";
                return call("member import", authed(token, "POST", "/api/members/import", csv, "text/csv"));
            }
            case 7 -> {
                String q = pick(r, new String[] {"q", "channel", "language", "consent", "status", "attribute.region", "limit", "offset"});
                return call("member search", authed(token, "GET", "/api/members?" + q + "=" + value, null, null));
            }
            default -> {
                String yaml = new String(resource("/survey-valid/surveys/toegang_tot_werk.yaml"), StandardCharsets.UTF_8);
                String[] hostileYaml = {"when: \"" + "(".repeat(5000) + "x\"", "text: \"\\0\"", "extra: " + "[".repeat(3000),
                        "a: &a [*a]", "text: !!binary AAAA", "min: 99999999999999999999999", "max: -1e400", "id: \"\\ud800\""};
                int at = r.nextInt(yaml.length());
                yaml = yaml.substring(0, at) + "\n    " + pick(r, hostileYaml) + "\n" + yaml.substring(at);
                String body = JSON.writeValueAsString(Map.of("survey", Map.of("file", "toegang_tot_werk.yaml", "content", yaml)));
                return call("survey validate", authed(token, "POST", "/api/surveys/validate", body, "application/json"));
            }
        }
    }

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A small XLSForm with one hostile cell, or damaged bytes of a good one. */
    private static byte[] hostileForm(Random r) throws java.io.IOException {
        String[] cells = {"_x0000_", "a_x0007_b", "${agee} > 1", "=1+1", "\u202eevil", "A".repeat(12_000), "select_one nolist",
                "((((((((((((((((((((((((x", "' or 1=1 --", "Hello ${name}", "count-selected(.) >= 99999999999999999999", ". > 1e400"};
        String hostile = pick(r, cells);
        int at = r.nextInt(5);
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            String[][] survey = {{"type", "name", "label::English (en)", "relevant", "constraint"},
                    {"integer", "age", "How old?", "", ". >= 0"}, {"text", "job", "Which job?", "${age} > 18", ""}};
            survey[1 + r.nextInt(2)][at] = hostile;
            String[][] settings = {{"form_id", "form_title"}, {"fuzz_form", "Fuzz"}};
            for (String[][] sheet : List.of(survey, settings)) {
                org.apache.poi.xssf.usermodel.XSSFSheet xs = wb.createSheet(sheet == survey ? "survey" : "settings");
                for (int i = 0; i < sheet.length; i++) {
                    var row = xs.createRow(i);
                    for (int c = 0; c < sheet[i].length; c++) {
                        if (!sheet[i][c].isEmpty()) {
                            row.createCell(c).setCellValue(sheet[i][c]);
                        }
                    }
                }
            }
            wb.write(out);
            byte[] b = out.toByteArray();
            return r.nextInt(3) == 0 ? mutateBytes(b, r) : b;
        }
    }

    private Outcome forms(Random r) throws Exception {
        String path = pick(r, new String[] {"/try/start", "/dashboard/login"});
        String body = pick(r, new String[] {"survey=", "token=", "language="}) + pick(r, HOSTILE_FORM) + (r.nextBoolean() ? "&" + pick(r, HOSTILE_FORM) : "");
        return call("form " + path, new Req("POST", path, body).header("Content-Type", r.nextInt(5) == 0
                ? "application/x-www-form-urlencoded; charset=x-odd" : "application/x-www-form-urlencoded"));
    }

    private Outcome oddPaths(Random r) throws Exception {
        String[] bases = {"/try/chat/", "/dashboard/waves/", "/dashboard/waves/1/stats.json?by=", "/api/waves/", "/api/waves/1/links.csv?x=",
                "/q/", "/webjars/", "/try/", "/", "/dashboard?lang=", "/try?x="};
        String path = pick(r, bases) + pick(r, HOSTILE_FORM) + (r.nextBoolean() ? pick(r, NUMBERS) : "");
        String method = pick(r, new String[] {"GET", "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"});
        Req b = new Req(method, path, method.equals("GET") || method.equals("OPTIONS") ? null : pick(r, HOSTILE_JSON).getBytes(StandardCharsets.UTF_8));
        if (r.nextBoolean()) {
            b.header("Content-Type", pick(r, new String[] {"application/json", "text/plain", "application/xml", "x/y; charset=\u00ff", "*/*"}));
        }
        if (r.nextInt(3) == 0) {
            b.header("Accept-Language", pick(r, new String[] {"ar;q=2", "x".repeat(6_000), "*;q=NaN", "\u00ff"}));
        }
        return call("path " + method, b);
    }

    // ---- mutations ---------------------------------------------------------------------------

    /** Replaces a random node of {@code root}: a hostile string, a huge number, another type, deep nesting or nothing. */
    private static void mutateJson(JsonNode root, Random r, Raw raw, String... keep) {
        List<String> bare = raw.bare;
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        for (String k : keep) {
            containers.remove(root.get(k));
        }
        JsonNode parent = containers.get(r.nextInt(containers.size()));
        String field = null;
        int index = -1;
        if (parent instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            names.removeAll(List.of(keep));
            if (names.isEmpty()) {
                return;
            }
            field = names.get(r.nextInt(names.size()));
        } else if (parent instanceof ArrayNode a && !a.isEmpty()) {
            index = r.nextInt(a.size());
        } else {
            return;
        }
        JsonNode value;
        switch (r.nextInt(8)) {
            case 0, 1, 2 -> {
                raw.quoted.add(pick(r, HOSTILE_JSON) + (r.nextBoolean() ? "" : "tail"));
                value = JSON.getNodeFactory().textNode("\u00A7" + (raw.quoted.size() - 1) + "\u00A7");
            }
            case 3 -> {
                bare.add(pick(r, NUMBERS));
                value = JSON.getNodeFactory().textNode("\u00B6" + (bare.size() - 1) + "\u00B6");
            }
            case 4 -> value = pick(r, new JsonNode[] {JSON.createObjectNode(), JSON.createArrayNode(), JSON.getNodeFactory().booleanNode(true),
                    JSON.getNodeFactory().nullNode(), JSON.getNodeFactory().numberNode(-1)});
            case 5 -> {
                int depth = 500 + r.nextInt(20_000);
                bare.add(r.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
                value = JSON.getNodeFactory().textNode("\u00B6" + (bare.size() - 1) + "\u00B6");
            }
            case 6 -> value = JSON.getNodeFactory().textNode("x".repeat(1 + r.nextInt(20_000)));
            default -> value = null;
        }
        if (parent instanceof ObjectNode o) {
            if (value == null) {
                o.remove(field);
            } else {
                o.set(field, value);
            }
        } else {
            ArrayNode a = (ArrayNode) parent;
            if (value == null) {
                a.remove(index);
            } else {
                a.set(index, value);
            }
        }
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode() && out.size() < 500) {
            out.add(n);
            n.forEach(c -> collect(c, out));
        }
    }

    /** Text put into the JSON after it is written: string contents Jackson would not write, and bare values. */
    private static final class Raw {
        final List<String> quoted = new ArrayList<>();
        final List<String> bare = new ArrayList<>();
    }

    /** The JSON with each placeholder replaced by its raw (already escaped) string content or bare value. */
    private static String withRaw(String json, Raw raw) {
        String out = json;
        for (int i = 0; i < raw.quoted.size(); i++) {
            out = out.replace("\u00A7" + i + "\u00A7", raw.quoted.get(i));
        }
        for (int i = 0; i < raw.bare.size(); i++) {
            out = out.replace("\"\u00B6" + i + "\u00B6\"", raw.bare.get(i));
        }
        return out;
    }

    private static byte[] mutateBytes(byte[] body, Random r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (r.nextInt(5)) {
            case 0 -> out.write(body, 0, r.nextInt(Math.max(1, body.length)));
            case 1 -> {
                int at = r.nextInt(Math.max(1, body.length));
                out.write(body, 0, at);
                byte[] odd = pick(r, new byte[][] {{0}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}});
                out.write(odd, 0, odd.length);
                out.write(body, at, body.length - at);
            }
            case 2 -> {
                out.write(new byte[] {(byte) 0xFE, (byte) 0xFF}, 0, 2);
                byte[] utf16 = new String(body, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16BE);
                out.write(utf16, 0, utf16.length);
            }
            case 3 -> {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, 0, 3);
                out.write(body, 0, body.length);
            }
            default -> {
                byte[] noise = new byte[1 + r.nextInt(2000)];
                r.nextBytes(noise);
                out.write(noise, 0, noise.length);
            }
        }
        return out.toByteArray();
    }

    /** Rewrites every id of the recorded user (5301234567) to {@code chat}, so each request is its own respondent. */
    private static void replaceIds(JsonNode n, long chat) {
        if (n instanceof ObjectNode o) {
            o.fields().forEachRemaining(e -> {
                if (e.getValue().isNumber() && e.getValue().asLong() == 5301234567L) {
                    o.put(e.getKey(), chat);
                } else {
                    replaceIds(e.getValue(), chat);
                }
            });
        } else if (n instanceof ArrayNode a) {
            a.forEach(c -> replaceIds(c, chat));
        }
    }

    // ---- plumbing ----------------------------------------------------------------------------

    private static Req authed(String token, String method, String path, String body, String type) {
        Req q = new Req(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8)).header("Authorization", "Bearer " + token);
        return type == null ? q : q.header("Content-Type", type);
    }

    private static Req json(String method, String path, String body, String unused) {
        return new Req(method, path, body).header("Content-Type", "application/json");
    }

    /**
     * One request as raw HTTP/1.1 on its own connection: the path goes on the wire exactly as written
     * (broken escapes included, which java.net.URI refuses to build).
     */
    static final class Req {
        final String method;
        final String target;
        final byte[] body;
        final Map<String, String> headers = new java.util.LinkedHashMap<>();

        Req(String method, String target, byte[] body) {
            this.method = method;
            this.target = target;
            this.body = body;
        }

        Req(String method, String target, String body) {
            this(method, target, body.getBytes(StandardCharsets.UTF_8));
        }

        Req header(String name, String value) {
            headers.put(name, value);
            return this;
        }
    }

    static Outcome call(String what, Req q) {
        String shown = what + " " + q.method + " " + abbreviate(q.target);
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(q.method).append(' ').append(q.target.replace(" ", "%20").replace("\r", "").replace("\n", ""))
                    .append(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
            q.headers.forEach((k, v) -> head.append(k).append(": ").append(v.replace("\r", "").replace("\n", "")).append("\r\n"));
            if (q.body != null) {
                head.append("Content-Length: ").append(q.body.length).append("\r\n");
            }
            head.append("\r\n");
            var out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (q.body != null) {
                out.write(q.body);
            }
            out.flush();
            byte[] answer = socket.getInputStream().readAllBytes();
            String text = new String(answer, StandardCharsets.UTF_8);
            if (!text.startsWith("HTTP/1.1 ") || text.length() < 12) {
                return new Outcome(shown, 0, "no status line: " + abbreviate(text));
            }
            int status = Integer.parseInt(text.substring(9, 12));
            int bodyAt = text.indexOf("\r\n\r\n");
            return new Outcome(shown, status, bodyAt < 0 ? "" : text.substring(bodyAt + 4));
        } catch (IOException e) {
            return new Outcome(shown, 0, "no answer: " + e);
        }
    }

    private static URI uri(String path) {
        return URI.create(RestAssured.baseURI + ":" + RestAssured.port + path);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = HostileInputFuzzTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return in.readAllBytes();
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static <T> T pick(Random r, T[] options) {
        return options[r.nextInt(options.length)];
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
