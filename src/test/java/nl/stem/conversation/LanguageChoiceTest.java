package nl.stem.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.stem.engine.Button;
import nl.stem.engine.Input;
import nl.stem.engine.SessionEvent;
import nl.stem.engine.SessionState;
import nl.stem.engine.StepResult;
import nl.stem.engine.SurveyEngine;
import nl.stem.engine.UiTexts;
import nl.stem.survey.IoiTaxonomy;
import nl.stem.survey.SurveyLoader;
import nl.stem.survey.model.SurveyVersion;

/**
 * The language order, rung by rung (member > explicit choice > hint > fallback), each rung shown
 * winning over every rung below it, through the real engine on the shipped "Toegang tot werk"
 * (source nl; nl, en, ar, ti, fa, prs, ps, ckb, kmr, so, uk, ru, tr, fr) and Stem's real texts.
 */
class LanguageChoiceTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final UiTexts UI = ui();
    private static final SurveyEngine ENGINE = new SurveyEngine(UI);
    private static final SurveyVersion SURVEY = survey("toegang_tot_werk");

    // ---- rung 1: the member's language --------------------------------------------------

    @Test
    void member_whenEnrolledInArabic_winsOverAnExplicitChoiceAndTheHint() {
        Respondent member = respondent("M-001", "ar");
        assertStartsIn("ar", LanguageChoice.forInbound(telegram(new Input.Start("fa", "uk")), member, null));
        assertStartsIn("ar", LanguageChoice.forInbound(whatsapp("tr,en"), member, null));
    }

    @Test
    void member_whenInvitedInTigrinya_theInvitationsLanguageWins() {
        Respondent member = respondent("M-002", "ar");
        assertStartsIn("ti", LanguageChoice.forInbound(whatsapp("ar"), member, "ti"));
        Inbound link = new Inbound("telegram", "1", "42", new Input.Start(null, "nl"),
                new Inbound.StartRequest("toegang_tot_werk", "ti", "nl"), null, false, "nl");
        assertStartsIn("ti", LanguageChoice.forInbound(link, member, null));
    }

    // ---- rung 2: an explicit choice ------------------------------------------------------

    @Test
    void explicitChoice_whenAStrangerChoseFarsiBefore_winsOverTheHint() {
        assertStartsIn("fa", LanguageChoice.forInbound(whatsapp("ar,en"), respondent(null, "fa"), null));
    }

    @Test
    void explicitChoice_whenPickedOnThePreviewPage_winsOverTheHintAndAnEarlierChoice() {
        Inbound preview = new Inbound("preview", "t:start", "t", new Input.Start("uk", null),
                new Inbound.StartRequest("toegang_tot_werk", "uk", null), null, true, "ar");
        assertStartsIn("uk", LanguageChoice.forInbound(preview, respondent(null, "tr"), null));
    }

    // ---- rung 3: the channel's hint --------------------------------------------------------

    @Test
    void hint_whenTelegramSaysArabicOnAButtonTap_showsTheMenuInArabicWithArabicFirst() {
        Input.Start start = LanguageChoice.forInbound(telegramTap("start:toegang_tot_werk", "ar"), respondent(null, null), null);
        assertNull(start.language(), "a hint never fixes the language");
        StepResult r = ENGINE.step(SURVEY, null, start, NOW);
        assertMenu(r, "ar", List.of("ar", "nl", "en", "ti", "fa", "prs", "ps", "ckb", "kmr", "so", "uk", "ru", "tr", "fr"));
    }

    @Test
    void hint_whenWhatsAppGuessesSeveral_putsThemFirstInTheirOrder() {
        Input.Start start = LanguageChoice.forInbound(whatsapp("fa,prs,ps,ar,ckb,nl"), respondent(null, null), null);
        assertMenu(ENGINE.step(SURVEY, null, start, NOW), "fa",
                List.of("fa", "prs", "ps", "ar", "ckb", "nl", "en", "ti", "kmr", "so", "uk", "ru", "tr", "fr"));
    }

    // ---- rung 4: the fallback --------------------------------------------------------------

    @Test
    void fallback_whenNoRungSpeaks_isTheSurveysSourceLanguage() {
        for (String hint : new String[] {null, "", "xx-Nonsense", "zh", "!!,;"}) {
            Input.Start start = LanguageChoice.forInbound(whatsapp(hint), respondent(null, null), null);
            assertNull(start.language());
            assertMenu(ENGINE.step(SURVEY, null, start, NOW), "nl", SURVEY.survey().languages());
        }
    }

    @Test
    void fallback_forTheOpeningMenu_isStemsFallbackLanguage() {
        var menu = OpeningMenu.offer(UI, List.of(SURVEY), LanguageChoice.decide(null, null, "xx").languageHint());
        assertEquals(UI.pattern(UiTexts.FALLBACK_LANGUAGE, "survey.choose"), menu.get(0).text().lines().findFirst().orElseThrow());
    }

    @Test
    void decide_takesTheFirstRungThatSpeaks() {
        assertEquals(new Input.Start("ar", "fa"), LanguageChoice.decide("ar", "uk", "fa"));
        assertEquals(new Input.Start("uk", "fa"), LanguageChoice.decide(null, "uk", "fa"));
        assertEquals(new Input.Start("uk", "fa"), LanguageChoice.decide(" ", "uk", "fa"));
        assertEquals(new Input.Start(null, "fa"), LanguageChoice.decide(null, null, "fa"));
        assertEquals(new Input.Start(null, null), LanguageChoice.decide(null, "", " "));
    }

    private static void assertStartsIn(String language, Input.Start start) {
        StepResult r = ENGINE.step(SURVEY, null, start, NOW);
        assertTrue(r.events().contains(new SessionEvent.LanguageChosen(language)), r.events().toString());
        assertEquals(SessionState.Status.ACTIVE, r.state().status());
        assertEquals("consent", r.state().currentQuestion());
        assertEquals(language, r.state().language());
    }

    private static void assertMenu(StepResult r, String menuLanguage, List<String> order) {
        assertEquals(SessionState.Status.CHOOSING_LANGUAGE, r.state().status());
        assertEquals(menuLanguage, r.state().language());
        assertFalse(r.events().stream().anyMatch(e -> e instanceof SessionEvent.LanguageChosen), "nothing chosen yet");
        assertEquals(order.stream().map(t -> "lang:" + t).toList(),
                r.messages().get(0).buttons().stream().map(Button::payload).toList());
        assertTrue(r.messages().get(0).text().startsWith(UI.pattern(menuLanguage, "language.menu")), r.messages().get(0).text());
    }

    private static Respondent respondent(String memberId, String language) {
        Respondent r = new Respondent();
        r.memberId = memberId;
        r.preferredLanguage = language;
        return r;
    }

    private static Inbound telegram(Input input) {
        return new Inbound("telegram", "1", "42", input, null, null, false,
                input instanceof Input.Start s ? s.languageHint() : null);
    }

    private static Inbound telegramTap(String payload, String languageCode) {
        return new Inbound("telegram", "2", "42", new Input.ButtonTap(payload), null, null, false, languageCode);
    }

    private static Inbound whatsapp(String hint) {
        return new Inbound("whatsapp", "SM1", "whatsapp:+31612345678", new Input.Text("hallo"), null, null, false, hint);
    }

    private static UiTexts ui() {
        try {
            return EngineProducer.readUiTexts(Path.of("translations/_stem"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static SurveyVersion survey(String id) {
        try {
            var source = SurveyLoader.readDirectory(Path.of("surveys"), Path.of("translations")).stream()
                    .filter(s -> s.surveyFile().equals("surveys/" + id + ".yaml")).findFirst().orElseThrow();
            var result = new SurveyLoader(IoiTaxonomy.builtIn()).load(source);
            assertTrue(result.valid(), result.problems().toString());
            return new SurveyVersion(result.survey(), result.texts(), 1, result.checksum());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
