package nl.stem.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.stem.survey.model.AnswerValue;
import nl.stem.survey.model.ConsentQuestion;
import nl.stem.survey.model.InfoQuestion;
import nl.stem.survey.model.MediaKind;
import nl.stem.survey.model.MediaQuestion;
import nl.stem.survey.model.MultipleChoiceQuestion;
import nl.stem.survey.model.NumberQuestion;
import nl.stem.survey.model.OpenQuestion;
import nl.stem.survey.model.Question;
import nl.stem.survey.model.ScaleQuestion;
import nl.stem.survey.model.SingleChoiceQuestion;
import nl.stem.survey.model.Survey;
import nl.stem.survey.model.TextQuestion;

class SurveyLoaderValidSurveyTest {

    static Path root() throws URISyntaxException {
        return Path.of(SurveyLoaderValidSurveyTest.class.getResource("/survey-valid").toURI());
    }

    static LoadResult loadValid() throws Exception {
        List<SurveySource> sources = SurveyLoader.readDirectory(root().resolve("surveys"), root().resolve("translations"));
        assertEquals(1, sources.size(), "only surveys/*.yaml are read");
        return new SurveyLoader(IoiTaxonomy.builtIn()).load(sources.get(0));
    }

    @Test
    void readDirectory_whenSurveyWithTranslations_namesFilesRelativeAndSkipsOtherFiles() throws Exception {
        SurveySource s = SurveyLoader.readDirectory(root().resolve("surveys"), root().resolve("translations")).get(0);
        assertEquals("surveys/toegang_tot_werk.yaml", s.surveyFile());
        assertEquals(List.of("ar", "en"), List.copyOf(s.translations().keySet()));
        assertEquals("translations/toegang_tot_werk/ar.po", s.translations().get("ar").file());
    }

    @Test
    void load_whenEveryQuestionTypeIsValid_givesNoErrorsAndTheRightRecords() throws Exception {
        LoadResult r = loadValid();
        assertTrue(r.valid(), () -> r.problems().toString());
        assertTrue(r.errors().isEmpty());
        Survey s = r.survey();
        assertEquals("toegang_tot_werk", r.surveyId());
        assertEquals("Toegang tot werk", s.title());
        assertEquals("nl", s.sourceLanguage());
        assertEquals(List.of("nl", "en", "ar"), s.languages());
        assertTrue(s.openToAnyone());
        List<Class<?>> types = s.questions().stream().<Class<?>>map(Object::getClass).toList();
        assertEquals(List.of(ConsentQuestion.class, InfoQuestion.class, SingleChoiceQuestion.class, ScaleQuestion.class,
                MultipleChoiceQuestion.class, NumberQuestion.class, NumberQuestion.class, TextQuestion.class,
                MediaQuestion.class, MediaQuestion.class, MediaQuestion.class, OpenQuestion.class), types);

        assertEquals(7, s.questions().get(0).head().line());
        SingleChoiceQuestion status = (SingleChoiceQuestion) s.question("status").orElseThrow();
        assertEquals(List.of("work", "search", "study"), status.choices().stream().map(c -> c.id()).toList());
        assertEquals(List.of("work.employment_status"), status.head().ioi());

        ScaleQuestion scale = (ScaleQuestion) s.question("help_uwv").orElseThrow();
        assertEquals(new ScaleQuestion(scale.head(), 1, 5, "Heel slecht geholpen", "Heel goed geholpen", true), scale);
        assertEquals(List.of("work", "links.trust_institutions"), scale.head().ioi());

        MultipleChoiceQuestion langs = (MultipleChoiceQuestion) s.question("langs").orElseThrow();
        assertEquals(1, langs.min());
        assertEquals(2, langs.max());

        NumberQuestion years = (NumberQuestion) s.question("years_nl").orElseThrow();
        assertFalse(years.decimal());
        assertEquals(0, years.min().compareTo(BigDecimal.ZERO));
        NumberQuestion hours = (NumberQuestion) s.question("hours").orElseThrow();
        assertTrue(hours.decimal());
        assertEquals(new BigDecimal("0.5"), hours.min());

        assertEquals(200, ((TextQuestion) s.question("job_title").orElseThrow()).maxLength());
        assertEquals(MediaKind.AUDIO, ((MediaQuestion) s.question("story").orElseThrow()).kind());
        assertEquals(MediaKind.VIDEO, ((MediaQuestion) s.question("clip").orElseThrow()).kind());
        assertEquals(MediaKind.IMAGE, ((MediaQuestion) s.question("photo").orElseThrow()).kind());
        OpenQuestion advice = (OpenQuestion) s.question("advice").orElseThrow();
        assertEquals(new OpenQuestion(advice.head(), 1000, true), advice);
        assertTrue(advice.head().optional());

        Question jobTitle = s.question("job_title").orElseThrow();
        assertEquals("status == 'work' and years_nl > 2", jobTitle.head().when().source());
        Map<String, AnswerValue> answers = Map.of("status", AnswerValue.choice("work"), "years_nl", AnswerValue.number(BigDecimal.TEN));
        assertTrue(jobTitle.head().when().test(answers::get));
        assertNull(s.question("consent").orElseThrow().head().when());
    }

    @Test
    void load_whenTranslationsPresent_givesTextsPerLanguageAndCountsFuzzyAsInfo() throws Exception {
        LoadResult r = loadValid();
        assertEquals("Toegang tot werk", r.texts().pattern("nl", "survey.title"));
        assertEquals("Access to work", r.texts().pattern("en", "survey.title"));
        assertEquals("أعمل", r.texts().pattern("ar", "status.choice.work"));
        assertEquals("Heel goed geholpen", r.texts().pattern("nl", "help_uwv.max_label"));
        assertEquals(21, r.texts().byLanguage().get("en").size());
        // fuzzy (machine-drafted) translations are used, and reported as an info only
        assertEquals("أرسل صورة لمكان عملك.", r.texts().pattern("ar", "photo.text"));
        SurveyProblem fuzzy = Loading.problem(r, SurveyProblem.Severity.INFO, "translations/toegang_tot_werk/ar.po", 0, "fuzzy");
        assertTrue(fuzzy.message().startsWith("2 of 21 translations in ar are unreviewed (fuzzy)"), fuzzy.message());
        assertEquals(1, r.problems().size(), () -> r.problems().toString());
    }

    @Test
    void load_whenValid_questionTypesMatchTheirTypeNames() throws Exception {
        Survey s = loadValid().survey();
        assertEquals(List.of("consent", "info", "single_choice", "scale", "multiple_choice", "number", "number", "text",
                "audio", "video", "image", "open"), s.questions().stream().map(Question::type).toList());
        assertInstanceOf(nl.stem.survey.logic.ParsedCondition.class, s.question("hours").orElseThrow().head().when());
    }
}
