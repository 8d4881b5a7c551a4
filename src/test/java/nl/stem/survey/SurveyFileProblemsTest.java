package nl.stem.survey;

import static nl.stem.survey.Loading.assertMessage;
import static nl.stem.survey.Loading.error;
import static nl.stem.survey.Loading.load;
import static nl.stem.survey.Loading.survey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Problems in the survey file itself: top-level fields, questions, choices, bounds. */
class SurveyFileProblemsTest {

    @Test
    void load_whenYamlIsMalformed_reportsTheLineInsteadOfThrowing() {
        LoadResult r = load("id: t\ntitle: Test\nquestions:\n  - id: a\n    text: \"unclosed\n  - id: b: c\n");
        SurveyProblem p = r.problems().get(0);
        assertEquals("survey", p.key());
        assertTrue(p.message().startsWith("invalid YAML: "), p.message());
        assertTrue(p.line() >= 5, p.toString());
        assertNull(r.surveyId());
        assertNull(r.survey());
    }

    @Test
    void load_whenMappingValueMisplaced_reportsYamlProblemAtItsLine() {
        LoadResult r = load("id: t\ntitle: a: b\n");
        assertMessage("invalid YAML: mapping values are not allowed here", error(r, 2, "survey"));
    }

    @Test
    void load_whenFileIsAList_reportsItMustBeAMapping() {
        LoadResult r = load("- id: t\n- title: Test\n");
        assertMessage("a survey file must be a mapping with id, title, source_language, languages and questions; found a list",
                error(r, 1, "survey"));
    }

    @Test
    void load_whenFileIsPlainText_reportsItMustBeAMapping() {
        LoadResult r = load("just some words\n");
        assertMessage("a survey file must be a mapping with id, title, source_language, languages and questions; found 'just some words'",
                error(r, 1, "survey"));
    }

    @Test
    void load_whenFileIsEmpty_reportsEmptyFile() {
        assertMessage("the survey file is empty", error(load(""), 1, "survey"));
    }

    @Test
    void load_whenIdMissing_reportsMissingIdWithTheExpectedOne() {
        LoadResult r = load(Loading.MINIMAL.replace("id: t\n", ""));
        assertMessage("missing id (it should be 't', the file name)", error(r, 1, "id"));
    }

    @Test
    void load_whenIdInvalid_reportsInvalidId() {
        LoadResult r = load(Loading.MINIMAL.replace("id: t\n", "id: T-1\n"));
        assertMessage("invalid id 'T-1': use lower-case letters, digits and _ , starting with a letter", error(r, 1, "id"));
    }

    @Test
    void load_whenIdDiffersFromFileName_reportsMismatch() {
        LoadResult r = load(Loading.MINIMAL.replace("id: t\n", "id: other\n"));
        assertMessage("id 'other' does not match the file name: it should be 't'", error(r, 1, "id"));
    }

    @Test
    void load_whenTitleMissing_reportsMissingTitle() {
        LoadResult r = load(Loading.MINIMAL.replace("title: Test\n", ""));
        assertMessage("missing title", error(r, 1, "title"));
    }

    @Test
    void load_whenSourceLanguageMissing_reportsIt() {
        LoadResult r = load(Loading.MINIMAL.replace("source_language: nl\n", ""));
        assertMessage("missing source_language (e.g. nl)", error(r, 1, "source_language"));
    }

    @Test
    void load_whenSourceLanguageIsGarbage_reportsInvalidTag() {
        LoadResult r = load(Loading.MINIMAL.replace("source_language: nl\n", "source_language: xx-!!\n"));
        assertMessage("'xx-!!' is not a valid BCP 47 language tag", error(r, 3, "source_language"));
    }

    @Test
    void load_whenLanguagesMissing_reportsIt() {
        LoadResult r = load(Loading.MINIMAL.replace("languages: [nl]\n", ""));
        assertMessage("missing languages (e.g. [nl, en, ar])", error(r, 1, "languages"));
    }

    @Test
    void load_whenLanguageTagIllFormed_reportsInvalidTag() {
        LoadResult r = load(Loading.MINIMAL.replace("languages: [nl]", "languages: [nl, xx-!!]"));
        assertMessage("'xx-!!' is not a valid BCP 47 language tag", error(r, 4, "languages.xx-!!"));
    }

    @Test
    void load_whenLanguageUnknownToIcu_reportsUnknownLanguage() {
        LoadResult r = load(Loading.MINIMAL.replace("languages: [nl]", "languages:\n  - nl\n  - qq\n")
                .replace("questions:\n", "questions:\n"));
        assertMessage("unknown language 'qq'", error(r, 6, "languages.qq"));
    }

    @Test
    void load_whenSourceLanguageNotListed_reportsIt() {
        LoadResult r = load(Loading.MINIMAL.replace("languages: [nl]", "languages: [en]"),
                java.util.Map.of("en", Loading.po("en", new String[] {"survey.title", "Test", "Test"},
                        new String[] {"consent.text", "Doe je mee?", "Will you take part?"})));
        assertMessage("languages must include the source language 'nl'", error(r, 4, "languages"));
    }

    @Test
    void load_whenUnknownTopLevelKey_suggestsTheKnownOne() {
        LoadResult r = load(Loading.MINIMAL.replace("title: Test\n", "title: Test\nlanguage: [nl]\n"));
        assertMessage("unknown key 'language' (did you mean languages?)", error(r, 3, "language"));
    }

    @Test
    void load_whenKeyRepeated_reportsDuplicateKey() {
        LoadResult r = load(Loading.MINIMAL.replace("title: Test\n", "title: Test\ntitle: Again\n"));
        assertMessage("duplicate key 'title' (first at line 2)", error(r, 3, "title"));
    }

    @Test
    void load_whenQuestionIdsRepeat_reportsDuplicateAtTheSecond() {
        LoadResult r = load(survey("""
                  - id: consent
                    type: consent
                    text: Doe je mee?
                  - id: consent
                    type: info
                    text: Dank je.
                """));
        assertMessage("duplicate question id 'consent' (first at line 6)", error(r, 9, "questions.consent.id"));
    }

    @Test
    void load_whenQuestionHasNoId_reportsItByPosition() {
        LoadResult r = load(survey("""
                  - type: info
                    text: Hallo
                """));
        assertMessage("question 1 has no id", error(r, 6, "questions.[1].id"));
    }

    @Test
    void load_whenQuestionIsNotAMapping_reportsIt() {
        LoadResult r = load(survey("  - just text\n"));
        assertMessage("each question must be a mapping with id, type and text, found 'just text'", error(r, 6, "questions[1]"));
    }

    @Test
    void load_whenTypeUnknown_suggestsTheClosestType() {
        LoadResult r = load(survey("""
                  - id: status
                    type: singel_choice
                    text: Wat doe je?
                """));
        assertMessage("unknown question type 'singel_choice' (did you mean single_choice?)", error(r, 7, "questions.status.type"));
    }

    @Test
    void load_whenTextMissing_reportsMissingText() {
        LoadResult r = load(survey("""
                  - id: intro
                    type: info
                """));
        assertMessage("missing text", error(r, 6, "questions.intro.text"));
    }

    @Test
    void load_whenKeyMisspelled_suggestsTheRightKey() {
        LoadResult r = load(survey("""
                  - id: status
                    type: single_choice
                    text: Wat doe je?
                    choises:
                      - {id: a, label: A}
                      - {id: b, label: B}
                """));
        assertMessage("unknown key 'choises' (did you mean choices?)", error(r, 9, "questions.status.choises"));
    }

    @Test
    void load_whenKeyBelongsToAnotherType_saysItDoesNotApply() {
        LoadResult r = load(survey("""
                  - id: job
                    type: text
                    text: Wat is je baan?
                    min_label: Weinig
                """));
        assertMessage("key 'min_label' does not apply to a text question", error(r, 9, "questions.job.min_label"));
    }

    @Test
    void load_whenChoicesMissing_reportsMissingChoices() {
        LoadResult r = load(survey("""
                  - id: status
                    type: single_choice
                    text: Wat doe je?
                """));
        assertMessage("missing choices: single_choice needs at least 2 choices", error(r, 6, "questions.status.choices"));
    }

    @Test
    void load_whenOnlyOneChoice_reportsAtLeastTwo() {
        LoadResult r = load(survey("""
                  - id: status
                    type: single_choice
                    text: Wat doe je?
                    choices:
                      - {id: work, label: Ik werk}
                """));
        assertMessage("single_choice needs at least 2 choices", error(r, 10, "questions.status.choices"));
    }

    @Test
    void load_whenChoiceIdsRepeat_reportsDuplicateChoice() {
        LoadResult r = load(survey("""
                  - id: langs
                    type: multiple_choice
                    text: Welke talen?
                    choices:
                      - {id: nl, label: Nederlands}
                      - {id: en, label: Engels}
                      - {id: nl, label: Vlaams}
                """));
        assertMessage("duplicate choice id 'nl' (first at line 10)", error(r, 12, "questions.langs.choices.nl"));
    }

    @Test
    void load_whenChoiceIdIsReserved_reportsIt() {
        LoadResult r = load(survey("""
                  - id: status
                    type: single_choice
                    text: Wat doe je?
                    optional: true
                    choices:
                      - {id: work, label: Ik werk}
                      - {id: skip, label: Overslaan}
                """));
        assertMessage("choice id 'skip' is reserved for Stem's own skip button", error(r, 12, "questions.status.choices.skip"));
    }

    @Test
    void load_whenMultipleChoiceMaxBelowMin_reportsBounds() {
        LoadResult r = load(survey("""
                  - id: langs
                    type: multiple_choice
                    text: Welke talen?
                    min: 2
                    max: 1
                    choices:
                      - {id: nl, label: Nederlands}
                      - {id: en, label: Engels}
                """));
        assertMessage("max must be 0 (no limit) or between min (2) and 2 (the number of choices), found 1",
                error(r, 10, "questions.langs.max"));
    }

    @Test
    void load_whenScaleLabelsMissing_reportsBothLabels() {
        LoadResult r = load(survey("""
                  - id: help
                    type: scale
                    text: Hoe goed?
                """));
        assertMessage("missing min_label: a scale needs labelled end points", error(r, 6, "questions.help.min_label"));
        assertMessage("missing max_label: a scale needs labelled end points", error(r, 6, "questions.help.max_label"));
    }

    @Test
    void load_whenScaleHasTooManyPoints_reportsBounds() {
        LoadResult r = load(survey("""
                  - id: help
                    type: scale
                    text: Hoe goed?
                    min: 1
                    max: 20
                    min_label: Slecht
                    max_label: Goed
                """));
        assertMessage("a scale needs 2 to 11 points; min 1 and max 20 give 20", error(r, 10, "questions.help.max"));
    }

    @Test
    void load_whenScaleMaxBelowMin_reportsBounds() {
        LoadResult r = load(survey("""
                  - id: help
                    type: scale
                    text: Hoe goed?
                    min: 5
                    max: 1
                    min_label: Slecht
                    max_label: Goed
                """));
        assertMessage("a scale needs 2 to 11 points; min 5 and max 1 give -3", error(r, 10, "questions.help.max"));
    }

    @Test
    void load_whenScaleBoundIsNotANumber_reportsIt() {
        LoadResult r = load(survey("""
                  - id: help
                    type: scale
                    text: Hoe goed?
                    max: veel
                    min_label: Slecht
                    max_label: Goed
                """));
        assertMessage("expected a whole number, found 'veel'", error(r, 9, "questions.help.max"));
    }

    @Test
    void load_whenNumberMinAboveMax_reportsIt() {
        LoadResult r = load(survey("""
                  - id: years
                    type: number
                    text: Hoeveel jaar?
                    min: 10
                    max: 2.5
                    decimal: true
                """));
        assertMessage("min 10 is greater than max 2.5", error(r, 9, "questions.years.min"));
    }

    @Test
    void load_whenIntegerNumberHasDecimalBound_warnsOnly() {
        LoadResult r = load(survey("""
                  - id: years
                    type: number
                    text: Hoeveel jaar?
                    min: 0.5
                """));
        SurveyProblem p = Loading.problem(r, SurveyProblem.Severity.WARNING, "surveys/t.yaml", 9, "questions.years.min");
        assertMessage("min 0.5 is not a whole number but the question asks for one (set decimal: true?)", p);
        assertTrue(r.valid());
    }

    @Test
    void load_whenMaxLengthTooLarge_reportsRange() {
        LoadResult r = load(survey("""
                  - id: job
                    type: text
                    text: Wat is je baan?
                    max_length: 5000
                """));
        assertMessage("max_length must be between 1 and 4096, found 5000", error(r, 9, "questions.job.max_length"));
    }

    @Test
    void load_whenOpenMaxLengthZero_reportsRange() {
        LoadResult r = load(survey("""
                  - id: advice
                    type: open
                    text: Advies?
                    max_length: 0
                """));
        assertMessage("max_length must be between 1 and 4096, found 0", error(r, 9, "questions.advice.max_length"));
    }

    @Test
    void load_whenConsentIsOptional_reportsIt() {
        LoadResult r = load(Loading.MINIMAL + "    optional: true\n");
        assertMessage("a consent question cannot be optional", error(r, 9, "questions.consent.optional"));
    }

    @Test
    void load_whenInfoIsOptional_reportsIt() {
        LoadResult r = load(survey("""
                  - id: intro
                    type: info
                    text: Hallo
                    optional: true
                """));
        assertMessage("an info question cannot be optional", error(r, 9, "questions.intro.optional"));
    }

    @Test
    void load_whenBooleanIsNotTrueOrFalse_reportsIt() {
        LoadResult r = load(Loading.MINIMAL.replace("questions:", "open_to_anyone: yes\nquestions:"));
        assertMessage("expected true or false, found 'yes'", error(r, 5, "open_to_anyone"));
    }

    @Test
    void load_whenSourceTextIsBrokenIcuPattern_reportsIcuMessageAtTheYamlLine() {
        LoadResult r = load(Loading.MINIMAL.replace("text: Doe je mee?", "text: \"Doe je mee, {naam?\""));
        SurveyProblem p = error(r, 8, "consent.text");
        assertTrue(p.message().startsWith("broken ICU MessageFormat pattern: "), p.message());
    }

    @Test
    void toString_whenProblemHasLine_showsFileLineKeyAndMessage() {
        LoadResult r = load(survey("""
                  - id: status
                    type: single_choice
                    text: Wat doe je?
                    choices:
                      - {id: work, label: Ik werk}
                """));
        assertEquals("surveys/t.yaml:10 [questions.status.choices] single_choice needs at least 2 choices",
                r.errors().get(0).toString());
    }

    @Test
    void load_whenChoiceKeyMisspelled_namesTheChoiceAndSuggests() {
        LoadResult r = load(survey("""
                  - id: status
                    type: single_choice
                    text: Wat doe je?
                    choices:
                      - {id: work, label: Ik werk}
                      - id: study
                        lable: Ik studeer
                """));
        assertMessage("unknown key 'lable' (did you mean label?)", error(r, 12, "questions.status.choices.study.lable"));
    }

    @Test
    void problems_whenFoundByDifferentChecks_comeInFileAndLineOrder() {
        LoadResult r = load(survey("""
                  - id: a
                    type: text
                    text: Waarom?
                    when: "b > 1"
                  - id: b
                    type: number
                    text: Hoeveel?
                    max: veel
                """));
        assertEquals(java.util.List.of(9, 13), r.problems().stream().map(SurveyProblem::line).toList());
    }

    @Test
    void load_whenQuestionIdIsAConditionKeyword_reportsIt() {
        LoadResult r = load(survey("""
                  - id: in
                    type: text
                    text: Waar woon je?
                """));
        assertMessage("question id 'in' is a word of the condition language (and, or, not, in): choose another",
                error(r, 6, "questions.in.id"));
    }
}
