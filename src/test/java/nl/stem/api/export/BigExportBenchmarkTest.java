package nl.stem.api.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import nl.stem.api.ApiTokensForTests;
import nl.stem.api.PublishedForTests;
import nl.stem.conversation.ConversationService;
import nl.stem.conversation.Inbound;
import nl.stem.engine.Input;

/**
 * Streams a long CSV of at least 200,000 answers, all produced through the conversation service,
 * while sampling the live heap, and prints the figures; then the long and wide CSV of a wave holding
 * nine tenths of them (the wave filter must stream as well). Slow (several minutes on 2 cores), so it only
 * runs with {@code -Dbigexport=true} (not {@code stem.*}: Stem's config mapping refuses unknown {@code stem.} keys); {@code -Dbigexport.respondents=N} changes the size
 * (10 answers per respondent, default 20,000 respondents).
 *
 * <p>Heap is sampled every second right after {@code System.gc()}, so the figures are the data the
 * JVM keeps alive, not garbage waiting for a collection. The forced collections slow the sampled
 * exports down, so one unsampled export is timed first. Timings are printed, never asserted.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bigexport", matches = "true")
class BigExportBenchmarkTest {
    static final int QUESTIONS = 10;

    @Inject
    ConversationService conversations;
    @Inject
    DataSource db;

    @AfterEach
    void retireTestSurveys() {
        PublishedForTests.retireAll();
    }

    @Test
    void longCsv_ofManyAnswers_streamsWithFlatHeap() throws Exception {
        int respondents = Integer.getInteger("bigexport.respondents", 20_000);
        String survey = publishSurvey();

        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < respondents; i++) {
            int n = i;
            work.add(pool.submit(() -> takeSurvey(survey, n % 10 == 0 ? "bench-small" : "bench")));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        double produceSeconds = (System.nanoTime() - t0) / 1e9;
        long answers = (long) respondents * QUESTIONS;
        System.out.printf("BIGEXPORT produced %,d answers (%,d respondents, %,d service calls) in %.1f s (%.0f calls/s)%n",
                answers, respondents, respondents * (QUESTIONS + 1L), produceSeconds, respondents * (QUESTIONS + 1L) / produceSeconds);

        Figures warm = stream("long.csv", survey, "", false);
        Figures small = stream("long.csv", survey, "&channel=bench-small", true);
        Figures all = stream("long.csv", survey, "", true);
        System.out.println("BIGEXPORT all, heap not sampled (throughput): " + warm);
        System.out.println("BIGEXPORT small: " + small);
        System.out.println("BIGEXPORT all:   " + all);
        assertEquals(respondents / 10 * QUESTIONS + (respondents % 10 == 0 ? 0 : QUESTIONS), small.rows);
        assertEquals(answers, all.rows);
        assertFlatHeap(all);

        // The same answers in a wave (all but the "bench-small" ones): the wave filter streams too.
        long wave = inWave(survey, "bench");
        Figures waveLong = stream("long.csv", survey, "&wave=" + wave, true);
        Figures waveWide = stream("wide.csv", survey, "&wave=" + wave, true);
        System.out.println("BIGEXPORT wave long: " + waveLong);
        System.out.println("BIGEXPORT wave wide: " + waveWide);
        assertEquals(answers - small.rows, waveLong.rows);
        assertEquals(respondents - small.rows / QUESTIONS, waveWide.rows);
        assertFlatHeap(waveLong);
        assertFlatHeap(waveWide);
    }

    private static void assertFlatHeap(Figures f) {
        long growth = f.peakLive - f.liveBefore;
        assertTrue(growth < 64L * 1024 * 1024,
                "live heap grew by " + mb(growth) + " MB while streaming " + f.rows + " rows (" + mb(f.bytes) + " MB)");
    }

    /** Puts the survey's sessions and answers on {@code channel} into a new wave, as a wave's invitations would. */
    private long inWave(String survey, String channel) throws Exception {
        try (Connection c = db.getConnection()) {
            long wave;
            try (PreparedStatement ps = c.prepareStatement("insert into waves (name, survey_version_id, invite_at, created_by, created_at) "
                    + "select 'bench', id, now(), 'bench', now() from survey_versions where survey_id = ? returning id")) {
                ps.setString(1, survey);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    wave = rs.getLong(1);
                }
            }
            for (String table : List.of("sessions", "answers")) {
                try (PreparedStatement ps = c.prepareStatement("update " + table + " set wave_id = ? where channel = ? "
                        + "and survey_version_id = (select id from survey_versions where survey_id = ?)")) {
                    ps.setLong(1, wave);
                    ps.setString(2, channel);
                    ps.setString(3, survey);
                    ps.executeUpdate();
                }
            }
            return wave;
        }
    }

    private String publishSurvey() {
        String id = PublishedForTests.remember("bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
        StringBuilder yaml = new StringBuilder("""
                id: %s
                title: Benchmark
                source_language: nl
                languages: [nl]
                open_to_anyone: false
                questions:
                """.formatted(id));
        for (int q = 1; q <= QUESTIONS; q++) {
            yaml.append("  - id: q").append(q).append("\n    type: number\n    text: \"Vraag ").append(q)
                    .append("?\"\n    min: 0\n    max: 100\n    ioi: [work]\n");
        }
        ApiTokensForTests.researcher().contentType(ContentType.JSON)
                .body(Map.of("survey", Map.of("file", id + ".yaml", "content", yaml.toString()), "translations", Map.of()))
                .post("/api/surveys").then().statusCode(201);
        return id;
    }

    private void takeSurvey(String survey, String channel) {
        String user = UUID.randomUUID().toString();
        conversations.handle(new Inbound(channel, user + ":0", user, new Input.Start("nl", null),
                new Inbound.StartRequest(survey, "nl", null), null, false));
        for (int q = 1; q <= QUESTIONS; q++) {
            conversations.handle(new Inbound(channel, user + ":" + q, user, new Input.Text(String.valueOf(q * 7)), null, null, false));
        }
    }

    record Figures(long rows, long bytes, double seconds, long liveBefore, long peakLive, long liveAfter) {
        @Override
        public String toString() {
            return String.format("rows=%,d bytes=%,d (%.1f MB) seconds=%.2f heap live before=%.1f MB peak=%.1f MB after=%.1f MB",
                    rows, bytes, bytes / 1048576.0, seconds, liveBefore / 1048576.0, peakLive / 1048576.0, liveAfter / 1048576.0);
        }
    }

    private Figures stream(String export, String survey, String filter, boolean sample) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(before);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sample && running.get()) {
                System.gc();
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port
                        + "/api/exports/" + export + "?survey=" + survey + filter))
                .header("Authorization", "Bearer " + ApiTokensForTests.token("researcher")).build();
        long t0 = System.nanoTime();
        sampler.start();
        long bytes = 0;
        long lines = 0;
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        try (InputStream in = response.body()) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        running.set(false);
        sampler.join();
        System.gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        return new Figures(lines - 1, bytes, seconds, before, peak.get(), after);
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }
}
