package nl.stem.survey;

import static nl.stem.survey.Loading.assertMessage;
import static nl.stem.survey.Loading.error;
import static nl.stem.survey.Loading.load;
import static nl.stem.survey.Loading.survey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Telegram: 64-byte callback data, 4096-character messages; WhatsApp: 1600-character bodies. */
class ProviderLimitsTest {

    private static String choiceQuestion(String text, String label) {
        return survey("""
                  - id: q
                    type: single_choice
                    text: "%s"
                    choices:
                      - {id: a, label: "%s"}
                      - {id: b, label: Nee}
                """.formatted(text, label));
    }

    @Test
    void load_whenChoicePayloadOver64Bytes_reportsTheChoice() {
        String longId = "c".repeat(61); // "a:q:" + 61 = 65 bytes
        LoadResult r = load(survey("""
                  - id: q
                    type: single_choice
                    text: Kies
                    choices:
                      - {id: a, label: Ja}
                      - {id: %s, label: Nee}
                """.formatted(longId)));
        assertMessage("button payload 'a:q:" + longId + "' is 65 bytes, over Telegram's 64: use shorter ids",
                error(r, 11, "questions.q.choices." + longId));
    }

    @Test
    void load_whenChoicePayloadExactly64Bytes_isFine() {
        LoadResult r = load(survey("""
                  - id: q
                    type: single_choice
                    text: Kies
                    choices:
                      - {id: a, label: Ja}
                      - {id: %s, label: Nee}
                """.formatted("c".repeat(60))));
        assertTrue(r.valid(), () -> r.problems().toString());
    }

    @Test
    void load_whenScaleNotApplicablePayloadOver64Bytes_reportsTheQuestionId() {
        String longId = "q".repeat(61); // "a:" + 61 + ":na" = 66 bytes
        LoadResult r = load(survey("""
                  - id: %s
                    type: scale
                    text: Hoe goed?
                    min_label: Slecht
                    max_label: Goed
                    not_applicable: true
                """.formatted(longId)));
        assertMessage("button payload 'a:" + longId + ":na' is 66 bytes, over Telegram's 64: use a shorter question id",
                error(r, 6, "questions." + longId + ".id"));
    }

    @Test
    void load_whenOptionalQuestionSkipPayloadOver64Bytes_reportsTheQuestionId() {
        String longId = "q".repeat(60); // "a:" + 60 + ":skip" = 67 bytes
        LoadResult r = load(survey("""
                  - id: %s
                    type: text
                    text: Waarom?
                    optional: true
                """.formatted(longId)));
        assertMessage("button payload 'a:" + longId + ":skip' is 67 bytes, over Telegram's 64: use a shorter question id",
                error(r, 6, "questions." + longId + ".id"));
    }

    @Test
    void load_whenRenderedQuestionOver4096Characters_reportsTelegramLimit() {
        LoadResult r = load(choiceQuestion("x".repeat(4090), "Ja"));
        // 4090 + "\n1. Ja" (6) + "\n2. Nee" (7) = 4103
        assertMessage("question in nl is 4103 characters with its choices, over Telegram's 4096", error(r, 8, "q.text"));
    }

    @Test
    void load_whenRenderedQuestionOver1600Characters_warnsAboutWhatsAppSplit() {
        LoadResult r = load(choiceQuestion("x".repeat(1590), "Ja"));
        SurveyProblem p = Loading.problem(r, SurveyProblem.Severity.WARNING, "surveys/t.yaml", 8, "q.text");
        assertMessage("question in nl is 1603 characters with its choices, over WhatsApp's 1600: it will be split", p);
        assertTrue(r.valid());
    }

    @Test
    void load_whenTranslationMakesQuestionTooLong_reportsItInThePoFile() {
        String yaml = Loading.header("[nl, en]") + """
                  - id: q
                    type: info
                    text: Hallo
                """;
        LoadResult r = load(yaml, Map.of("en", Loading.po("en", new String[] {"survey.title", "Test", "Test"},
                new String[] {"q.text", "Hallo", "y".repeat(5000)})));
        SurveyProblem p = Loading.problem(r, SurveyProblem.Severity.ERROR, "translations/t/en.po", 9, "q.text");
        assertMessage("question in en is 5000 characters with its choices, over Telegram's 4096", p);
    }

    @Test
    void load_whenChoiceLabelOver200Characters_reportsIt() {
        LoadResult r = load(choiceQuestion("Kies", "z".repeat(201)));
        assertMessage("choice label in nl is 201 characters; at most 200", error(r, 10, "q.choice.a"));
    }

    @Test
    void load_whenChoiceLabelBetween21And200Characters_isFine() {
        LoadResult r = load(choiceQuestion("Kies", "z".repeat(120)));
        assertTrue(r.valid(), () -> r.problems().toString());
        assertEquals(0, r.problems().size(), () -> r.problems().toString());
    }
}
