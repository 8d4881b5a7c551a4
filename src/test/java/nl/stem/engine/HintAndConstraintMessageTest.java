package nl.stem.engine;

import static nl.stem.engine.Scenario.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.stem.survey.IoiTaxonomy;
import nl.stem.survey.LoadResult;
import nl.stem.survey.SurveyLoader;
import nl.stem.survey.SurveySource;
import nl.stem.survey.model.AnswerValue;
import nl.stem.survey.model.SurveyVersion;

/** A question's hint is shown under its text; its constraint_message replaces Stem's words for an answer out of bounds. */
class HintAndConstraintMessageTest {
    static SurveyVersion version() {
        String yaml = """
                id: t
                title: Test
                source_language: nl
                languages: [nl, ar]
                questions:
                  - id: age
                    type: number
                    text: "Hoe oud ben je?"
                    hint: "In jaren"
                    min: 16
                    max: 99
                    constraint_message: "Deze vragenlijst is voor 16 tot 99 jaar"
                  - id: langs
                    type: multiple_choice
                    text: "Welke talen?"
                    max: 1
                    constraint_message: "Kies er één"
                    choices:
                      - {id: nl, label: Nederlands}
                      - {id: ar, label: Arabisch}
                  - id: bye
                    type: info
                    text: "Dank je"
                    hint: "Tot ziens"
                """;
        String ar = """
                msgid ""
                msgstr ""
                "Language: ar\\n"

                msgctxt "survey.title"
                msgid "Test"
                msgstr "اختبار"

                msgctxt "age.text"
                msgid "Hoe oud ben je?"
                msgstr "كم عمرك؟"

                msgctxt "age.hint"
                msgid "In jaren"
                msgstr "بالسنوات"

                msgctxt "age.constraint_message"
                msgid "Deze vragenlijst is voor 16 tot 99 jaar"
                msgstr "هذا الاستبيان لمن أعمارهم بين 16 و99 سنة"

                msgctxt "langs.text"
                msgid "Welke talen?"
                msgstr "أي اللغات؟"

                msgctxt "langs.constraint_message"
                msgid "Kies er één"
                msgstr "اختر واحدة"

                msgctxt "langs.choice.nl"
                msgid "Nederlands"
                msgstr "الهولندية"

                msgctxt "langs.choice.ar"
                msgid "Arabisch"
                msgstr "العربية"

                msgctxt "bye.text"
                msgid "Dank je"
                msgstr "شكرًا"

                msgctxt "bye.hint"
                msgid "Tot ziens"
                msgstr "إلى اللقاء"
                """;
        LoadResult r = new SurveyLoader(IoiTaxonomy.builtIn()).load(new SurveySource("surveys/t.yaml", yaml,
                Map.of("ar", new SurveySource.TranslationFile("translations/t/ar.po", ar))));
        assertTrue(r.valid(), r.problems().toString());
        return new SurveyVersion(r.survey(), r.texts(), 1, r.checksum());
    }

    @Test
    void hint_isShownUnderTheQuestionText_inTheRespondentsLanguage() {
        Scenario s = scenario(version()).start("ar").expectQuestion("age");
        String text = s.last().messages().get(s.last().messages().size() - 1).text();
        assertTrue(text.startsWith("كم عمرك؟\n\nبالسنوات"), text);
    }

    @Test
    void outOfBounds_saysTheSurveysOwnConstraintMessage_butAnUnreadableAnswerGetsStemsWords() {
        Scenario s = scenario(version()).start("ar").reply("١٢").expectQuestion("age");
        List<Outbound> m = s.last().messages();
        assertEquals(Outbound.Kind.REPROMPT, m.get(0).kind());
        assertEquals("هذا الاستبيان لمن أعمارهم بين 16 و99 سنة", m.get(0).text());
        assertTrue(m.get(0).rtl());
        s.reply("veel").expectReprompt("reprompt.integer");
        s.reply("٣٠").expectAnswer("age", AnswerValue.number(new BigDecimal("30"))).expectQuestion("langs");
        s.reply("1 2");
        assertEquals("اختر واحدة", s.last().messages().get(0).text());
    }

    @Test
    void info_showsItsHintToo() {
        Scenario s = scenario(version()).start("nl").reply("30").reply("1");
        assertTrue(s.last().messages().stream().anyMatch(o -> o.kind() == Outbound.Kind.INFO && o.text().equals("Dank je\n\nTot ziens")),
                s.last().messages().toString());
    }
}
