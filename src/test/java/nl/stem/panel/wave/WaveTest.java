package nl.stem.panel.wave;

import static nl.stem.api.ApiTokensForTests.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import nl.stem.api.ApiTokensForTests;
import nl.stem.api.PublishedForTests;
import nl.stem.channel.telegram.FakeBotApi;
import nl.stem.channel.telegram.TelegramUser;
import nl.stem.channel.whatsapp.FakeTwilioControl;
import nl.stem.channel.whatsapp.Phone;
import nl.stem.panel.PanelFixture;
import nl.stem.panel.SessionExpiry;

/** Waves end to end: launch, invitations over both fake providers, answers, STOP, reminders, expiry, close, feedback. */
@QuarkusTest
class WaveTest {
    static final Map<String, Object> NO_QUIET = Map.of("start", "00:00", "end", "00:00");

    @Inject
    DataSource db;
    @Inject
    Reminders reminders;
    @Inject
    SessionExpiry expiry;
    @Inject
    WaveLifecycle lifecycle;

    PanelFixture panel;
    String survey;

    @BeforeEach
    void setUp() {
        FakeBotApi.get(); // Telegram invitations need the fake Bot API up before they are queued.
        panel = new PanelFixture(db);
        survey = publishSurvey("wave_" + panel.prefix);
    }

    @AfterEach
    void retire() {
        PublishedForTests.retireAll();
    }

    /** A three-question survey in Dutch and Arabic; the third only after "ja". */
    static String publishSurvey(String id) {
        String yaml = """
                id: %s
                title: Golfvragen
                source_language: nl
                languages: [nl, ar]
                questions:
                  - id: werk
                    type: single_choice
                    text: "Heb je werk?"
                    choices:
                      - {id: ja, label: Ja}
                      - {id: nee, label: Nee}
                    ioi: [work.employment_status]
                  - id: jaren
                    type: number
                    text: "Hoeveel jaar woon je in Nederland?"
                    min: 0
                    max: 80
                    ioi: [stability]
                  - id: uren
                    type: number
                    text: "Hoeveel uur per week werk je?"
                    min: 0
                    max: 80
                    when: "werk == 'ja'"
                    ioi: [work.job_quality]
                """.formatted(id);
        String ar = """
                msgid ""
                msgstr ""
                "Language: ar\\n"

                msgctxt "survey.title"
                msgid "Golfvragen"
                msgstr "أسئلة الموجة"

                msgctxt "werk.text"
                msgid "Heb je werk?"
                msgstr "هل لديك عمل؟"

                msgctxt "werk.choice.ja"
                msgid "Ja"
                msgstr "نعم"

                msgctxt "werk.choice.nee"
                msgid "Nee"
                msgstr "لا"

                msgctxt "jaren.text"
                msgid "Hoeveel jaar woon je in Nederland?"
                msgstr "كم سنة تعيش في هولندا؟"

                msgctxt "uren.text"
                msgid "Hoeveel uur per week werk je?"
                msgstr "كم ساعة في الأسبوع تعمل؟"
                """;
        PublishedForTests.remember(id);
        ApiTokensForTests.researcher().contentType(ContentType.JSON)
                .body(Map.of("survey", Map.of("file", id + ".yaml", "content", yaml), "translations", Map.of("ar", ar)))
                .post("/api/surveys").then().log().ifValidationFails().statusCode(201);
        return id;
    }

    JsonPath launch(Map<String, Object> body) {
        return as("coordinator").contentType(ContentType.JSON).body(body).post("/api/waves")
                .then().statusCode(201).extract().jsonPath();
    }

    Map<String, Object> wave(List<String> members, Object... extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "Golf " + panel.prefix, "survey", survey,
                "members", members.stream().map(panel::id).toList(), "quietHours", NO_QUIET));
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return body;
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void launch_invitesReachableMembersOnTheirChannel_andReportsWhoWasLeftOut() throws Exception {
        Phone phone = Phone.fresh();
        TelegramUser linked = TelegramUser.create("ar");
        panel.member("wa", "whatsapp", phone.from, "ar", null, "{\"region\":\"Utrecht\"}");
        panel.member("out", "whatsapp", Phone.fresh().from, "nl", null, null);
        panel.update("update respondents set opted_out_at = now() where member_id = ?", panel.id("out"));
        panel.member("gone", "whatsapp", Phone.fresh().from, "nl", null, null);
        panel.update("update channel_identities set unreachable_at = now() where respondent_id = "
                + "(select id from respondents where member_id = ?)", panel.id("gone"));
        panel.member("tg", "telegram", linked.chat(), "ar", null, null);
        panel.member("pending", "telegram", null, "nl", null, null);
        UUID capped = panel.member("capped", "whatsapp", Phone.fresh().from, "nl", null, null);
        contacts(capped, 4, Instant.now().minus(Duration.ofDays(2)));

        JsonPath report = launch(wave(List.of("wa", "out", "gone", "tg", "pending", "capped"), "reminderHours", List.of(48)));
        long id = report.getLong("wave");
        assertEquals(3, report.getInt("invited"));
        assertEquals(2, report.getInt("messages"));
        assertEquals(1, report.getInt("links"));
        assertEquals(Map.of("opted_out", 1, "unreachable", 1, "frequency_cap", 1), report.getMap("excluded"));

        // WhatsApp: outside the 24-hour window only the Arabic invitation template may go.
        await("the WhatsApp invitation", () -> !FakeTwilioControl.messagesTo(phone.from).isEmpty());
        Map<String, String> sent = FakeTwilioControl.messagesTo(phone.from).get(0);
        assertEquals("HXinvitear00000000000000000000000", sent.get("ContentSid"));
        assertTrue(sent.get("ContentVariables").contains("أسئلة الموجة"), sent.get("ContentVariables"));
        // Telegram: a message with a Start button.
        await("the Telegram invitation", () -> !FakeBotApi.get().messagesTo(linked.chat()).isEmpty());
        FakeBotApi.Call call = FakeBotApi.get().messagesTo(linked.chat()).get(0);
        assertTrue(call.text().contains("أسئلة الموجة"), call.text());
        assertEquals(List.of("start:" + survey), call.callbackData());

        String links = as("coordinator").get("/api/waves/" + id + "/links.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertTrue(links.startsWith("member_id,language,link,opened\r\n"), links);
        assertTrue(links.contains(panel.id("pending") + ",nl,https://t.me/StemTestBot?start="), links);
        assertEquals(2, links.split("\r\n").length);

        as("coordinator").get("/api/waves/" + id).then().statusCode(200).body("invited", equalTo(3)).body("links", equalTo(1))
                .body("status", equalTo("open")).body("survey", equalTo(survey)).body("reminderHours", equalTo(List.of(48)));
        assertEquals(3L, panel.value("select count(*) from panel_contacts where wave_id = ? and kind = 'invitation'", id));
        assertEquals(2L, panel.value("select count(*) from wave_members where wave_id = ? and next_reminder_at is not null "
                + "and invite_outbox_id is not null", id));
        as("coordinator").post("/api/waves/" + id + "/close").then().statusCode(200);
    }

    @Test
    void invitations_areAnsweredInTheWave_andStopOptsOutOfThePanel() throws Exception {
        Phone answering = Phone.fresh();
        Phone stopping = Phone.fresh();
        TelegramUser pending = TelegramUser.create("nl");
        UUID a = panel.member("answers", "whatsapp", answering.from, "ar", null, null);
        UUID s = panel.member("stops", "whatsapp", stopping.from, "nl", null, null);
        UUID p = panel.member("pending", "telegram", null, "nl", null, null);
        long id = launch(wave(List.of("answers", "stops", "pending"))).getLong("wave");

        answering.text("مرحبا");
        answering.text("١");
        answering.text("٥");
        answering.text("32");
        Object[] session = panel.rows("select s.wave_id, s.status, s.language, s.answered, s.applicable, wm.session_id = s.id "
                + "from sessions s join wave_members wm on wm.respondent_id = s.respondent_id where s.respondent_id = ?", a).get(0);
        assertEquals(id, session[0]);
        assertEquals("completed", session[1]);
        assertEquals("ar", session[2]);
        assertEquals(3, session[3]);
        assertEquals(3, session[4]);
        assertEquals(true, session[5]);
        assertEquals(3L, panel.value("select count(*) from answers where respondent_id = ? and wave_id = ?", a, id));

        stopping.text("STOP");
        assertNotNull(panel.value("select opted_out_at from respondents where id = ?", s));
        assertEquals(0L, panel.value("select count(*) from sessions where respondent_id = ?", s));
        assertTrue(String.valueOf(panel.value("select payload->>'text' from outbox where respondent_id = ? and priority = 0", s))
                .contains("geen uitnodigingen meer"));

        String links = as("coordinator").get("/api/waves/" + id + "/links.csv").then().statusCode(200).extract().asString();
        String token = links.substring(links.indexOf("start=") + 6, links.indexOf(",no"));
        pending.text("/start " + token).statusCode(200);
        assertEquals(id, panel.value("select wave_id from sessions where respondent_id = ?", p));
        assertEquals("yes", as("coordinator").get("/api/waves/" + id + "/links.csv").then().extract().asString()
                .split("\r\n")[1].split(",")[3]);

        // Coming back: "start" after a stop starts the wave's survey again and ends the opt-out.
        stopping.text("start");
        assertNull(panel.value("select opted_out_at from respondents where id = ?", s));
        assertEquals(id, panel.value("select wave_id from sessions where respondent_id = ?", s));
        as("coordinator").get("/api/waves/" + id).then().body("started", equalTo(3)).body("completed", equalTo(1));
        as("coordinator").post("/api/waves/" + id + "/close").then().statusCode(200);
    }

    @Test
    void reminders_skipWhoFinishedStoppedOrIsCapped_andWaitForQuietHoursToEnd() throws Exception {
        // 19:00Z is 20:00 in Amsterdam and 14:00 in New York: invitations go at once.
        Instant t0 = Instant.parse("2027-01-04T19:00:00Z");
        UUID done = panel.member("done", "whatsapp", Phone.fresh().from, "nl", null, null);
        UUID out = panel.member("out", "whatsapp", Phone.fresh().from, "nl", null, null);
        UUID ny = panel.member("ny", "whatsapp", Phone.fresh().from, "nl", "America/New_York", null);
        UUID ams = panel.member("ams", "telegram", TelegramUser.create("nl").chat(), "nl", null, null);
        UUID capped = panel.member("capped", "whatsapp", Phone.fresh().from, "nl", null, null);
        Map<String, Object> body = wave(List.of("done", "out", "ny", "ams", "capped"), "inviteAt", t0.toString(),
                "reminderHours", List.of(48, 96));
        body.remove("quietHours");
        long id = launch(body).getLong("wave");
        assertEquals(t0, panel.value("select invited_at from wave_members where respondent_id = ?", ams));
        contacts(capped, 3, t0.plus(Duration.ofHours(1)));
        panel.update("update respondents set opted_out_at = ? where id = ?", t0.plus(Duration.ofHours(2)), out);
        completedSession(done, id, t0.plus(Duration.ofHours(3)));

        // The scheduler's passes are global; other waves in the database may be due too, so each member is checked.
        reminders.run(t0.plus(Duration.ofHours(47)));
        assertEquals(List.of(), reminderTimes(ny));
        // 22:00Z: 23:00 in Amsterdam (quiet until 09:00 = 08:00Z), 17:00 in New York.
        Instant firstPass = t0.plus(Duration.ofHours(51));
        reminders.run(firstPass);
        assertEquals(List.of(Instant.parse("2027-01-07T08:00:00Z")), reminderTimes(ams));
        assertEquals(List.of(firstPass), reminderTimes(ny));
        assertEquals(List.of(), reminderTimes(done));
        assertEquals(List.of(), reminderTimes(out));
        assertEquals(List.of(), reminderTimes(capped));
        reminders.run(firstPass);
        assertEquals(1, reminderTimes(ny).size());
        assertEquals(t0.plus(Duration.ofHours(96)), panel.value("select next_reminder_at from wave_members where respondent_id = ?", ny));
        assertNull(panel.value("select next_reminder_at from wave_members where respondent_id = ?", done));
        assertNull(panel.value("select next_reminder_at from wave_members where respondent_id = ?", out));

        reminders.run(t0.plus(Duration.ofHours(97)));
        assertEquals(2, reminderTimes(ny).size());
        assertEquals(2, panel.value("select reminders_sent from wave_members where respondent_id = ?", ams));
        assertNull(panel.value("select next_reminder_at from wave_members where respondent_id = ?", ny));
        assertTrue(String.valueOf(panel.value("select payload->>'text' from outbox o join panel_contacts c on c.outbox_id = o.id "
                + "where c.respondent_id = ? and c.kind = 'reminder' limit 1", ny)).contains("herinnering"));
        reminders.run(t0.plus(Duration.ofDays(30)));
        assertEquals(2, reminderTimes(ny).size());
        assertEquals(List.of(), reminderTimes(capped));

        // Closing cancels what is still queued, reminders included (the scheduler does it; here the test).
        as("coordinator").post("/api/waves/" + id + "/close").then().statusCode(200).body("status", equalTo("closed"));
        lifecycle.cancelQueued();
        assertNotNull(panel.value("select cancelled_at from waves where id = ?", id));
        assertEquals(0L, panel.value("select count(*) from outbox o join wave_members wm on wm.invite_outbox_id = o.id "
                + "where wm.wave_id = ? and o.status = 'queued'", id));
        assertEquals(0L, panel.value("select count(*) from outbox o join panel_contacts c on c.outbox_id = o.id "
                + "where c.wave_id = ? and o.status = 'queued'", id));
        as("coordinator").post("/api/waves/" + id + "/close").then().statusCode(409);
    }

    @Test
    void launch_duringQuietHours_queuesEachInvitationForTheMorningInTheMembersZone() throws Exception {
        Instant late = Instant.parse("2027-02-01T22:30:00Z");
        UUID ams = panel.member("ams", "whatsapp", Phone.fresh().from, "nl", null, null);
        UUID kabul = panel.member("kabul", "whatsapp", Phone.fresh().from, "fa", "Asia/Kabul", null);
        UUID ny = panel.member("ny", "whatsapp", Phone.fresh().from, "en", "America/New_York", null);
        Map<String, Object> body = wave(List.of("ams", "kabul", "ny"), "inviteAt", late.toString());
        body.put("quietHours", Map.of("start", "21:00", "end", "09:00"));
        long id = launch(body).getLong("wave");
        assertEquals(Instant.parse("2027-02-02T08:00:00Z"), inviteTime(ams));
        assertEquals(Instant.parse("2027-02-02T04:30:00Z"), inviteTime(kabul));
        assertEquals(late, inviteTime(ny));
        as("coordinator").post("/api/waves/" + id + "/close").then().statusCode(200);
    }

    @Test
    void expiredSession_endsForRates_andTheNextMessageStartsAfresh() throws Exception {
        Phone phone = Phone.fresh();
        UUID m = panel.member("quiet", "whatsapp", phone.from, "nl", null, null);
        long id = launch(wave(List.of("quiet"))).getLong("wave");
        phone.text("hallo");
        phone.text("2");
        UUID first = (UUID) panel.value("select id from sessions where respondent_id = ?", m);
        panel.update("update sessions set updated_at = now() - interval '19 hours' where id = ?", first);

        assertTrue(expiry.run(Instant.now()) >= 1);
        assertEquals("expired", panel.value("select status from sessions where id = ?", first));
        phone.text("hallo");
        List<Object[]> sessions = panel.rows("select id, wave_id, status from sessions where respondent_id = ? order by started_at", m);
        assertEquals(2, sessions.size());
        assertEquals(id, sessions.get(1)[1]);
        assertEquals(sessions.get(1)[0], panel.value("select session_id from wave_members where respondent_id = ?", m));
        assertTrue(String.valueOf(panel.value("select string_agg(payload->>'text', ' ') from outbox where respondent_id = ? "
                + "and priority = 0", m)).contains("opnieuw bij het begin"));
        as("coordinator").post("/api/waves/" + id + "/close").then().statusCode(200);
    }

    @Test
    void feedback_goesOnceToWhoTookPart_afterTheWaveIsClosed() throws Exception {
        Phone took = Phone.fresh();
        Phone silent = Phone.fresh();
        panel.member("took", "whatsapp", took.from, "ar", null, null);
        panel.member("silent", "whatsapp", silent.from, "nl", null, null);
        long id = launch(wave(List.of("took", "silent"))).getLong("wave");
        took.text("hi");
        took.text("2");
        String path = "/api/waves/" + id + "/feedback";
        Map<String, Object> texts = Map.of("texts", Map.of("nl", "We hebben geleerd dat werk vinden lang duurt."));
        as("coordinator").contentType(ContentType.JSON).body(texts).post(path).then().statusCode(409).body("code", equalTo("wave_open"));
        as("coordinator").post("/api/waves/" + id + "/close").then().statusCode(200);
        as("coordinator").contentType(ContentType.JSON).body(texts).post(path).then().statusCode(422)
                .body("message", containsString("ar"));
        as("coordinator").contentType(ContentType.JSON).body(Map.of("texts", Map.of("nl", "x".repeat(1001)))).post(path)
                .then().statusCode(400);
        as("coordinator").contentType(ContentType.JSON)
                .body(Map.of("texts", Map.of("ar", "تعلمنا أن إيجاد العمل يستغرق وقتًا.", "default", "We learned a lot.")))
                .post(path).then().statusCode(202).body("recipients", equalTo(1));
        await("the feedback message", () -> FakeTwilioControl.messagesTo(took.from).stream()
                .anyMatch(msg -> String.valueOf(msg.get("Body")).contains("تعلمنا") || String.valueOf(msg.get("ContentVariables")).contains("تعلمنا")));
        assertFalse(FakeTwilioControl.messagesTo(silent.from).stream()
                .anyMatch(msg -> String.valueOf(msg.get("ContentVariables")).contains("learned")));
        as("coordinator").contentType(ContentType.JSON).body(texts).post(path).then().statusCode(409).body("code", equalTo("feedback_sent"));
    }

    @Test
    void badRequests_getClearAnswers() throws Exception {
        panel.member("m", "whatsapp", Phone.fresh().from, "nl", null, null);
        panel.member("out", "whatsapp", Phone.fresh().from, "nl", null, null);
        panel.update("update respondents set opted_out_at = now() where member_id = ?", panel.id("out"));
        String retired = publishSurvey("wave_retired_" + panel.prefix);
        ApiTokensForTests.researcher().post("/api/surveys/" + retired + "/retire").then().statusCode(200);

        post(Map.of("name", "x", "survey", "no_such_survey")).then().statusCode(422).body("code", equalTo("unknown_survey"));
        post(Map.of("name", "x", "survey", retired)).then().statusCode(409).body("code", equalTo("survey_retired"));
        post(wave(List.of("out"))).then().statusCode(422).body("code", equalTo("no_reachable_member"))
                .body("message", containsString("opted_out"));
        post(wave(List.of("m", "nobody"))).then().statusCode(422).body("code", equalTo("unknown_members"))
                .body("message", containsString(panel.id("nobody")));
        post(wave(List.of("m"), "reminderHours", List.of(48, 24))).then().statusCode(400).body("code", equalTo("bad_reminder_hours"));
        post(wave(List.of("m"), "reminderHours", List.of(1, 2, 3, 4, 5, 6))).then().statusCode(400);
        post(Map.of("survey", survey)).then().statusCode(400).body("code", equalTo("bad_name"));
        post(wave(List.of("m"), "filter", Map.of("channel", "sms"))).then().statusCode(400);
        as("coordinator").contentType(ContentType.JSON).body("{\"name\": ").post("/api/waves").then().statusCode(400);
        ApiTokensForTests.researcher().contentType(ContentType.JSON).body(wave(List.of("m"))).post("/api/waves").then().statusCode(403);
        RestAssured.given().contentType(ContentType.JSON).body(wave(List.of("m"))).post("/api/waves").then().statusCode(401);
        as("coordinator").get("/api/waves/999999999").then().statusCode(404);
        as("coordinator").get("/api/waves/999999999/links.csv").then().statusCode(404);
        as("coordinator").post("/api/waves/999999999/close").then().statusCode(404);
        assertEquals(0L, panel.value("select count(*) from wave_members wm join respondents r on r.id = wm.respondent_id "
                + "where r.member_id like ?", panel.prefix + "%"));
    }

    @Test
    void dryRun_queuesNothing_andBadInputGetsClearAnswers() throws Exception {
        panel.member("m", "whatsapp", Phone.fresh().from, "ar", null, null);
        panel.member("out", "whatsapp", Phone.fresh().from, "nl", null, null);
        panel.update("update respondents set opted_out_at = now() where member_id = ?", panel.id("out"));
        long before = (Long) panel.value("select count(*) from outbox");

        JsonPath dry = post(wave(List.of("m", "out"), "dryRun", true, "reminderHours", List.of(48))).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, dry.getInt("invited"));
        assertEquals(List.of(panel.id("m")), dry.getList("members"));
        assertEquals(List.of(Map.of("member", panel.id("out"), "reason", "opted_out")), dry.getList("leftOut"));
        assertEquals(1, dry.getInt("schedule[0].invitations"));
        assertEquals("whatsapp", dry.getString("schedule[0].channel"));
        assertEquals(List.of(), dry.getList("problems"));
        assertEquals(before, panel.value("select count(*) from outbox"), "nothing queued");
        assertEquals(0L, panel.value("select count(*) from wave_members wm join respondents r on r.id = wm.respondent_id "
                + "where r.member_id like ?", panel.prefix + "%"), "no wave made");

        // Nobody to invite: the dry run says why (the launch would refuse), in words and with the reason's code.
        JsonPath nobody = post(wave(List.of("out"), "dryRun", true)).then().statusCode(200).extract().jsonPath();
        assertEquals(0, nobody.getInt("invited"));
        assertTrue(nobody.getString("problems[0]").contains("1 opted out (opted_out)"), nobody.getString("problems[0]"));

        post(wave(List.of("m"), "dryRun", "yes")).then().statusCode(400);
        post(wave(List.of("m"), "dryRun", Map.of("deep", List.of(1)))).then().statusCode(400);
        post(wave(List.of("m"), "dryRun", true, "inviteAt", "morgen")).then().statusCode(400);
        post(Map.of("survey", survey, "dryRun", true)).then().statusCode(400).body("code", equalTo("bad_name"));
        post(wave(List.of("m", "nobody"), "dryRun", true)).then().statusCode(422).body("code", equalTo("unknown_members"));
        as("coordinator").contentType(ContentType.JSON).body("{\"dryRun\": true, \"name\": \"x\u0000\"}").post("/api/waves")
                .then().statusCode(400);
        as("coordinator").get("/api/waves/999999999/delivery").then().statusCode(404).body("code", equalTo("unknown_wave"));
        as("coordinator").get("/api/waves/abc/delivery").then().statusCode(404);
        ApiTokensForTests.researcher().get("/api/waves/1/delivery").then().statusCode(403);
        assertEquals(before, panel.value("select count(*) from outbox"), "nothing queued");
    }

    io.restassured.response.Response post(Map<String, Object> body) {
        return as("coordinator").contentType(ContentType.JSON).body(body).post("/api/waves");
    }

    private void contacts(UUID respondent, int n, Instant at) throws Exception {
        panel.update("insert into waves (name, survey_version_id, invite_at, created_by, created_at, status) "
                + "select 'earlier', max(id), now(), 'test', now(), 'closed' from survey_versions");
        for (int i = 0; i < n; i++) {
            panel.update("insert into panel_contacts (respondent_id, wave_id, kind, at) values (?, (select max(id) from waves "
                    + "where name = 'earlier'), 'invitation', ?)", respondent, at);
        }
    }

    private void completedSession(UUID respondent, long wave, Instant at) throws Exception {
        UUID session = UUID.randomUUID();
        panel.update("insert into sessions (id, respondent_id, survey_version_id, channel, status, state, started_at, updated_at, "
                + "completed_at, wave_id, answered, applicable) select ?, ?, survey_version_id, 'whatsapp', 'completed', '{}', ?, ?, ?, id, 3, 3 "
                + "from waves where id = ?", session, respondent, at, at, at, wave);
        panel.update("update wave_members set session_id = ? where wave_id = ? and respondent_id = ?", session, wave, respondent);
    }

    private List<Instant> reminderTimes(UUID respondent) throws Exception {
        return panel.rows("select o.next_attempt_at from panel_contacts c join outbox o on o.id = c.outbox_id "
                + "where c.respondent_id = ? and c.kind = 'reminder' order by o.id", respondent).stream().map(r -> (Instant) r[0]).toList();
    }

    private Instant inviteTime(UUID respondent) throws Exception {
        return (Instant) panel.value("select o.next_attempt_at from wave_members wm join outbox o on o.id = wm.invite_outbox_id "
                + "where wm.respondent_id = ?", respondent);
    }
}
