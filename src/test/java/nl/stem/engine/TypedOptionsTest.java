package nl.stem.engine;

import static nl.stem.engine.Scenario.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import nl.stem.survey.model.AnswerValue;

/**
 * What a respondent without buttons (WhatsApp) types back: the number of an option's line or its
 * label typed loosely, for every button the engine offers, and the language menu in the order it
 * was shown (the channel's guesses first).
 */
class TypedOptionsTest {

    @Test
    void languageMenu_whenTheHintIsAList_showsThoseLanguagesFirstAndANumberMeansTheLineShown() {
        scenario(TestSurveys.basic()).startWithHint("fa,ar,en")
                .expectLanguageMenu().expectLanguage("fa").expectButtons("lang:fa", "lang:ar", "lang:en")
                .reply("۲").expectQuestion("consent").expectLanguage("ar");
    }

    @Test
    void languageMenu_whenAskedAgainAfterAnUnknownReply_keepsTheOrderShown() {
        Scenario s = scenario(TestSurveys.basic()).startWithHint("ar,en").reply("klingon")
                .expectReprompt("language.unknown").expectButtons("lang:ar", "lang:en", "lang:fa");
        assertEquals(List.of("ar", "en", "fa"), s.state().languageMenu());
        s.reply("3").expectQuestion("consent").expectLanguage("fa");
        assertEquals(List.of(), s.state().languageMenu(), "forgotten once chosen");
    }

    @Test
    void consent_whenEveryButtonHasANumber_theNumberAnswersIt() {
        Scenario s = scenario(TestSurveys.basic()).start("ar").expectQuestion("consent");
        Outbound consent = s.last().messages().get(0);
        assertEquals(List.of("1", "2"), consent.buttons().stream().map(Button::number).toList());
        assertEquals(0, consent.listed(), "the consent text lists no option itself");
        s.reply("٢").expectStatus(SessionState.Status.REFUSED).expectEvent(SessionEvent.ConsentRefused.class);
    }

    @Test
    void consent_whenTheRefusalIsTypedLoosely_isAccepted() {
        for (String[] c : new String[][] {{"ar", "لا"}, {"ar", "لاَ"}, {"fa", "نه"}, {"fa", "NO"}, {"en", "No!"}, {"en", "2"}, {"ar", "۲"}}) {
            scenario(TestSurveys.basic()).start(c[0]).reply(c[1]).expectStatus(SessionState.Status.REFUSED);
        }
        scenario(TestSurveys.basic()).start("en").reply("yes, i agree").expectEvent(SessionEvent.AnswerGiven.class);
    }

    @Test
    void singleChoice_whenOptional_theSkipLineAfterTheChoicesIsANumberToo() {
        Outbound q = render(new nl.stem.survey.model.SingleChoiceQuestion(
                new nl.stem.survey.model.QuestionHead("status", true, null, List.of(), 0), List.of(
                        new nl.stem.survey.model.Choice("work", "I work"), new nl.stem.survey.model.Choice("study", "I study"))));
        assertEquals(2, q.listed());
        assertEquals(List.of("1", "2", "3"), q.buttons().stream().map(Button::number).toList());
    }

    @Test
    void multipleChoice_doneIsTheNumberAfterTheChoices_andATypedChoiceNumberStillAnswers() {
        Scenario s = scenario(TestSurveys.basic()).start("en").tap("a:consent:yes").tap("a:status:work").reply("cook")
                .expectQuestion("topics");
        Outbound topics = s.last().messages().get(s.last().messages().size() - 1);
        assertEquals(4, topics.listed());
        assertEquals("5", topics.buttons().get(4).number());
        s.tap("a:topics:health").reply("5").expectQuestion("help_uwv")
                .expectAnswer("topics", AnswerValue.choices(List.of("health")));
        scenario(TestSurveys.basic()).start("en").tap("a:consent:yes").tap("a:status:work").reply("cook")
                .reply("2").expectQuestion("help_uwv").expectAnswer("topics", AnswerValue.choices(List.of("housing")));
    }

    @Test
    void scale_whenNotApplicableIsTypedAsItsLabel_isNotApplicable_andNumbersStayScaleValues() {
        Scenario s = scenario(TestSurveys.basic()).start("en").tap("a:consent:yes").tap("a:status:work").reply("cook")
                .reply("1").expectQuestion("help_uwv");
        Outbound scale = s.last().messages().get(s.last().messages().size() - 1);
        scale.buttons().forEach(b -> assertNull(b.number(), "a scale's typed number is its value: " + b));
        String na = scale.buttons().get(scale.buttons().size() - 1).label();
        s.reply(na.toUpperCase(java.util.Locale.ROOT)).expectQuestion("age").expectAnswer("help_uwv", AnswerValue.notApplicable());
    }

    @Test
    void deletion_whenConfirmedByTheNumberOfItsLine_deletes() {
        scenario(TestSurveys.basic()).start("fa").reply("delete").reply("۱").expectEvent(SessionEvent.DeletionConfirmed.class);
        scenario(TestSurveys.basic()).start("fa").reply("delete").reply("2").expectNotice("delete.cancelled");
    }

    @Test
    void sessionState_storedBeforeTheMenuOrderWasKept_readsWithAnEmptyMenu() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        SessionState old = json.readValue("""
                {"status":"CHOOSING_LANGUAGE","language":"ar","currentQuestion":null,"answers":{},"selection":[],
                 "reprompts":0,"confirmingDeletion":false,"startedAt":"2026-01-05T10:00:00Z","updatedAt":"2026-01-05T10:00:00Z"}""",
                SessionState.class);
        assertEquals(List.of(), old.languageMenu());
        StepResult r = new SurveyEngine(TestUi.texts()).step(TestSurveys.basic(), old, new Input.Text("1"), Instant.parse("2026-01-05T10:01:00Z"));
        assertEquals("ar", r.state().language(), "line 1 of the menu as it was shown then: the menu language first");
        assertEquals("consent", r.state().currentQuestion());
    }

    private static Outbound render(nl.stem.survey.model.Question q) {
        return new QuestionRenderer().render(q, new Phrases(TestUi.texts(), TestSurveys.basic(), "en"));
    }
}
