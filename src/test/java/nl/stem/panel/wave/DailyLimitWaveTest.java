package nl.stem.panel.wave;

import static nl.stem.api.ApiTokensForTests.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import nl.stem.api.PublishedForTests;
import nl.stem.channel.whatsapp.FakeTwilioControl;
import nl.stem.channel.whatsapp.NewNumberProfile;
import nl.stem.channel.whatsapp.Phone;
import nl.stem.outbox.OutboxSender;
import nl.stem.panel.PanelFixture;
import nl.stem.time.MovableClock;

/**
 * A 600-member WhatsApp wave on a new number (Meta's limit: 250 new conversations per rolling 24
 * hours), against the fake Twilio, with the service's clock moved by hand: the dry run's three-day
 * schedule and cost, then the launch doing exactly that, members who write not counted, nothing
 * lost or sent twice, and the limit held even when a row is forced due early.
 */
@QuarkusTest
@TestProfile(NewNumberProfile.class)
class DailyLimitWaveTest {
    static final int MEMBERS = 600;
    static final int LIMIT = 250;
    static final int WROTE_BEFORE = 10;
    static final String TEMPLATE = NewNumberProfile.TEMPLATE_NL;
    /** 09:30Z is 10:30 in Amsterdam: outside the default quiet hours (21:00-09:00), on each of the three days. */
    static final Instant T0 = Instant.parse("2031-03-04T09:30:00Z");
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Inject
    DataSource db;
    @Inject
    MovableClock clock;
    @Inject
    OutboxSender sender;
    @Inject
    Reminders reminders;

    PanelFixture panel;
    String survey;
    final List<Phone> phones = new ArrayList<>();
    final List<String> ids = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        clock.set(T0);
        panel = new PanelFixture(db);
        // Alone on the number: other classes' messages still queued for some later date (a wave planned for
        // 2027, say) would fall due as the clock jumps to 2031 and take places; and an earlier run's count goes.
        panel.update("update outbox set status = 'cancelled', last_error = 'cancelled by DailyLimitWaveTest' where status = 'queued'");
        panel.update("update outbox set conversation_started_at = null where conversation_started_at is not null");
        survey = WaveTest.publishSurvey("limit_" + panel.prefix);
    }

    private void enrol600() throws Exception {
        for (int i = 0; i < MEMBERS; i++) {
            Phone p = Phone.fresh();
            phones.add(p);
            ids.add("m" + i);
            panel.member("m" + i, "whatsapp", p.from, "nl", null, null);
        }
        // The last ten wrote to the number an hour ago: their window is open, so they cost no conversation.
        for (int i = MEMBERS - WROTE_BEFORE; i < MEMBERS; i++) {
            panel.update("update channel_identities set last_inbound_at = ? where provider_id = ?", T0.minus(Duration.ofHours(1)),
                    phones.get(i).from);
        }
    }

    @AfterEach
    void tearDown() {
        PublishedForTests.retireAll();
    }

    Map<String, Object> wave(boolean dryRun) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Groot " + panel.prefix, "survey", survey,
                "members", ids.stream().map(panel::id).toList(), "inviteAt", T0.toString(), "reminderHours", List.of(24)));
        if (dryRun) {
            body.put("dryRun", true);
        }
        return body;
    }

    @Test
    void aWaveOf600_onANewNumber_goesOverThreeDaysWithin250NewConversations_andNothingIsLostOrSentTwice() throws Exception {
        enrol600();
        // The dry run: a three-day schedule and its cost, nothing queued. (Invitations at T0, a few seconds ahead.)
        clock.set(T0.minusSeconds(10));
        long outboxBefore = count("select count(*) from outbox");
        JsonPath dry = as("coordinator").contentType(ContentType.JSON).body(wave(true)).post("/api/waves")
                .then().log().ifValidationFails().statusCode(200).extract().jsonPath();
        assertEquals(outboxBefore, count("select count(*) from outbox"), "a dry run queues nothing");
        assertEquals(MEMBERS, dry.getInt("invited"));
        assertEquals(MEMBERS, dry.getList("members").size());
        assertEquals(List.of(), dry.getList("problems"));
        Map<String, List<Integer>> schedule = new TreeMap<>();
        for (Map<String, Object> day : dry.<Map<String, Object>>getList("schedule")) {
            schedule.put(day.get("date") + "/" + day.get("channel"), List.of((Integer) day.get("invitations"), (Integer) day.get("templates")));
        }
        LocalDate d1 = LocalDate.ofInstant(T0, AMSTERDAM);
        assertEquals(Map.of(d1 + "/whatsapp", List.of(LIMIT + WROTE_BEFORE, LIMIT),
                d1.plusDays(1) + "/whatsapp", List.of(LIMIT, LIMIT),
                d1.plusDays(2) + "/whatsapp", List.of(MEMBERS - WROTE_BEFORE - 2 * LIMIT, MEMBERS - WROTE_BEFORE - 2 * LIMIT)), schedule);
        Instant lastPlanned = Instant.parse(dry.getString("lastInvitationAt"));
        assertEquals(T0.plus(Duration.ofHours(48)), lastPlanned, "250 at T0, 250 a day later, the rest two days later");
        Map<String, Object> line = dry.<Map<String, Object>>getList("cost.lines").get(0);
        assertEquals(List.of("whatsapp", "marketing", 31, MEMBERS - WROTE_BEFORE), List.of(line.get("channel"), line.get("category"),
                line.get("countryCode"), line.get("messages")));
        assertEquals(0, new BigDecimal("94.2230").compareTo(new BigDecimal(dry.getString("cost.total"))), dry.getString("cost.total"));
        assertEquals("USD", dry.getString("cost.currency"));
        assertEquals(0, new BigDecimal("188.4460").compareTo(new BigDecimal(dry.getString("cost.withRemindersAtMost"))),
                "if every member got the reminder too");

        // The launch does what the dry run said.
        JsonPath report = as("coordinator").contentType(ContentType.JSON).body(wave(false)).post("/api/waves")
                .then().log().ifValidationFails().statusCode(201).extract().jsonPath();
        long wave = report.getLong("wave");
        assertEquals(MEMBERS, report.getInt("messages"));
        assertEquals(lastPlanned, Instant.parse(report.getString("lastInvitationAt")));
        Map<String, List<Integer>> queued = new TreeMap<>();
        for (Object[] r : panel.rows("""
                select to_char(o.next_attempt_at at time zone 'Europe/Amsterdam', 'YYYY-MM-DD') || '/' || o.channel,
                       count(*), count(*) filter (where o.business_initiated)
                from outbox o join wave_members wm on wm.invite_outbox_id = o.id where wm.wave_id = ? group by 1""", wave)) {
            queued.put((String) r[0], List.of(((Number) r[1]).intValue(), ((Number) r[2]).intValue()));
        }
        assertEquals(schedule, queued, "the outbox holds the dry run's schedule");

        // Day 1: exactly 250 templates, and the ten whose window is open get the invitation as text, free.
        sender.wake();
        await("day 1's invitations", () -> invitationsSent(wave) == LIMIT + WROTE_BEFORE);
        assertEquals(LIMIT, templatesTo(phones).size());
        for (int i = MEMBERS - WROTE_BEFORE; i < MEMBERS; i++) {
            List<Map<String, String>> got = FakeTwilioControl.messagesTo(phones.get(i).from);
            assertEquals(1, got.size());
            assertNull(got.get(0).get("ContentSid"), "inside the window the invitation goes as text");
        }
        JsonPath delivery = as("coordinator").get("/api/waves/" + wave + "/delivery").then().statusCode(200).extract().jsonPath();
        assertEquals(LIMIT + WROTE_BEFORE, delivery.getInt("channels[0].sent"));
        assertEquals(MEMBERS - LIMIT - WROTE_BEFORE, delivery.getInt("channels[0].queued"));
        assertEquals("daily_limit", delivery.getString("channels[0].problems[0].reason"));
        assertEquals("waiting", delivery.getString("channels[0].problems[0].state"));
        assertTrue(delivery.getString("channels[0].problems[0].todo").contains("the next go on 5 March 2031 at 10:30"),
                delivery.getString("channels[0].problems[0].todo"));

        // Members who answer open their window: their conversation is free and costs no place.
        List<Phone> answering = phones.subList(0, MEMBERS - WROTE_BEFORE).stream()
                .filter(p -> !FakeTwilioControl.messagesTo(p.from).isEmpty()).limit(5).toList();
        for (Phone p : answering) {
            p.text("hallo");
        }
        for (Phone p : answering) {
            await("the first question", () -> FakeTwilioControl.messagesTo(p.from).size() >= 2);
            assertNull(FakeTwilioControl.messagesTo(p.from).get(1).get("ContentSid"), "a reply in the window is free-form");
        }
        assertEquals(LIMIT, conversationsInLast24h(), "replies to members who wrote are not counted");

        // A row forced due early (as another instance's plan might) still waits for the limit, unsent.
        long early = ((Number) panel.value("select o.id from outbox o join wave_members wm on wm.invite_outbox_id = o.id "
                + "where wm.wave_id = ? and o.status = 'queued' order by o.id limit 1", wave)).longValue();
        String earlyTo = (String) panel.value("select recipient from outbox where id = ?", early);
        panel.update("update outbox set next_attempt_at = ? where id = ?", T0, early);
        sender.wake();
        await("the limit to send it back", () -> "daily_limit".equals(value("select failure_reason from outbox where id = ? "
                + "and status = 'queued' and next_attempt_at > ?", early, T0.plus(Duration.ofHours(23)))));
        assertEquals(List.of(), FakeTwilioControl.messagesTo(earlyTo), "over the limit nothing goes");

        // Day 2 and day 3: the rest, 250 and then 90.
        clock.set(T0.plus(Duration.ofHours(24)).plus(Duration.ofMinutes(5)));
        sender.wake();
        await("day 2's invitations", () -> invitationsSent(wave) == 2 * LIMIT + WROTE_BEFORE);
        Thread.sleep(500);
        assertEquals(2 * LIMIT + WROTE_BEFORE, invitationsSent(wave), "day 2 stops at the limit");
        clock.set(T0.plus(Duration.ofHours(48)).plus(Duration.ofMinutes(10)));
        sender.wake();
        await("day 3's invitations", () -> invitationsSent(wave) == MEMBERS);

        // Reminders count against the same limit: day 3's 90 new conversations leave 160 places. (The reminder
        // pass is global: other classes' open waves, whose slots the jump to 2031 made due, are closed first.)
        panel.update("update wave_members set next_reminder_at = null where wave_id <> ?", wave);
        int reminded = reminders.run(clock.instant());
        assertTrue(reminded > LIMIT, "reminders due for the members of days 1 and 2 who did not answer: " + reminded);
        long remindersNow = count("select count(*) from outbox o join panel_contacts c on c.outbox_id = o.id where c.wave_id = " + wave
                + " and c.kind = 'reminder' and o.business_initiated and o.next_attempt_at <= '" + clock.instant().plusSeconds(60) + "'");
        assertEquals(LIMIT - (MEMBERS - WROTE_BEFORE - 2 * LIMIT), remindersNow, "reminded " + reminded + "; starts in the last 24 h: "
                + count("select count(*) from outbox where conversation_started_at > '" + clock.instant().minus(Duration.ofHours(24)) + "'")
                + "; business rows queued: " + count("select count(*) from outbox where business_initiated and status = 'queued'")
                + "; reminders of other waves: " + count("select count(*) from panel_contacts c where c.kind = 'reminder' and c.wave_id <> " + wave
                + " and c.at > '" + clock.instant().minus(Duration.ofMinutes(5)) + "'"));
        assertEquals(reminded - remindersNow, count("select count(*) from outbox o join panel_contacts c on c.outbox_id = o.id "
                + "where c.wave_id = " + wave + " and c.kind = 'reminder' and o.failure_reason = 'daily_limit'"), "the rest wait a day");
        sender.wake();
        await("the reminders that fit", () -> count("select count(*) from outbox o join panel_contacts c on c.outbox_id = o.id "
                + "where c.wave_id = " + wave + " and c.kind = 'reminder' and o.status = 'sent'") == remindersNow);

        // Nothing lost, nothing twice: one invitation template for each of the 590, one text for each of the 10.
        List<Map<String, String>> templates = templatesTo(phones).stream()
                .filter(m -> !reminderTokens(wave).contains(m.get("token"))).toList();
        assertEquals(MEMBERS - WROTE_BEFORE, templates.size());
        assertEquals(MEMBERS - WROTE_BEFORE, new HashSet<>(templates.stream().map(m -> m.get("To")).toList()).size());
        assertEquals(0L, count("select count(*) from outbox o join wave_members wm on wm.invite_outbox_id = o.id "
                + "where wm.wave_id = " + wave + " and o.status <> 'sent'"));
        Map<String, String> vars = new com.fasterxml.jackson.databind.ObjectMapper().readValue(templates.get(0).get("ContentVariables"),
                new com.fasterxml.jackson.core.type.TypeReference<>() {
                });
        assertEquals(Map.of("1", "OpenEmbassy", "2", "Golfvragen", "3", "1"), vars, "the template's structured variables");
        // In no 24 hours did more than 250 people get a new conversation.
        assertEquals(0L, count("""
                select count(*) from outbox a where a.channel = 'whatsapp' and a.conversation_started_at is not null
                  and (select count(distinct b.recipient) from outbox b where b.channel = 'whatsapp'
                       and b.conversation_started_at > a.conversation_started_at - interval '24 hours'
                       and b.conversation_started_at <= a.conversation_started_at) > 250"""));
        as("coordinator").post("/api/waves/" + wave + "/close").then().statusCode(200);
        panel.update("update outbox set status = 'cancelled' where status = 'queued'");
    }

    @Test
    void launch_whenWhatsAppMembersHaveALanguageWithoutATemplate_isRefusedNamingTheLanguagesAndKeys() throws Exception {
        panel.member("ti1", "whatsapp", Phone.fresh().from, "ti", null, null);
        panel.member("ti2", "whatsapp", Phone.fresh().from, "ti", null, null);
        panel.member("so", "whatsapp", Phone.fresh().from, "so", null, null);
        panel.member("nl", "whatsapp", Phone.fresh().from, "nl", null, null);
        panel.member("tg", "telegram", "7" + panel.prefix.hashCode(), "ti", null, null);
        List<String> members = List.of(panel.id("ti1"), panel.id("ti2"), panel.id("so"), panel.id("nl"), panel.id("tg"));
        Map<String, Object> body = new HashMap<>(Map.of("name", "Talen " + panel.prefix, "survey", survey, "members", members));
        long before = count("select count(*) from outbox");

        String message = as("coordinator").contentType(ContentType.JSON).body(body).post("/api/waves")
                .then().statusCode(422).extract().jsonPath().getString("message");
        assertEquals("No approved whatsapp template for so (1 member: set stem.twilio.templates.so), "
                + "ti (2 members: set stem.twilio.templates.ti); or set stem.twilio.templates.default for every other language "
                + "(docs/whatsapp-templates.md)", message);
        assertEquals(before, count("select count(*) from outbox"), "nothing queued");
        body.put("dryRun", true);
        JsonPath dry = as("coordinator").contentType(ContentType.JSON).body(body).post("/api/waves").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(message), dry.getList("problems"), "the dry run says what the launch would refuse");
        assertEquals(5, dry.getInt("invited"));
        // Without them it launches: Telegram needs no template.
        body.remove("dryRun");
        body.put("members", List.of(panel.id("nl"), panel.id("tg")));
        long wave = as("coordinator").contentType(ContentType.JSON).body(body).post("/api/waves").then().statusCode(201)
                .extract().jsonPath().getLong("wave");
        as("coordinator").post("/api/waves/" + wave + "/close").then().statusCode(200);
    }

    private Set<String> reminderTokens(long wave) {
        try {
            Set<String> out = new HashSet<>();
            for (Object[] r : panel.rows("select o.idempotency_key::text from outbox o join panel_contacts c on c.outbox_id = o.id "
                    + "where c.wave_id = ? and c.kind = 'reminder'", wave)) {
                out.add((String) r[0]);
            }
            return out;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Map<String, String>> templatesTo(List<Phone> phones) {
        Set<String> numbers = new HashSet<>();
        phones.forEach(p -> numbers.add(p.from));
        return FakeTwilioControl.messages().stream().filter(m -> numbers.contains(m.get("To")) && TEMPLATE.equals(m.get("ContentSid"))).toList();
    }

    private long invitationsSent(long wave) {
        return count("select count(*) from outbox o join wave_members wm on wm.invite_outbox_id = o.id where wm.wave_id = "
                + wave + " and o.status = 'sent'");
    }

    /** Distinct people with a conversation started since just before T0 (the clock is still on day 1). */
    private long conversationsInLast24h() {
        return count("select count(distinct recipient) from outbox where channel = 'whatsapp' and conversation_started_at >= '"
                + T0.minus(Duration.ofHours(1)) + "'");
    }

    private long count(String sql) {
        try {
            return ((Number) panel.value(sql)).longValue();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object value(String sql, Object... params) {
        try {
            return panel.value(sql, params);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
