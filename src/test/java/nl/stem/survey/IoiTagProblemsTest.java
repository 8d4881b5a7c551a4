package nl.stem.survey;

import static nl.stem.survey.Loading.assertMessage;
import static nl.stem.survey.Loading.error;
import static nl.stem.survey.Loading.load;
import static nl.stem.survey.Loading.survey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class IoiTagProblemsTest {

    @Test
    void load_whenIoiTagMisspelled_suggestsTheTaxonomyTag() {
        LoadResult r = load(survey("""
                  - id: job
                    type: text
                    text: Wat is je baan?
                    ioi:
                      - work
                      - work.employment_stats
                """));
        assertMessage("unknown IoI tag 'work.employment_stats' (did you mean work.employment_status?)", error(r, 11, "questions.job.ioi"));
    }

    @Test
    void load_whenIoiTagIsIndicatorWithoutDomain_suggestsTheFullTag() {
        LoadResult r = load(survey("""
                  - id: job
                    type: text
                    text: Wat is je baan?
                    ioi: [skills_match]
                """));
        assertMessage("unknown IoI tag 'skills_match' (did you mean work.skills_match?)", error(r, 9, "questions.job.ioi"));
    }

    @Test
    void load_whenIoiTagUnrelated_reportsWithoutSuggestion() {
        LoadResult r = load(survey("""
                  - id: job
                    type: text
                    text: Wat is je baan?
                    ioi: [happiness]
                """));
        assertMessage("unknown IoI tag 'happiness'", error(r, 9, "questions.job.ioi"));
    }

    @Test
    void load_whenIoiOnInfoQuestion_warnsAndDropsTheTags() {
        LoadResult r = load(Loading.MINIMAL + """
                  - id: intro
                    type: info
                    text: Hallo
                    ioi: [work]
                """);
        SurveyProblem p = Loading.problem(r, SurveyProblem.Severity.WARNING, "surveys/t.yaml", 12, "questions.intro.ioi");
        assertMessage("IoI tags on an info question are ignored: it has no answer", p);
        assertTrue(r.valid());
        assertEquals(List.of(), r.survey().question("intro").orElseThrow().head().ioi());
    }
}
