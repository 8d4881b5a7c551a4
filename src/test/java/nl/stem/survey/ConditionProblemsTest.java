package nl.stem.survey;

import static nl.stem.survey.Loading.assertMessage;
import static nl.stem.survey.Loading.error;
import static nl.stem.survey.Loading.load;
import static nl.stem.survey.Loading.survey;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Skip logic in survey files: syntax, references, order. */
class ConditionProblemsTest {
    private static final String STATUS = """
              - id: intro
                type: info
                text: Hallo
              - id: status
                type: single_choice
                text: Wat doe je?
                choices:
                  - {id: work, label: Ik werk}
                  - {id: search, label: Ik zoek werk}
            """;

    /** A question on line 15 with this condition on line 18, after intro (6) and status (9). */
    private static LoadResult withCondition(String when, String after) {
        return load(survey(STATUS + """
                  - id: q5
                    type: text
                    text: Waarom?
                    when: "%s"
                """.formatted(when) + after));
    }

    @Test
    void load_whenConditionValid_attachesItToTheQuestion() {
        LoadResult r = withCondition("status == 'work'", "");
        assertTrue(r.valid(), () -> r.problems().toString());
    }

    @Test
    void load_whenConditionDoesNotParse_reportsColumn() {
        LoadResult r = withCondition("(status == 'work'", "");
        assertMessage("invalid condition: expected ')' at column 18, found the end of the condition", error(r, 18, "questions.q5.when"));
    }

    @Test
    void load_whenConditionRefersToUnknownQuestion_suggestsClosest() {
        LoadResult r = withCondition("stauts == 'work'", "");
        assertMessage("condition of q5 refers to 'stauts', which is not a question in this survey (did you mean status?)",
                error(r, 18, "questions.q5.when"));
    }

    @Test
    void load_whenConditionRefersToItself_reportsCycle() {
        LoadResult r = withCondition("answered(q5)", "");
        assertMessage("condition of q5 refers to q5 itself: conditions may only refer to earlier questions (this would form a cycle)",
                error(r, 18, "questions.q5.when"));
    }

    @Test
    void load_whenConditionRefersToLaterQuestion_reportsCycle() {
        LoadResult r = withCondition("q7 > 2", """
                  - id: q7
                    type: number
                    text: Hoeveel?
                """);
        assertMessage("condition of q5 refers to q7, which is asked later: conditions may only refer to earlier questions (this would form a cycle)",
                error(r, 18, "questions.q5.when"));
    }

    @Test
    void load_whenConditionRefersToInfoQuestion_reportsNoAnswer() {
        LoadResult r = withCondition("answered(intro)", "");
        assertMessage("condition of q5 refers to intro, which is an info question and has no answer", error(r, 18, "questions.q5.when"));
    }

    @Test
    void load_whenConditionComparesWithUnknownChoice_warnsWithSuggestion() {
        LoadResult r = withCondition("status in ['work', 'serch']", "");
        SurveyProblem p = Loading.problem(r, SurveyProblem.Severity.WARNING, "surveys/t.yaml", 18, "questions.q5.when");
        assertMessage("condition of q5 compares status with 'serch', which is not one of its choices (work, search) (did you mean search?)", p);
        assertTrue(r.valid());
    }
}
