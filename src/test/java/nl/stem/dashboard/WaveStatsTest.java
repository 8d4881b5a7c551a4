package nl.stem.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.stem.api.StemException;

/**
 * The wave figures against fixture waves where every member's case code is known: each category,
 * the threshold boundaries, applicable 0, opt-outs before, at and after the invitation, WhatsApp
 * delivery states, Telegram links opened or not, sessions still open.
 */
@QuarkusTest
class WaveStatsTest {
    static final double EPS = 1e-9;

    @Inject
    DataSource db;
    @Inject
    WaveStatistics statistics;

    /**
     * 23 members on "Veiligheid en stabiliteit": I 2, P 3, R 7 (4 break-offs), NC 4, UO 7.
     */
    static WaveFixture everyCategory(DataSource db) {
        WaveFixture w = WaveFixture.create(db, "veiligheid_en_stabiliteit", "Every category");
        // I: completed with all applicable answered, a voice note among them; completed at exactly 0.8.
        w.member().whatsapp("ar").invite("sent", "read").session("completed", 6, 6, null).took(Duration.ofMinutes(10))
                .answers("consent", "safe_area", "harassed", "moves", "status_secure").mediaAnswer("safer").add();
        w.member().telegram("nl").invite("sent", null).session("completed", 4, 5, null).took(Duration.ofMinutes(20))
                .answers("consent", "safe_area", "harassed", "moves").olderSession().add();
        // P: exactly 0.5 and still answering; 0.75 and stopped; completed but only 0.6 answered.
        w.member().telegram("nl").invite("sent", null).session("active", 4, 8, "moves").add();
        w.member().whatsapp("ar").invite("sent", "delivered").session("stopped", 3, 4, "moves").add();
        w.member().telegram("nl").link(true).session("completed", 3, 5, null).took(Duration.ofMinutes(30))
                .answers("consent", "safe_area").mediaAnswer("safer").add();
        // R with a session: break-off at 0.4 (expired), just under 0.5 (paused), consent refused,
        // applicable 0 (new, before the first question), a question the version does not have.
        w.member().whatsapp("ar").invite("sent", "read").session("expired", 2, 5, "harassed").add();
        w.member().telegram("en").invite("sent", null).session("paused", 49, 100, "safe_area").add();
        w.member().telegram("nl").invite("sent", null).session("refused", 0, 0, "consent").add();
        w.member().whatsapp("ar").invite("sent", "delivered").session("new", 0, 0, null).add();
        w.member().whatsapp("ar").invite("sent", "read").session("paused", 1, 4, "old_question").add();
        // R without a session: opted out after the invitation, and at the very moment of it.
        w.member().whatsapp("ar").invite("sent", "delivered").optedOut(Duration.ofHours(3)).add();
        w.member().telegram("nl").invite("sent", null).optedOut(Duration.ZERO).add();
        // NC: WhatsApp delivered, WhatsApp read, Telegram message sent, Telegram link opened.
        w.member().whatsapp("ar").invite("sent", "delivered").add();
        w.member().whatsapp("ti").invite("sent", "read").add();
        w.member().telegram("nl").invite("sent", null).add();
        w.member().telegram("en").link(true).add();
        // UO: undelivered, failed and unreachable, accepted but never confirmed, not sent yet,
        // link not opened, opted out before the invitation (cancelled), Telegram blocked (403).
        w.member().whatsapp("ar").invite("sent", "undelivered").add();
        w.member().whatsapp("ti").invite("failed", "failed").unreachable().add();
        w.member().whatsapp("ar").invite("sent", "sent").add();
        w.member().whatsapp("nl").invite("queued", null).add();
        w.member().telegram("nl").link(false).add();
        w.member().whatsapp("nl").invite("cancelled", null).optedOut(Duration.ofDays(-30)).add();
        w.member().telegram(null).invite("failed", null).unreachable().add();
        return w;
    }

    @Test
    void waveStats_whenEveryCategoryIsPresent_countsEachMemberOnceWithExactFigures() {
        WaveFixture w = everyCategory(db);
        WaveStats s = statistics.of(w.waveId, null, "nl");

        assertEquals(new Funnel(23, 16, 10, 3), s.funnel());
        assertEquals(new CaseCounts(2, 3, 7, 4, 7, 4), s.cases());
        assertEquals(2.0 / 23, s.rates().rr1(), EPS);
        assertEquals(5.0 / 23, s.rates().rr2(), EPS);
        assertEquals(2.0 / 12, s.rates().coop1(), EPS);
        assertEquals(4.0 / 10, s.rates().breakOff(), EPS);
        assertEquals(1200.0, s.medianCompletionSeconds(), EPS, "10, 20 and 30 minutes");
        assertNull(s.byAttribute());
        assertEquals("veiligheid_en_stabiliteit", s.wave().surveyId());
        assertEquals("Veiligheid en stabiliteit", s.wave().surveyTitle());
        assertEquals(new BigDecimal("0.5"), s.thresholds().partial());
        assertEquals(new BigDecimal("0.8"), s.thresholds().complete());
    }

    @Test
    void dropOff_whenMembersStopPartWay_listsThemInQuestionOrderWithUnknownQuestionsLast() {
        WaveFixture w = everyCategory(db);
        List<DropOff> d = statistics.of(w.waveId, null, "en").dropOff();

        assertEquals(List.of("null:0:1:1", "consent:1:1:0", "safe_area:2:1:1", "harassed:3:1:0", "moves:6:2:1", "old_question:-1:1:1"),
                d.stream().map(x -> x.questionId() + ":" + x.position() + ":" + x.members() + ":" + x.inProgress()).toList());
        assertEquals("How safe do you feel in your neighbourhood?", d.get(2).label());
        assertNull(d.get(0).label());
    }

    @Test
    void domains_countEachAnswerOnceInEveryDomainOfItsQuestion_inTaxonomyOrder() {
        WaveFixture w = everyCategory(db);
        WaveStats s = statistics.of(w.waveId, null, "nl");

        assertEquals(List.of(new DomainCount("safety", "Veiligheid", 7, 2), new DomainCount("stability", "Stabiliteit", 5, 2),
                new DomainCount("rights_responsibilities", "Rechten en verantwoordelijkheden", 2, 0)), s.domains());
        assertEquals(13, s.answers());
        assertEquals(2, s.mediaAnswers());
    }

    @Test
    void answerCounts_whenAnswersChangeLoseTheirMediaOrAreErased_stayEqualToTheAnswers() throws Exception {
        WaveFixture w = everyCategory(db);
        UUID erased = w.member().whatsapp("ar").invite("sent", "read").session("completed", 3, 3, null)
                .answers("consent", "safe_area").mediaAnswer("safer").add();
        assertCountsMatchAnswers(w.waveId, 16, 3);

        // A changed answer (the engine rewrites the row) counts once; a re-answer with a file counts as media.
        exec("update answers set value = jsonb_set(value, '{text}', '\"other\"') where wave_id = ? and question_id = 'safe_area'", w.waveId);
        exec("update answers set media_id = (select id from media_objects where respondent_id = answers.respondent_id limit 1) "
                + "where wave_id = ? and respondent_id = ? and question_id = 'safe_area'", w.waveId, erased);
        assertCountsMatchAnswers(w.waveId, 16, 4);
        // A media file removed: its answers keep counting, without media.
        exec("delete from media_objects where respondent_id = ?", erased);
        assertCountsMatchAnswers(w.waveId, 16, 2);
        // The member erased: their answers go, and so do their counts.
        exec("delete from respondents where id = ?", erased);
        assertCountsMatchAnswers(w.waveId, 13, 2);
    }

    private void assertCountsMatchAnswers(long waveId, long answers, long media) throws Exception {
        WaveStats s = statistics.of(waveId, null, "nl");
        assertEquals(answers, s.answers());
        assertEquals(media, s.mediaAnswers());
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select coalesce(sum(answers), 0), coalesce(sum(media), 0) from wave_answer_counts where wave_id = ?
                union all
                select count(*), count(media_id) from answers where wave_id = ?""")) {
            ps.setLong(1, waveId);
            ps.setLong(2, waveId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long[] counted = {rs.getLong(1), rs.getLong(2)};
                rs.next();
                assertEquals(List.of(rs.getLong(1), rs.getLong(2)), List.of(counted[0], counted[1]), "counts = answers");
            }
        }
    }

    private void exec(String sql, Object... params) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    @Test
    void breakdowns_whenMembersDifferInLanguageChannelAndRegion_giveInvitedStartedCompletedAndRr1PerGroup() {
        WaveFixture w = WaveFixture.create(db, "veiligheid_en_stabiliteit", "Breakdowns");
        w.member().whatsapp("ar").attribute("region", "Utrecht").invite("sent", "read").session("completed", 5, 5, null).took(Duration.ofMinutes(5)).add();
        w.member().whatsapp("ar").attribute("region", "Utrecht").invite("sent", "read").session("completed", 4, 5, null).took(Duration.ofMinutes(7)).add();
        w.member().whatsapp("ar").attribute("region", "Utrecht").invite("sent", "delivered").add();
        w.member().telegram("nl").attribute("region", "Amsterdam").invite("sent", null).session("active", 3, 5, "moves").add();
        w.member().telegram("nl").attribute("region", "Amsterdam").link(false).add();
        w.member().telegram("en").attribute("city", "Zwolle").invite("sent", null).session("completed", 5, 5, null).took(Duration.ofMinutes(9)).add();
        w.member().whatsapp(null).attribute("region", "Utrecht").invite("sent", "undelivered").add();

        WaveStats s = statistics.of(w.waveId, "region", "nl");

        assertEquals(List.of(row("ar", 3, 2, 2, 2), row("nl", 2, 1, 0, 0), row("en", 1, 1, 1, 1), row("", 1, 0, 0, 0)), s.byLanguage().rows());
        assertEquals(List.of(row("whatsapp", 4, 2, 2, 2), row("telegram", 3, 2, 1, 1)), s.byChannel().rows());
        assertEquals("region", s.byAttribute().by());
        assertEquals(List.of(row("Utrecht", 4, 2, 2, 2), row("Amsterdam", 2, 1, 0, 0), row("", 1, 1, 1, 1)), s.byAttribute().rows());
        assertEquals(List.of("city", "region"), s.attributes());
        assertEquals(420.0, s.medianCompletionSeconds(), EPS);
    }

    @Test
    void attributeBreakdown_withMoreValuesThanTheCap_sumsTheSmallestAsOther() {
        WaveFixture w = WaveFixture.create(db, "veiligheid_en_stabiliteit", "Many regions");
        w.member().attribute("region", "r01").add();
        for (int i = 1; i <= 31; i++) {
            w.member().attribute("region", String.format("r%02d", i)).add();
        }
        List<BreakdownRow> rows = statistics.of(w.waveId, "region", "nl").byAttribute().rows();
        assertEquals(30, rows.size(), "stem.dashboard.max-attribute-groups");
        assertEquals(row("r01", 2, 0, 0, 0), rows.get(0));
        assertEquals(row(WaveStatistics.OTHER_GROUPS, 2, 0, 0, 0), rows.get(1), "r30 and r31");
        assertEquals(32, rows.stream().mapToLong(BreakdownRow::invited).sum());
    }

    @Test
    void thresholds_whenChanged_moveTheBoundaries() {
        WaveFixture w = WaveFixture.create(db, "veiligheid_en_stabiliteit", "Thresholds");
        w.member().session("active", 3, 4, "moves").add();   // 0.75
        w.member().session("active", 3, 5, "moves").add();   // 0.6
        w.member().session("active", 1, 2, "moves").add();   // 0.5
        w.member().session("active", 0, 0, null).add();      // applicable 0: share 0

        assertEquals(new CaseCounts(0, 3, 1, 0, 0, 1), statistics.of(w.waveId, null, "nl").cases());
        assertEquals(new CaseCounts(1, 1, 2, 0, 0, 2),
                statistics.of(w.waveId, null, "nl", new Thresholds(new BigDecimal("0.6"), new BigDecimal("0.75"))).cases());
        assertEquals(new CaseCounts(2, 1, 1, 0, 0, 1),
                statistics.of(w.waveId, null, "nl", new Thresholds(new BigDecimal("0.5"), new BigDecimal("0.6"))).cases());
        assertThrows(IllegalArgumentException.class, () -> new Thresholds(new BigDecimal("0.9"), new BigDecimal("0.8")));
        assertThrows(IllegalArgumentException.class, () -> new Thresholds(BigDecimal.ZERO, new BigDecimal("0.8")));
        assertThrows(IllegalArgumentException.class, () -> new Thresholds(new BigDecimal("0.5"), new BigDecimal("1.1")));
    }

    @Test
    void emptyWave_hasZeroCountsAndNoRates() {
        WaveFixture w = WaveFixture.create(db, "veiligheid_en_stabiliteit", "Empty");
        WaveStats s = statistics.of(w.waveId, null, "nl");

        assertEquals(new Funnel(0, 0, 0, 0), s.funnel());
        assertEquals(new Rates(null, null, null, null), s.rates());
        assertNull(s.medianCompletionSeconds());
        assertEquals(List.of(), s.dropOff());
        assertEquals(List.of(), s.byLanguage().rows());
        assertEquals(0, s.domains().stream().mapToLong(DomainCount::answers).sum());
    }

    @Test
    void unknownWave_andBadAttribute_areRefused() {
        WaveFixture w = everyCategory(db);
        assertEquals(404, assertThrows(StemException.class, () -> statistics.of(987_654_321L, null, "nl")).status());
        assertEquals(400, assertThrows(StemException.class, () -> statistics.of(w.waveId, "Region!", "nl")).status());
        assertEquals(400, assertThrows(StemException.class, () -> statistics.of(w.waveId, "region", "nl")).status(),
                "no member of this wave has a region");
    }

    @Test
    void overview_listsTheWaveWithInvitedCompletedAndRr1() {
        WaveFixture w = everyCategory(db);
        WaveOverview o = statistics.overview(DashboardPages.WAVE_LIST_LIMIT, "nl").stream()
                .filter(x -> x.wave().id() == w.waveId).findFirst().orElseThrow();
        assertEquals(23, o.invited());
        assertEquals(3, o.completed());
        assertEquals(2, o.complete());
        assertEquals(2.0 / 23, o.rr1(), EPS);
    }

    @Test
    void formats_writeDutchAndEnglishNumbers() {
        Formats nl = new Formats("nl", java.time.ZoneId.of("Europe/Amsterdam"));
        Formats en = new Formats("en", java.time.ZoneId.of("Europe/Amsterdam"));
        assertEquals("50.000", nl.count(50_000));
        assertEquals("50,000", en.count(50_000));
        assertEquals("8,7%", nl.pct(2.0 / 23));
        assertEquals("8.7%", en.pct(2.0 / 23));
        assertEquals("–", nl.pct(null));
        assertEquals("0:20:00", nl.duration(1200.0));
        assertEquals("80%", nl.threshold(new BigDecimal("0.8")));
        assertEquals("2026-03-02 10:00", nl.dateTime(WaveFixture.INVITED));
    }

    @Test
    void language_followsTheParameterThenAcceptLanguageElseDutch() {
        assertEquals("en", DashboardLanguage.choose("en", "nl"));
        assertEquals("nl", DashboardLanguage.choose("fr", null));
        assertEquals("en", DashboardLanguage.choose(null, "en-GB,en;q=0.9,nl;q=0.8"));
        assertEquals("nl", DashboardLanguage.choose(null, "de-DE,en;q=0.5,nl;q=0.7"));
        assertEquals("nl", DashboardLanguage.choose(null, "fr"));
        assertEquals("nl", DashboardLanguage.choose(null, "en;q=0"));
    }

    private static BreakdownRow row(String key, long invited, long started, long completed, long complete) {
        return new BreakdownRow(key, invited, started, completed, complete, Rates.share(complete, invited));
    }
}
