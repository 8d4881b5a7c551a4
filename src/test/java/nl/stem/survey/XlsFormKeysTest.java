package nl.stem.survey;

import static nl.stem.survey.Loading.load;
import static nl.stem.survey.Loading.survey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.stem.survey.model.Question;

/** The survey-file keys XLSForm brought: hint, constraint_message, media_audio, and count() in conditions. */
class XlsFormKeysTest {

    @Test
    void hintAndConstraintMessage_areTextsToTranslate() {
        LoadResult r = load(Loading.header("[nl, ar]") + """
                  - id: age
                    type: number
                    text: Leeftijd?
                    hint: In jaren
                    min: 16
                    constraint_message: Vanaf 16
                """, Map.of("ar", Loading.po("ar", new String[] {"survey.title", "Test", "اختبار"},
                new String[] {"age.text", "Leeftijd?", "العمر؟"})));
        assertTrue(r.problems().stream().anyMatch(p -> p.isError() && p.key().equals("age.hint") && p.message().equals("missing translation in ar")),
                r.problems().toString());
        assertTrue(r.problems().stream().anyMatch(p -> p.isError() && p.key().equals("age.constraint_message")), r.problems().toString());
    }

    @Test
    void constraintMessage_onlyWhereStemChecksBounds() {
        LoadResult r = load(survey("""
                  - id: kleur
                    type: single_choice
                    text: Kleur?
                    constraint_message: Kies er een
                    choices:
                      - {id: a, label: A}
                      - {id: b, label: B}
                  - id: naam
                    type: text
                    text: Naam?
                    constraint_message: Te lang
                """));
        assertTrue(r.problems().stream().anyMatch(p -> p.isError() && p.line() == 9
                && p.message().equals("key 'constraint_message' does not apply to a single_choice question")), r.problems().toString());
        assertTrue(r.problems().stream().anyMatch(p -> p.severity() == SurveyProblem.Severity.WARNING && p.line() == 16
                && p.message().contains("this question sets none")), r.problems().toString());
    }

    @Test
    void mediaAudio_isKeptPerLanguage_withAWarningWhenNoMediaFolderCameWithIt() {
        LoadResult r = load(survey("""
                  - id: story
                    type: audio
                    text: Vertel
                    media_audio: {nl: verhaal_nl.mp3}
                """));
        assertTrue(r.valid(), r.problems().toString());
        Question q = r.survey().question("story").orElseThrow();
        assertEquals(Map.of("nl", "verhaal_nl.mp3"), q.head().audio());
        assertTrue(r.problems().stream().anyMatch(p -> p.line() == 9 && p.message().contains("sent as text only")), r.problems().toString());

        LoadResult bad = load(survey("""
                  - id: story
                    type: audio
                    text: Vertel
                    media_audio: {ar: x.mp3, nl: ../../etc/passwd}
                """));
        assertTrue(bad.problems().stream().anyMatch(p -> p.isError() && p.message().contains("not one of the survey's languages")), bad.problems().toString());
        assertTrue(bad.problems().stream().anyMatch(p -> p.isError() && p.message().contains("must be a file name")), bad.problems().toString());
    }

    @Test
    void count_inConditions_refersToItsQuestion() {
        LoadResult r = load(survey("""
                  - id: talen
                    type: multiple_choice
                    text: Talen?
                    choices:
                      - {id: nl, label: NL}
                      - {id: ar, label: AR}
                  - id: welke
                    type: text
                    text: Welke het meest?
                    when: "count(talen) >= 2"
                  - id: later
                    type: text
                    text: Later
                    when: "count(nog) > 0"
                """));
        assertTrue(r.problems().stream().anyMatch(p -> p.isError() && p.message().contains("refers to 'nog', which is not a question")),
                r.problems().toString());
        assertEquals(1, r.errors().size(), r.problems().toString());
    }
}
