package nl.stem.panel.wave;

import static nl.stem.api.ApiTokensForTests.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import nl.stem.api.PublishedForTests;
import nl.stem.channel.telegram.FakeBotApi;
import nl.stem.panel.PanelFixture;

/**
 * Measures a wave of 100,000 invitations: how long the launch takes (it only enqueues) and how fast
 * the queue drains to the fake providers at the configured rate limits. Not a unit test: it runs
 * with {@code -Dwavebench=true} ({@code -Dwavebench.members=N} changes the size) and prints figures.
 * <pre>./mvnw test -Dtest=WaveLaunchBenchmarkTest -Dwavebench=true</pre>
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "wavebench", matches = "true")
class WaveLaunchBenchmarkTest {
    @Inject
    DataSource db;
    @Inject
    WaveLifecycle lifecycle;

    PanelFixture panel;

    @AfterEach
    void cleanUp() throws Exception {
        panel.update("delete from respondents where member_id like ?", panel.prefix + "-%");
        PublishedForTests.retireAll();
    }

    @Test
    void launch_of100000Invitations_onlyEnqueues_andDrainsAtTheRateLimits() throws Exception {
        FakeBotApi.get(); // Telegram invitations need the fake Bot API up before they are queued.
        panel = new PanelFixture(db);
        int members = Integer.getInteger("wavebench.members", 100_000);
        String survey = WaveTest.publishSurvey("wavebench_" + panel.prefix);
        long t = System.nanoTime();
        // Half on WhatsApp, half on Telegram (linked); languages spread over the survey's two.
        panel.update("insert into respondents (id, pseudonym, preferred_language, status, created_at, member_id, channel, enrolled_at, "
                + "attributes) select gen_random_uuid(), ? || '-p' || g, case when g % 3 = 0 then 'ar' else 'nl' end, 'active', now(), "
                + "? || '-' || g, case when g % 2 = 0 then 'whatsapp' else 'telegram' end, now(), jsonb_build_object('bench', ?) "
                + "from generate_series(1, ?) g", panel.prefix, panel.prefix, panel.prefix, members);
        panel.update("insert into channel_identities (respondent_id, channel, provider_id) select id, channel, "
                + "case when channel = 'whatsapp' then 'whatsapp:+3169' || lpad(substr(member_id, length(?) + 2), 7, '0') "
                + "else '7' || lpad(substr(member_id, length(?) + 2), 9, '0') end from respondents where member_id like ?",
                panel.prefix, panel.prefix, panel.prefix + "-%");
        // As after a real import (the import analyses, autovacuum would too): plans for 100,000 members.
        panel.update("analyze respondents");
        panel.update("analyze channel_identities");
        System.out.printf("wave benchmark: %d members enrolled in %d ms%n", members, (System.nanoTime() - t) / 1_000_000);

        long start = System.nanoTime();
        JsonPath report = as("coordinator").contentType(ContentType.JSON)
                .body(Map.of("name", "Benchmark", "survey", survey, "reminderHours", List.of(48, 96),
                        "filter", Map.of("attributes", Map.of("bench", panel.prefix)), "quietHours", WaveTest.NO_QUIET))
                .post("/api/waves").then().statusCode(201).extract().jsonPath();
        long launchMs = (System.nanoTime() - start) / 1_000_000;
        long wave = report.getLong("wave");
        assertEquals(members, (long) panel.value("select count(*) from wave_members where wave_id = ?", wave));
        System.out.printf("wave benchmark: launch of %d invitations (%d messages queued) took %d ms%n",
                report.getInt("invited"), report.getInt("messages"), launchMs);

        Duration window = Duration.ofSeconds(Integer.getInteger("wavebench.drain-seconds", 20));
        long before = sent(wave);
        long drainStart = System.nanoTime();
        Thread.sleep(window.toMillis());
        double seconds = (System.nanoTime() - drainStart) / 1e9;
        for (String channel : List.of("telegram", "whatsapp")) {
            long n = (long) panel.value("select count(*) from wave_members wm join outbox o on o.id = wm.invite_outbox_id "
                    + "where wm.wave_id = ? and o.status = 'sent' and o.channel = ?", wave, channel);
            System.out.printf("wave benchmark: %s drained %d invitations in %.1f s = %.1f/s%n", channel, n, seconds, n / seconds);
        }
        System.out.printf("wave benchmark: %d sent in total during the window (%d before it)%n", sent(wave) - before, before);
        long closing = System.nanoTime();
        as("coordinator").post("/api/waves/" + wave + "/close").then().statusCode(200);
        long closedMs = (System.nanoTime() - closing) / 1_000_000;
        int cancelled = lifecycle.cancelQueued();
        System.out.printf("wave benchmark: close answered in %d ms; %d queued messages then cancelled in %d ms%n",
                closedMs, cancelled, (System.nanoTime() - closing) / 1_000_000 - closedMs);
    }

    private long sent(long wave) throws Exception {
        return (long) panel.value("select count(*) from wave_members wm join outbox o on o.id = wm.invite_outbox_id "
                + "where wm.wave_id = ? and o.status = 'sent'", wave);
    }
}
