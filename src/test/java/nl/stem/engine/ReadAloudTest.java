package nl.stem.engine;

import static nl.stem.engine.Scenario.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.stem.survey.IoiTaxonomy;
import nl.stem.survey.LoadResult;
import nl.stem.survey.SurveyLoader;
import nl.stem.survey.model.SurveyVersion;

/** Questions read aloud: the voice note goes just before the question's text, and "audio" in the language switches it. */
class ReadAloudTest {
    static SurveyVersion readAloud() throws Exception {
        Path root = Path.of("src/test/resources/prompt-survey");
        LoadResult r = new SurveyLoader(IoiTaxonomy.builtIn())
                .load(SurveyLoader.readDirectory(root.resolve("surveys"), root.resolve("translations")).get(0));
        assertTrue(r.valid(), r.problems().toString());
        return new SurveyVersion(r.survey(), r.texts(), 1, r.checksum(), r.prompts());
    }

    private static List<Outbound.Kind> kinds(Scenario s) {
        return s.last().messages().stream().map(Outbound::kind).toList();
    }

    @Test
    void start_whenTheQuestionHasARecordingInTheLanguage_sendsTheVoiceNoteJustBeforeItsText() throws Exception {
        SurveyVersion v = readAloud();
        Scenario s = scenario(v).start("ckb").expectQuestion("consent");
        List<Outbound> out = s.last().messages();
        assertEquals(List.of(Outbound.Kind.VOICE, Outbound.Kind.QUESTION), kinds(s));
        assertEquals(v.prompt("consent", "ckb").orElseThrow(), out.get(0).audio());
        assertEquals("consent", out.get(0).questionId());
        assertTrue(out.get(0).rtl(), "Sorani is right to left");

        s.tap("a:consent:yes").expectQuestion("werk");
        assertEquals(List.of(Outbound.Kind.VOICE, Outbound.Kind.QUESTION), kinds(s));
        assertEquals(v.prompt("werk", "ckb").orElseThrow().sha256(), s.last().messages().get(0).audio().sha256());
    }

    @Test
    void reprompt_whenTheAnswerDoesNotFit_asksAgainWithoutTheVoiceNote() throws Exception {
        Scenario s = scenario(readAloud()).start("ps").tap("a:consent:yes").reply("۹").expectReprompt("reprompt.scale_na");
        assertEquals(List.of(Outbound.Kind.REPROMPT, Outbound.Kind.QUESTION), kinds(s));
    }

    @Test
    void audioCommand_inTheRespondentsLanguage_switchesReadingAloudOffAndOnAgain() throws Exception {
        Scenario s = scenario(readAloud()).start("ps").tap("a:consent:yes");
        s.reply("غږ").expectNotice("notice.audio_off").expectEvent(SessionEvent.AudioToggled.class);
        assertEquals(List.of(Outbound.Kind.NOTICE, Outbound.Kind.QUESTION), kinds(s));
        assertTrue(s.last().state().audioOff());
        s.reply("۳").expectQuestion("advies");
        assertTrue(kinds(s).stream().noneMatch(k -> k == Outbound.Kind.VOICE));
        s.reply("/audio").expectNotice("notice.audio_on");
        assertEquals(List.of(Outbound.Kind.NOTICE, Outbound.Kind.QUESTION), kinds(s), "advies has no recording");
    }

    @Test
    void start_whenTheRespondentChoseNotToHearQuestions_sendsNoVoiceNote() throws Exception {
        Scenario s = scenario(readAloud()).input(new Input.Start("ti", null, false)).expectQuestion("consent");
        assertEquals(List.of(Outbound.Kind.QUESTION), kinds(s));
        assertTrue(s.last().state().audioOff());
    }

    @Test
    void language_whenChangedMidSurvey_readsTheQuestionAloudInTheNewLanguage() throws Exception {
        SurveyVersion v = readAloud();
        Scenario s = scenario(v).start("nl").tap("a:consent:yes").reply("taal").expectLanguageMenu().tap("lang:prs");
        List<Outbound> out = s.last().messages();
        assertEquals(List.of(Outbound.Kind.NOTICE, Outbound.Kind.VOICE, Outbound.Kind.QUESTION), kinds(s));
        assertEquals(v.prompt("werk", "prs").orElseThrow(), out.get(1).audio());
    }
}
