package nl.stem.engine;

import nl.stem.survey.model.AnswerValue;
import nl.stem.survey.model.MediaKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static nl.stem.engine.Scenario.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SurveyEngineTest {

    private static Scenario atStatus(String language) {
        return scenario(TestSurveys.basic()).start(language).tap("a:consent:yes").expectQuestion("status");
    }

    @Test
    void start_whenExplicitLanguageOffered_asksFirstQuestionInIt() {
        scenario(TestSurveys.basic()).start("ar")
                .expectQuestion("consent").expectLanguage("ar").expectEvent(SessionEvent.LanguageChosen.class)
                .expectButtons("a:consent:yes", "a:consent:no");
    }

    @Test
    void start_whenOnlyHint_showsMenuInHintedLanguageFirst() {
        Scenario s = scenario(TestSurveys.basic()).startWithHint("ar-SY").expectLanguageMenu()
                .expectButtons("lang:ar", "lang:en", "lang:fa");
        assertTrue(s.last().messages().get(0).rtl());
        assertTrue(s.last().messages().get(0).text().startsWith("اختر لغتك"));
    }

    @Test
    void start_whenHintUnknown_showsMenuInSourceLanguage() {
        scenario(TestSurveys.basic()).startWithHint("ja").expectLanguageMenu()
                .expectButtons("lang:en", "lang:ar", "lang:fa");
    }

    @Test
    void start_whenSurveyHasOneLanguage_skipsMenu() {
        scenario(TestSurveys.singleLanguage()).startWithHint(null).expectQuestion("city").expectLanguage("ar");
    }

    @Test
    void languageMenu_whenTypedSelfNameOrTag_choosesIt() {
        scenario(TestSurveys.basic()).startWithHint(null).reply("فارسی").expectQuestion("consent").expectLanguage("fa");
        scenario(TestSurveys.basic()).startWithHint(null).reply("AR").expectQuestion("consent").expectLanguage("ar");
    }

    @Test
    void languageMenu_whenGarbage_repromptsWithMenu() {
        scenario(TestSurveys.basic()).startWithHint("en").reply("blah")
                .expectReprompt("language.unknown").expectLanguageMenu();
    }

    @Test
    void singleChoice_whenArabicDigit_choosesByNumber() {
        atStatus("ar").reply("٣").expectAnswer("status", AnswerValue.choice("study")).expectQuestion("search_months");
    }

    @Test
    void singleChoice_whenTypedLabelWithVariantLetters_matches() {
        // "اعمل" typed without hamza still matches the label "أعمل".
        atStatus("ar").reply("اعمل").expectAnswer("status", AnswerValue.choice("work")).expectQuestion("job_title");
    }

    @Test
    void singleChoice_whenOutOfRange_repromptsAndAsksAgainWithButtons() {
        atStatus("en").reply("4").expectReprompt("reprompt.choice").expectQuestion("status")
                .expectButtons("a:status:work", "a:status:search", "a:status:study");
    }

    @Test
    void skipLogic_whenWork_asksJobTitleAndNeverSearchMonths() {
        atStatus("en").tap("a:status:work").expectQuestion("job_title").reply("Nurse").expectQuestion("topics")
                .expectNoAnswer("search_months");
    }

    @Test
    void skipLogic_whenNotWork_skipsJobTitleRecordingNothing() {
        atStatus("en").tap("a:status:search").expectQuestion("search_months").expectNoAnswer("job_title");
    }

    @Test
    void multipleChoice_whenArabicCommaAndDigits_choosesBoth() {
        atStatus("ar").reply("٢").reply("٥").expectQuestion("topics").reply("٢،٤")
                .expectAnswer("topics", AnswerValue.choices(List.of("housing", "health")));
    }

    @Test
    void multipleChoice_whenTooMany_repromptsMax() {
        atStatus("en").reply("2").reply("5").reply("1 2 3").expectReprompt("reprompt.multiple_max").expectQuestion("topics");
    }

    @Test
    void multipleChoice_whenDoneWithNothingSelected_repromptsMin() {
        atStatus("en").reply("2").reply("5").tap("a:topics:done").expectReprompt("reprompt.multiple_min");
    }

    @Test
    void multipleChoice_whenTogglesThenDoneWord_confirmsSelection() {
        atStatus("en").reply("2").reply("5").tap("a:topics:health").expectNotice("multiple.selected")
                .tap("a:topics:work").reply("done")
                .expectAnswer("topics", AnswerValue.choices(List.of("work", "health")));
    }

    @Test
    void scale_whenNotApplicableWordInArabic_recordsNotApplicable() {
        Scenario s = atStatus("ar").reply("٢").reply("٥").reply("١").expectQuestion("help_uwv").reply("لا ينطبق");
        s.expectAnswer("help_uwv", AnswerValue.notApplicable()).expectQuestion("age");
    }

    @Test
    void number_whenPersianMixedDigitsOutOfRange_repromptsRange() {
        atStatus("fa").reply("۲").reply("۱۲3").expectReprompt("reprompt.number_range").expectQuestion("search_months");
    }

    @Test
    void number_whenDecimalAllowed_keepsFraction() {
        Scenario s = atStatus("en").reply("2").reply("5").reply("1").reply("3").reply("30").expectQuestion("hours")
                .reply("12,5");
        s.expectAnswer("hours", AnswerValue.number(new BigDecimal("12.5")));
    }

    @Test
    void consent_whenRefused_clearsAnswersAndEndsRefused() {
        scenario(TestSurveys.basic()).start("en").tap("a:consent:no")
                .expectNotice("consent.refused").expectStatus(SessionState.Status.REFUSED)
                .expectEvent(SessionEvent.ConsentRefused.class);
    }

    @Test
    void command_whenStopWordOfAnotherSurveyLanguage_stops() {
        atStatus("en").reply("توقف").expectNotice("notice.stopped").expectStatus(SessionState.Status.STOPPED)
                .expectEvent(SessionEvent.Stopped.class);
    }

    @Test
    void command_whenSlashFormWithBotName_isRecognised() {
        atStatus("en").reply("/help@StemBot").expectNotice("notice.help").expectQuestion("status");
    }

    @Test
    void pause_whenTheResumingMessageFitsTheQuestion_resumesAndTakesItAsTheAnswer() {
        atStatus("en").reply("pause").expectStatus(SessionState.Status.PAUSED).expectEvent(SessionEvent.Paused.class)
                .reply("1").expectNotice("notice.resumed").expectAnswer("status", nl.stem.survey.model.AnswerValue.choice("work"));
    }

    @Test
    void pause_whenResumedWithTextAtATextQuestion_resumesWithoutTakingTheGreetingAsTheAnswer() {
        atStatus("en").reply("1").expectQuestion("job_title").reply("pause").expectStatus(SessionState.Status.PAUSED)
                .reply("I'm back").expectNotice("notice.resumed").expectQuestion("job_title").expectNoAnswer("job_title");
    }

    @Test
    void pause_whenTheResumingMessageDoesNotFit_resumesAndAsksAgainWithoutTakingItAsAnswer() {
        atStatus("en").reply("pause").expectStatus(SessionState.Status.PAUSED)
                .reply("hello").expectNotice("notice.resumed").expectQuestion("status").expectNoAnswer("status");
    }

    @Test
    void language_whenSwitchedMidSurvey_asksCurrentQuestionInNewLanguage() {
        Scenario s = atStatus("en").reply("language").expectLanguageMenu().tap("lang:ar")
                .expectNotice("language.changed").expectQuestion("status").expectLanguage("ar");
        assertTrue(s.last().messages().get(1).text().startsWith("ماذا تفعل"));
    }

    @Test
    void skip_whenRequired_refuses() {
        atStatus("en").reply("skip").expectReprompt("reprompt.skip_not_allowed").expectQuestion("status");
    }

    @Test
    void skip_whenOptional_recordsSkipped() {
        atStatus("en").reply("2").reply("5").reply("1").reply("3").reply("30").expectQuestion("hours")
                .reply("/skip").expectAnswer("hours", AnswerValue.skipped()).expectQuestion("story");
    }

    @Test
    void delete_whenConfirmedByWord_emitsDeletionAndStops() {
        atStatus("ar").reply("احذف").expectNotice("delete.confirm")
                .expectButtons("delete:yes", "delete:no").reply("نعم")
                .expectEvent(SessionEvent.DeletionConfirmed.class).expectStatus(SessionState.Status.STOPPED);
    }

    @Test
    void delete_whenAnythingElse_cancelsAndAsksAgain() {
        atStatus("en").reply("delete").reply("hmm").expectNotice("delete.cancelled").expectQuestion("status");
    }

    @Test
    void delete_whenSessionCompleted_isStillHonoured() {
        scenario(TestSurveys.singleLanguage()).startWithHint(null).reply("1").expectStatus(SessionState.Status.COMPLETED)
                .reply("delete").tap("delete:yes").expectEvent(SessionEvent.DeletionConfirmed.class)
                .expectStatus(SessionState.Status.COMPLETED);
    }

    @Test
    void staleButton_whenEarlierQuestion_repromptsAndAsksCurrent() {
        atStatus("en").tap("a:consent:yes").expectReprompt("reprompt.stale_button").expectQuestion("status").expectNoEvents();
    }

    @Test
    void unknownPayload_whenTapped_isPolite() {
        atStatus("en").tap("").expectReprompt("reprompt.stale_button").tap("💥:::").expectQuestion("status");
    }

    @Test
    void text_whenOver4096Characters_repromptsTooLongEvenOnOpenQuestion() {
        scenario(TestSurveys.media()).start(null).media(MediaKind.VIDEO).media(MediaKind.IMAGE).media(MediaKind.AUDIO)
                .expectQuestion("anything").reply("x".repeat(4097)).expectReprompt("reprompt.too_long")
                .expectQuestion("anything");
    }

    @Test
    void finished_whenAnyInput_saysFinished() {
        scenario(TestSurveys.basic()).start("en").tap("a:consent:no").reply("hello").expectNotice("notice.finished");
    }

    @Test
    void finished_whenStartWord_asksTheServiceForANewSession() {
        Scenario s = scenario(TestSurveys.basic()).start("en").tap("a:consent:no").reply("start")
                .expectEvent(SessionEvent.RestartRequested.class);
        assertEquals(List.of(), s.last().messages(), "the service's new session does the talking");
    }

    @Test
    void answer_whenGiven_eventCarriesNfcRawAndLanguage() {
        Scenario s = atStatus("en").tap("a:status:work").reply("Cafe\u0301 owner");
        SessionEvent.AnswerGiven a = (SessionEvent.AnswerGiven) s.last().events().get(0);
        assertEquals("Café owner", a.raw());
        assertEquals("en", a.language());
        assertEquals(AnswerValue.text("Café owner"), a.value());
    }

    @Test
    void step_whenSameInputsTwice_givesEqualResults() {
        SurveyEngine engine = new SurveyEngine(TestUi.texts());
        Instant t = Instant.parse("2026-02-01T00:00:00Z");
        StepResult a = engine.step(TestSurveys.basic(), null, new Input.Start(null, "fa-IR"), t);
        StepResult b = engine.step(TestSurveys.basic(), null, new Input.Start(null, "fa-IR"), t);
        assertEquals(a, b);
        assertEquals(t, a.state().startedAt());
        assertEquals(t, a.state().updatedAt());
    }

    @Test
    void step_whenFirstInputIsNotStart_startsSession() {
        StepResult r = new SurveyEngine(TestUi.texts()).step(TestSurveys.basic(), null, new Input.Text("hi"), Scenario.T0);
        assertEquals(SessionState.Status.CHOOSING_LANGUAGE, r.state().status());
        assertFalse(r.messages().isEmpty());
        assertNotNull(r.state().startedAt());
    }

    @Test
    void multipleChoice_whenArabicAndWord_choosesBoth() {
        atStatus("ar").reply("٢").reply("٥").reply("١ و ٣")
                .expectAnswer("topics", AnswerValue.choices(List.of("work", "education")));
    }

    @Test
    void multipleChoice_whenUnknownNumber_repromptsMultiple() {
        atStatus("en").reply("2").reply("5").reply("1 9").expectReprompt("reprompt.multiple").expectQuestion("topics");
    }

    @Test
    void languageButton_whenTappedFromOldMenuMidSurvey_switchesLanguage() {
        atStatus("en").tap("lang:fa").expectNotice("language.changed").expectQuestion("status").expectLanguage("fa")
                .expectEvent(SessionEvent.LanguageChosen.class);
    }

    @Test
    void step_whenNullishInputs_repliesPolitelyWithoutException() {
        Scenario s = atStatus("en");
        s.input(new Input.Text(null)).expectReprompt("reprompt.choice").expectQuestion("status");
        s.input(new Input.ButtonTap(null)).expectReprompt("reprompt.stale_button");
        s.input(new Input.Media(null)).expectReprompt("reprompt.unsupported");
        s.input(null).expectQuestion("status");
    }

    @Test
    void unsupported_whenSticker_repromptsAndKeepsButtons() {
        atStatus("fa").input(new Input.Unsupported("sticker")).expectReprompt("reprompt.unsupported")
                .expectButtons("a:status:work", "a:status:search", "a:status:study");
    }

    @Test
    void question_whenRtlLanguage_isMarkedRtlAndNumbersInLocaleDigits() {
        Scenario s = atStatus("fa");
        Outbound q = s.last().messages().get(s.last().messages().size() - 1);
        assertTrue(q.rtl());
        assertTrue(q.text().contains("۱. کار می‌کنم"), q.text());
    }
}
