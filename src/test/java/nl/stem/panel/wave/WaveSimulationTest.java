package nl.stem.panel.wave;

import static nl.stem.api.ApiTokensForTests.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import nl.stem.api.PublishedForTests;
import nl.stem.channel.telegram.FakeBotApi;
import nl.stem.channel.telegram.TelegramUser;
import nl.stem.channel.whatsapp.Phone;
import nl.stem.channel.whatsapp.Webhooks;
import nl.stem.dashboard.BreakdownRow;
import nl.stem.dashboard.DomainCount;
import nl.stem.dashboard.DropOff;
import nl.stem.dashboard.WaveStatistics;
import nl.stem.dashboard.WaveStats;
import nl.stem.panel.PanelFixture;

/**
 * A wave of 500 simulated members on both channels, each following a script: complete (answering
 * "ja" or "nee", which changes how many questions apply), break off at question k, never reply,
 * reply STOP, or be unreachable (a WhatsApp "undelivered" callback, a Telegram 403, a Telegram link
 * never opened). Every figure of the dashboard is then checked against what the script did.
 */
@QuarkusTest
class WaveSimulationTest {
    @Inject
    DataSource db;
    @Inject
    WaveStatistics statistics;

    PanelFixture panel;

    /** What a member does. */
    enum Script { COMPLETE_YES, COMPLETE_NO, BREAK_OFF_AT_2, BREAK_OFF_AT_3, STARTS_ONLY, SILENT, STOP, UNDELIVERABLE, LINK_NOT_OPENED }

    record Member(String name, String channel, Script script, String region, Phone phone, TelegramUser telegram) {
    }

    @AfterEach
    void retire() {
        PublishedForTests.retireAll();
    }

    @Test
    void wave_of500_dashboardFiguresMatchTheScript() throws Exception {
        FakeBotApi fake = FakeBotApi.get();
        panel = new PanelFixture(db);
        String survey = WaveTest.publishSurvey("sim_" + panel.prefix);
        List<Member> members = script();
        for (Member m : members) {
            String provider = m.phone() != null ? m.phone().from : m.telegram() != null ? m.telegram().chat() : null;
            panel.member(m.name(), m.channel(), provider, "nl", null, "{\"region\":\"" + m.region() + "\"}");
            if (m.script() == Script.UNDELIVERABLE && m.telegram() != null) {
                fake.failNextTo(m.telegram().chat(), "sendmessage", 10, 403, null);
            }
        }
        long wave = as("coordinator").contentType(ContentType.JSON)
                .body(Map.of("name", "Simulatie", "survey", survey, "members", members.stream().map(m -> panel.id(m.name())).toList(), "quietHours", WaveTest.NO_QUIET))
                .post("/api/waves").then().statusCode(201).extract().jsonPath().getLong("wave");
        assertEquals(500L, panel.value("select count(*) from wave_members where wave_id = ?", wave));

        // Every invitation message reaches its provider (or fails there) before the members react.
        WaveTest.await("all invitations handled", () -> count("select count(*) from wave_members wm join outbox o "
                + "on o.id = wm.invite_outbox_id where wm.wave_id = " + wave + " and o.status in ('queued', 'sending')") == 0);
        Map<String, String> links = links(wave);
        for (Member m : members) {
            act(m, wave, links);
        }

        WaveStats s = statistics.of(wave, "region", "en");
        Expected e = expected(members);
        assertEquals(500, s.funnel().invited());
        assertEquals(e.delivered, s.funnel().delivered());
        assertEquals(e.started, s.funnel().started());
        assertEquals(e.completed, s.funnel().completed());
        assertEquals(230, s.cases().complete());
        assertEquals(20, s.cases().partial());
        assertEquals(90, s.cases().refusal());
        assertEquals(60, s.cases().nonContact());
        assertEquals(100, s.cases().unknown());
        assertEquals(60, s.cases().breakOffs());
        assertEquals(230 / 500.0, s.rates().rr1(), 1e-9);
        assertEquals(250 / 500.0, s.rates().rr2(), 1e-9);
        assertEquals(230 / 340.0, s.rates().coop1(), 1e-9);
        assertEquals(60.0 / e.started, s.rates().breakOff(), 1e-9);
        Map<String, Long> dropOff = new TreeMap<>();
        for (DropOff d : s.dropOff()) {
            if (d.members() > 0) {
                dropOff.put(d.questionId() == null ? "-" : d.questionId(), d.members());
            }
        }
        assertEquals(e.dropOff, dropOff);
        assertEquals(e.byChannel, rows(s.byChannel().rows()));
        assertEquals(e.byRegion, rows(s.byAttribute().rows()));
        Map<String, Long> domains = new TreeMap<>();
        for (DomainCount d : s.domains()) {
            if (d.answers() > 0) {
                domains.put(d.domain(), d.answers());
            }
        }
        assertEquals(e.domains, domains);
        assertEquals(e.answers, s.answers());
        assertEquals(0, s.mediaAnswers());
        as("coordinator").post("/api/waves/" + wave + "/close").then().statusCode(200);
    }

    /** 300 on WhatsApp, 100 on Telegram already linked, 100 on Telegram with a link to hand out. */
    private List<Member> script() {
        List<Member> out = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Script s;
            String channel;
            if (i < 300) {
                channel = "whatsapp";
                s = i < 120 ? (i % 2 == 0 ? Script.COMPLETE_YES : Script.COMPLETE_NO) : i < 160 ? Script.BREAK_OFF_AT_2
                        : i < 180 ? Script.BREAK_OFF_AT_3 : i < 230 ? Script.SILENT : i < 260 ? Script.STOP : Script.UNDELIVERABLE;
            } else if (i < 400) {
                channel = "telegram";
                s = i < 360 ? (i % 2 == 0 ? Script.COMPLETE_YES : Script.COMPLETE_NO) : i < 380 ? Script.STARTS_ONLY
                        : i < 390 ? Script.SILENT : Script.UNDELIVERABLE;
            } else {
                channel = "telegram";
                s = i < 450 ? Script.COMPLETE_YES : Script.LINK_NOT_OPENED;
            }
            String region = i % 3 == 0 ? "Utrecht" : i % 3 == 1 ? "Groningen" : "Limburg";
            Phone phone = channel.equals("whatsapp") ? Phone.fresh() : null;
            TelegramUser tg = channel.equals("telegram") && i < 400 ? TelegramUser.create("nl") : null;
            out.add(new Member("m" + i, channel, s, region, phone, tg));
        }
        return out;
    }

    private void act(Member m, long wave, Map<String, String> links) throws Exception {
        if (m.phone() != null) {
            String sid = (String) panel.value("select o.provider_message_id from wave_members wm join outbox o on o.id = wm.invite_outbox_id "
                    + "join respondents r on r.id = wm.respondent_id where wm.wave_id = ? and r.member_id = ?", wave, panel.id(m.name()));
            boolean undelivered = m.script() == Script.UNDELIVERABLE;
            Webhooks.status(undelivered ? "status_error" : "status", undelivered
                    ? Map.of("MessageSid", sid, "MessageStatus", "undelivered", "ErrorCode", "63024", "To", m.phone().from)
                    : Map.of("MessageSid", sid, "MessageStatus", "delivered", "To", m.phone().from));
        }
        List<String> says = says(m.script());
        if (says == null) {
            return;
        }
        if (m.phone() != null) {
            says.forEach(m.phone()::text);
        } else if (m.telegram() != null) {
            m.telegram().tap("start:" + surveyOf(wave)).statusCode(200);
            says.stream().skip(1).forEach(t -> m.telegram().text(t).statusCode(200));
        } else {
            TelegramUser opener = TelegramUser.create("nl");
            opener.text("/start " + links.get(panel.id(m.name()))).statusCode(200);
            says.stream().skip(1).forEach(t -> opener.text(t).statusCode(200));
        }
    }

    /** The messages a script sends; the first opens the conversation (Telegram taps Start instead). Null: nothing. */
    private static List<String> says(Script s) {
        switch (s) {
            case COMPLETE_YES:
                return List.of("hallo", "1", "5", "32");
            case COMPLETE_NO:
                return List.of("hallo", "2", "5");
            case BREAK_OFF_AT_2:
                return List.of("hallo", "1");
            case BREAK_OFF_AT_3:
                return List.of("hallo", "1", "5");
            case STARTS_ONLY:
                return List.of("hallo");
            case STOP:
                return List.of("STOP");
            default:
                return null;
        }
    }

    /** What the dashboard must show, tallied from the script. */
    static final class Expected {
        long delivered;
        long started;
        long completed;
        long answers;
        final Map<String, Long> dropOff = new TreeMap<>();
        final Map<String, Long> domains = new TreeMap<>();
        final Map<String, List<Long>> byChannel = new TreeMap<>();
        final Map<String, List<Long>> byRegion = new TreeMap<>();
    }

    private static Expected expected(List<Member> members) {
        Expected e = new Expected();
        for (Member m : members) {
            Script s = m.script();
            boolean started = s != Script.SILENT && s != Script.STOP && s != Script.UNDELIVERABLE && s != Script.LINK_NOT_OPENED;
            boolean completed = s == Script.COMPLETE_YES || s == Script.COMPLETE_NO;
            boolean delivered = started || s == Script.SILENT || s == Script.STOP;
            int answers = s == Script.COMPLETE_YES || s == Script.BREAK_OFF_AT_3 ? (completed ? 3 : 2)
                    : s == Script.COMPLETE_NO ? 2 : s == Script.BREAK_OFF_AT_2 ? 1 : 0;
            e.delivered += delivered ? 1 : 0;
            e.started += started ? 1 : 0;
            e.completed += completed ? 1 : 0;
            e.answers += answers;
            if (started && !completed) {
                e.dropOff.merge(s == Script.BREAK_OFF_AT_2 ? "jaren" : s == Script.BREAK_OFF_AT_3 ? "uren" : "werk", 1L, Long::sum);
            }
            // werk -> work, jaren -> stability, uren -> work
            if (answers >= 1) {
                e.domains.merge("work", 1L, Long::sum);
            }
            if (answers >= 2) {
                e.domains.merge("stability", 1L, Long::sum);
            }
            if (answers >= 3) {
                e.domains.merge("work", 1L, Long::sum);
            }
            tally(e.byChannel, m.channel(), started, completed);
            tally(e.byRegion, m.region(), started, completed);
        }
        return e;
    }

    /** invited, started, completed per group. */
    private static void tally(Map<String, List<Long>> groups, String key, boolean started, boolean completed) {
        List<Long> old = groups.getOrDefault(key, List.of(0L, 0L, 0L));
        groups.put(key, List.of(old.get(0) + 1, old.get(1) + (started ? 1 : 0), old.get(2) + (completed ? 1 : 0)));
    }

    private static Map<String, List<Long>> rows(List<BreakdownRow> rows) {
        Map<String, List<Long>> out = new TreeMap<>();
        rows.forEach(r -> out.put(r.key(), List.of(r.invited(), r.started(), r.completed())));
        return out;
    }

    private long count(String sql) {
        try {
            return (long) panel.value(sql);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private String surveyOf(long wave) throws Exception {
        return (String) panel.value("select v.survey_id from waves w join survey_versions v on v.id = w.survey_version_id where w.id = ?", wave);
    }

    private Map<String, String> links(long wave) {
        String csv = as("coordinator").get("/api/waves/" + wave + "/links.csv").then().statusCode(200).extract().asString();
        Map<String, String> out = new HashMap<>();
        for (String line : csv.split("\r\n")) {
            String[] f = line.split(",");
            if (f[2].contains("start=")) {
                out.put(f[0], f[2].substring(f[2].indexOf("start=") + 6));
            }
        }
        return out;
    }
}
