package nl.stem.channel.telegram;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import nl.stem.panel.PanelFixture;

/**
 * Two packaged instances ({@code target/quarkus-app/quarkus-run.jar}, each its own process) on one
 * database and one media directory, against the fake Bot API: Telegram's webhooks go to them in
 * turn, as a load balancer would send them. Every reply goes out exactly once, in order per chat,
 * whichever instance took the message and whichever sends, and the two together keep to one send
 * rate; then one instance is killed with
 * SIGKILL mid-run, and the other finishes its work: nothing is lost. Between the two, a wave is
 * launched by two requests at once (one to each instance, one idempotency key) and its reminders,
 * which both schedulers look for, go out once.
 */
class TwoInstancesIT {
    static final int USERS = 8;
    /** Both instances' Telegram rate, low so that a wave's invitations queue and the shared limit shows. */
    static final int RATE = 6;
    static final int MEMBERS = 24;
    /** {@code %test.stem.api.bootstrap-token}: the jars run with the test profile. */
    static final String ADMIN_TOKEN = "test-admin-token";
    static final String DATABASE = PackagedService.databaseName(System.getenv("QUARKUS_DATASOURCE_JDBC_URL")) + "_two";
    static final String JDBC_URL = "jdbc:postgresql://127.0.0.1:5432/" + DATABASE;

    private final List<Process> instances = new ArrayList<>();
    private final int basePort = Integer.getInteger("quarkus.http.test-port", 8081) + 1000;

    @AfterEach
    void stop() throws Exception {
        for (Process p : instances) {
            p.destroyForcibly().waitFor();
        }
        RestAssured.reset();
    }

    @Test
    void twoInstances_sendEachReplyOnce_andOneKilledMidRunLosesNothing() throws Exception {
        FakeBotApi fake = FakeBotApi.get();
        resetDatabase();
        // One after the other: two first start-ups on an empty database would both create it.
        start("a", basePort);
        start("b", basePort + 1);
        TelegramDb db = db();

        List<TelegramUser> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add(TelegramUser.create("nl"));
        }
        // Phase 1: every message to the other instance than the one before.
        int turn = 0;
        for (String text : List.of("/start", "1", "2")) {
            for (TelegramUser u : users) {
                to(basePort + turn++ % 2);
                u.text(text).statusCode(200);
            }
        }
        awaitAllSent(db, users);
        for (TelegramUser u : users) {
            long sent = db.count("select count(*) from outbox where recipient = ? and status = 'sent'", u.chat());
            assertTrue(sent >= 3, "every message of " + u.chat() + " was answered: " + sent);
            assertEquals(sent, fake.messagesTo(u.chat()).size(), "each reply reached Telegram once");
        }
        assertEquals(3L * USERS, db.count("select count(*) from inbound_messages where channel = 'telegram'"),
                "every update recorded once, by one of the two");

        int busiest = launchAndRemindOnce(fake, db);

        // Phase 2: instance a dies (SIGKILL, no shutdown) half-way; b takes every message after that.
        List<String> more = List.of("3", "4");
        int sentUpdates = 0;
        for (String text : more) {
            for (TelegramUser u : users) {
                if (sentUpdates == USERS) {
                    instances.get(0).destroyForcibly().waitFor();
                }
                boolean aAlive = instances.get(0).isAlive();
                to(aAlive ? basePort + turn++ % 2 : basePort + 1);
                u.text(text).statusCode(200);
                sentUpdates++;
            }
        }
        awaitAllSent(db, users);
        int duplicates = 0;
        for (TelegramUser u : users) {
            long sent = db.count("select count(*) from outbox where recipient = ? and status = 'sent'", u.chat());
            int calls = fake.messagesTo(u.chat()).size();
            assertTrue(calls >= sent, "nothing lost for " + u.chat());
            // At most one message per chat is in flight at any moment, so a kill can repeat at most that one.
            assertTrue(calls - sent <= 1, u.chat() + ": " + calls + " calls for " + sent + " messages");
            duplicates += (int) (calls - sent);
        }
        assertEquals(5L * USERS, db.count("select count(*) from inbound_messages where channel = 'telegram'"));
        System.out.printf("TwoInstancesIT: %d updates to two instances, one killed after %d; %d replies sent again after the kill;"
                + " busiest second of a wave's invitations %d sends at a shared %d/s%n", 5 * USERS, 3 * USERS + USERS, duplicates, busiest, RATE);
    }

    /**
     * One wave launched by two requests at once, with one idempotency key, one to each instance;
     * then its reminders fall due, and both instances' schedulers look for them.
     */
    private int launchAndRemindOnce(FakeBotApi fake, TelegramDb db) throws Exception {
        PanelFixture panel = new PanelFixture(dataSource());
        List<TelegramUser> members = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            TelegramUser t = TelegramUser.create("nl");
            members.add(t);
            panel.member("m" + i, "telegram", t.chat(), "nl", null, null);
            ids.add(panel.id("m" + i));
        }
        Map<String, Object> wave = Map.of("name", "Twee instanties " + panel.prefix, "survey", "toegang_tot_werk", "members", ids,
                "reminderHours", List.of(1), "quietHours", Map.of("start", "00:00", "end", "00:00"),
                "idempotencyKey", "two-" + panel.prefix);
        List<CompletableFuture<Response>> launches = new ArrayList<>();
        for (int port : List.of(basePort, basePort + 1)) {
            launches.add(CompletableFuture.supplyAsync(() -> given().baseUri("http://127.0.0.1").port(port)
                    .auth().oauth2(ADMIN_TOKEN).contentType(ContentType.JSON).body(wave).post("/api/waves")));
        }
        List<Integer> statuses = new ArrayList<>();
        Set<Long> waveIds = new HashSet<>();
        for (CompletableFuture<Response> f : launches) {
            Response r = f.get(60, TimeUnit.SECONDS);
            statuses.add(r.statusCode());
            waveIds.add(r.jsonPath().getLong("wave"));
        }
        assertTrue(statuses.contains(201) && statuses.stream().allMatch(s -> s == 201 || s == 200), "launched once: " + statuses);
        assertEquals(1, waveIds.size(), "both requests name the same wave");
        long waveId = waveIds.iterator().next();
        assertEquals(1, db.count("select count(*) from waves where idempotency_key = ?", "two-" + panel.prefix));
        awaitAllSent(db, members);
        for (TelegramUser m : members) {
            assertEquals(1, fake.messagesTo(m.chat()).size(), "one invitation each");
        }
        // Queued at once, sent by both instances: together they keep to one rate, in no second more
        // than RATE sends (one more at most at the window's edges).
        List<java.time.Instant> times = members.stream().flatMap(m -> fake.messagesTo(m.chat()).stream())
                .map(FakeBotApi.Call::at).sorted().toList();
        int busiest = 0;
        for (java.time.Instant start : times) {
            busiest = Math.max(busiest, (int) times.stream().filter(t -> !t.isBefore(start) && t.isBefore(start.plusSeconds(1))).count());
        }
        assertTrue(busiest <= RATE + 1, busiest + " sends in one second from two instances sharing " + RATE + "/s");

        // The reminders fall due now (as an hour passing would make them); both schedulers poll every second.
        panel.update("update wave_members set next_reminder_at = now() where wave_id = ?", waveId);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (db.count("select count(*) from panel_contacts where wave_id = ? and kind = 'reminder'", waveId) < members.size()
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(3_000); // a few more rounds on both instances
        awaitAllSent(db, members);
        assertEquals(members.size(), db.count("select count(*) from panel_contacts where wave_id = ? and kind = 'reminder'", waveId),
                "one reminder per member, whichever instance queued it");
        for (TelegramUser m : members) {
            assertEquals(2, fake.messagesTo(m.chat()).size(), "the invitation and one reminder");
        }
        return busiest;
    }

    /** Waits until none of the users' messages is queued or being sent (the survivor recovers a dead one's after the sending timeout). */
    private static void awaitAllSent(TelegramDb db, List<TelegramUser> users) throws Exception {
        String[] chats = users.stream().map(TelegramUser::chat).toArray(String[]::new);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long open;
        do {
            open = db.count("select count(*) from outbox where recipient = any(?) and status in ('queued', 'sending')",
                    (Object) chats);
            if (open > 0) {
                Thread.sleep(200);
            }
        } while (open > 0 && System.nanoTime() < deadline);
        assertEquals(0, open, "every message sent within 60 s");
    }

    private static void to(int port) {
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = port;
    }

    private void start(String name, int port) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path media = Path.of("target", "two-instances-media").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC",
                "-Dquarkus.profile=test",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + JDBC_URL,
                "-Dstem.media.dir=" + media,
                "-Dstem.telegram.api-url=http://127.0.0.1:" + System.getProperty("fakebotapi.port", "18443"),
                "-Dstem.outbox.poll-interval=1s", "-Dstem.outbox.sending-timeout=3s",
                "-Dstem.panel.scheduler.enabled=true", "-Dstem.panel.scheduler.poll-interval=1s",
                "-Dstem.telegram.messages-per-second=" + RATE,
                "-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString());
        File log = Path.of("target", "two-instances-" + name + ".log").toFile();
        pb.redirectErrorStream(true).redirectOutput(log);
        Process p = pb.start();
        instances.add(p);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("instance " + name + " stopped; see " + log);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("instance " + name + " not ready within 120 s; see " + log);
    }

    private static void resetDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "postgres");
             Statement st = c.createStatement()) {
            st.execute("drop database if exists " + DATABASE + " with (force)");
        }
    }

    private static TelegramDb db() {
        return new TelegramDb(dataSource());
    }

    private static PGSimpleDataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(JDBC_URL);
        ds.setUser("postgres");
        ds.setPassword("postgres");
        return ds;
    }
}
