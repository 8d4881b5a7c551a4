package nl.stem.results;

import static nl.stem.api.ApiTokensForTests.as;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.restassured.http.ContentType;
import nl.stem.api.ApiTokensForTests;
import nl.stem.api.PublishedForTests;
import nl.stem.channel.telegram.FakeBotApi;
import nl.stem.channel.telegram.TelegramUser;
import nl.stem.channel.whatsapp.Phone;
import nl.stem.panel.PanelFixture;

/**
 * A wave whose members answer over both channels, for the results tests: 36 on WhatsApp, 24 on
 * Telegram, in three regions (Limburg has only 3 members, so it is suppressed). Each member's
 * answers follow from their number, so every kind of answer and missing value occurs.
 */
final class ResultsWave {
    static final int MEMBERS = 60;

    final PanelFixture panel;
    final String survey;
    final long wave;

    private ResultsWave(PanelFixture panel, String survey, long wave) {
        this.panel = panel;
        this.survey = survey;
        this.wave = wave;
    }

    static String region(int i) {
        return i >= MEMBERS - 3 ? "Limburg" : i % 2 == 0 ? "Utrecht" : "Groningen";
    }

    /** What member {@code i} sends after the opening "hallo", in order. */
    static List<String> says(int i) {
        List<String> out = new ArrayList<>();
        boolean works = i % 3 != 0;
        out.add(works ? "1" : "2");
        if (i == 5 || i == 17) {
            out.add("stop");
            return out;
        }
        out.add(switch (i % 4) {
            case 0 -> "1";
            case 1 -> "1 2";
            case 2 -> "2 3";
            default -> "3";
        });
        out.add(i % 7 == 0 ? "nvt" : Integer.toString(i % 5 + 1));
        out.add(Integer.toString(i % 13 * 3));
        if (i % 10 == 9) {
            return out; // still under way at "uren" or "advies"
        }
        if (works) {
            out.add(Integer.toString(10 + i % 30));
        }
        out.add(i % 4 == 0 ? "overslaan" : i % 4 == 1 ? "Meer taalles <script>alert(1)</script>" : i % 4 == 2
                ? "Eerste regel\nTweede regel, \"met\" aanhalingstekens" : "\u202Eالعمل مهم");
        return out;
    }

    private static ResultsWave shared;

    /** One wave for every results test class in this JVM (answering it takes a few seconds). */
    static synchronized ResultsWave shared(DataSource db) throws Exception {
        if (shared == null) {
            shared = run(db);
        }
        return shared;
    }

    static ResultsWave run(DataSource db) throws Exception {
        FakeBotApi.get(); // Telegram replies reach a fake, so no reply fails and every answer counts
        PanelFixture panel = new PanelFixture(db);
        String survey = publish("res_" + panel.prefix);
        List<Object> ids = new ArrayList<>();
        List<Phone> phones = new ArrayList<>();
        List<TelegramUser> chats = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            String attrs = "{\"region\":\"" + region(i) + "\"}";
            if (i < 36) {
                Phone p = Phone.fresh();
                phones.add(p);
                panel.member("m" + i, "whatsapp", p.from, "nl", null, attrs);
            } else {
                TelegramUser t = TelegramUser.create("nl");
                chats.add(t);
                panel.member("m" + i, "telegram", t.chat(), "nl", null, attrs);
            }
            ids.add(panel.id("m" + i));
        }
        long wave = as("coordinator").contentType(ContentType.JSON)
                .body(Map.of("name", "Resultaten " + panel.prefix, "survey", survey, "members", ids,
                        "quietHours", Map.of("start", "00:00", "end", "00:00")))
                .post("/api/waves").then().statusCode(201).extract().jsonPath().getLong("wave");
        for (int i = 0; i < MEMBERS; i++) {
            if (i < 36) {
                Phone p = phones.get(i);
                p.text("hallo");
                says(i).forEach(p::text);
            } else {
                TelegramUser t = chats.get(i - 36);
                t.tap("start:" + survey).statusCode(200);
                says(i).forEach(s -> t.text(s).statusCode(200));
            }
        }
        return new ResultsWave(panel, survey, wave);
    }

    /** The region of each respondent pseudonym of the wave. */
    Map<String, String> regions() throws SQLException {
        Map<String, String> out = new java.util.HashMap<>();
        for (Object[] r : panel.rows("select r.pseudonym, r.attributes ->> 'region' from respondents r join wave_members wm "
                + "on wm.respondent_id = r.id where wm.wave_id = ?", wave)) {
            out.put((String) r[0], (String) r[1]);
        }
        return out;
    }

    static String publish(String id) {
        String yaml = """
                id: %s
                title: Resultaten
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
                  - id: talen
                    type: multiple_choice
                    text: "Welke talen spreek je?"
                    min: 1
                    max: 0
                    choices:
                      - {id: nl, label: Nederlands}
                      - {id: ar, label: Arabisch}
                      - {id: en, label: Engels}
                    ioi: [language_communication]
                  - id: hulp
                    type: scale
                    text: "Hoe goed hielp de gemeente je?"
                    min: 1
                    max: 5
                    min_label: Heel slecht
                    max_label: Heel goed
                    not_applicable: true
                    ioi: [links]
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
                  - id: advies
                    type: text
                    text: "Wat is je advies?"
                    optional: true
                    ioi: [work]
                """.formatted(id);
        String ar = """
                msgid ""
                msgstr ""
                "Language: ar\\n"

                msgctxt "survey.title"
                msgid "Resultaten"
                msgstr "النتائج"

                msgctxt "werk.text"
                msgid "Heb je werk?"
                msgstr "هل لديك عمل؟"

                msgctxt "werk.choice.ja"
                msgid "Ja"
                msgstr "نعم"

                msgctxt "werk.choice.nee"
                msgid "Nee"
                msgstr "لا"

                msgctxt "talen.text"
                msgid "Welke talen spreek je?"
                msgstr "ما هي اللغات التي تتحدثها؟"

                msgctxt "talen.choice.nl"
                msgid "Nederlands"
                msgstr "الهولندية"

                msgctxt "talen.choice.ar"
                msgid "Arabisch"
                msgstr "العربية"

                msgctxt "talen.choice.en"
                msgid "Engels"
                msgstr "الإنجليزية"

                msgctxt "hulp.text"
                msgid "Hoe goed hielp de gemeente je?"
                msgstr "إلى أي مدى ساعدتك البلدية؟"

                msgctxt "hulp.min_label"
                msgid "Heel slecht"
                msgstr "سيئ جداً"

                msgctxt "hulp.max_label"
                msgid "Heel goed"
                msgstr "جيد جداً"

                msgctxt "jaren.text"
                msgid "Hoeveel jaar woon je in Nederland?"
                msgstr "كم سنة تعيش في هولندا؟"

                msgctxt "uren.text"
                msgid "Hoeveel uur per week werk je?"
                msgstr "كم ساعة في الأسبوع تعمل؟"

                msgctxt "advies.text"
                msgid "Wat is je advies?"
                msgstr "ما هي نصيحتك؟"
                """;
        PublishedForTests.remember(id);
        ApiTokensForTests.researcher().contentType(ContentType.JSON)
                .body(Map.of("survey", Map.of("file", id + ".yaml", "content", yaml), "translations", Map.of("ar", ar)))
                .post("/api/surveys").then().log().ifValidationFails().statusCode(201);
        return id;
    }
}
