package nl.stem.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import nl.stem.language.CommandWords;
import nl.stem.survey.model.PromptAudio;
import nl.stem.survey.model.SurveyVersion;

/** Recorded prompts are validated at publishing: the file exists, is OGG/Opus, is at most 512 KB and plays at most the set duration. */
class PromptValidationTest {
    static final Path FIXTURE = Path.of("src/test/resources/prompt-survey");

    static SurveySource fixture() throws Exception {
        List<SurveySource> sources = SurveyLoader.readDirectory(FIXTURE.resolve("surveys"), FIXTURE.resolve("translations"));
        assertEquals(1, sources.size());
        return sources.get(0);
    }

    @Test
    void probe_whenOpusFile_readsItsDurationAndWhenOtherBytes_saysWhy() throws Exception {
        byte[] ogg = Files.readAllBytes(FIXTURE.resolve("surveys/lees_voor-media/consent_ps.ogg"));
        OggOpus.Probe p = OggOpus.probe(ogg);
        assertEquals(null, p.problem());
        assertTrue(p.durationMs() >= 990 && p.durationMs() <= 1010, "a 1 s tone: " + p.durationMs());
        assertTrue(OggOpus.probe("ID3 not an ogg".getBytes(StandardCharsets.US_ASCII)).problem().startsWith("not an Ogg file"));
        byte[] vorbis = ogg.clone();
        System.arraycopy("OpusHeaX".getBytes(StandardCharsets.US_ASCII), 0, vorbis, 28, 8);
        assertTrue(OggOpus.probe(vorbis).problem().contains("without Opus"));
        assertEquals(0, OggOpus.probe(new byte[0]).durationMs());
    }

    @Test
    void load_whenEveryRecordingFits_givesAPromptPerQuestionAndLanguage() throws Exception {
        SurveySource s = fixture();
        assertEquals(10, s.audio().size(), "the media folder's files: " + s.audio().keySet());
        LoadResult r = new SurveyLoader(IoiTaxonomy.builtIn()).load(s);
        assertTrue(r.valid(), r.problems().toString());
        assertEquals(10, r.prompts().size());
        PromptAudio ps = r.prompts().get(SurveyVersion.key("consent", "ps"));
        assertEquals(s.audio().get("consent_ps.ogg").sha256(), ps.sha256());
        assertFalse(ps.synthetic());
        assertEquals(null, r.prompts().get(SurveyVersion.key("advies", "ps")), "no recording, no prompt");
    }

    @Test
    void load_whenRecordingMissingNotOpusTooLargeOrTooLong_refusesWithFileLineAndKey() throws Exception {
        SurveySource s = fixture();
        Map<String, PromptFile> audio = new TreeMap<>(s.audio());
        audio.remove("consent_ps.ogg");
        audio.put("consent_ckb.ogg", new PromptFile("ab", 900, 0, "not an Ogg file (it must be OGG/Opus, as voice notes are)", false));
        audio.put("werk_nl.ogg", new PromptFile(audio.get("werk_nl.ogg").sha256(), 600_000, 1000, null, false));
        LoadResult r = new SurveyLoader(IoiTaxonomy.builtIn()).load(new SurveySource(s.surveyFile(), s.yaml(), s.translations(), audio));
        assertFalse(r.valid());
        assertMessage(r, "questions.consent.media_audio.ps", 12, "no audio file surveys/lees_voor-media/consent_ps.ogg");
        assertMessage(r, "questions.consent.media_audio.ckb", 12, "is not an Ogg file");
        assertMessage(r, "questions.werk.media_audio.nl", 23, "at most 524288 (512 KB)");

        LoadResult tooLong = new SurveyLoader(IoiTaxonomy.builtIn(), CommandWords.none(), 0).load(s);
        assertFalse(tooLong.valid());
        assertMessage(tooLong, "questions.werk.media_audio.ti", 23, "a prompt may play at most 0 s");
    }

    @Test
    void checksum_whenARecordingChanges_changesAndWhenAGeneratedPromptIsAdded_doesNot() throws Exception {
        SurveySource s = fixture();
        SurveyLoader loader = new SurveyLoader(IoiTaxonomy.builtIn());
        String before = loader.load(s).checksum();
        Map<String, PromptFile> audio = new TreeMap<>(s.audio());
        PromptFile old = audio.get("werk_ps.ogg");
        audio.put("werk_ps.ogg", new PromptFile("0".repeat(64), old.bytes(), old.durationMs(), null, false));
        assertFalse(before.equals(loader.load(new SurveySource(s.surveyFile(), s.yaml(), s.translations(), audio)).checksum()));
        SurveySource generated = s.withAudio(Map.of(PromptFile.syntheticKey("advies", "nl"), new PromptFile("1".repeat(64), 100, 500, null, true)));
        LoadResult g = loader.load(generated);
        assertEquals(before, g.checksum());
        assertTrue(g.prompts().get(SurveyVersion.key("advies", "nl")).synthetic());
    }

    @Test
    void load_whenAGeneratedPromptAndARecordingExist_theRecordingWins() throws Exception {
        SurveySource s = fixture().withAudio(Map.of(PromptFile.syntheticKey("consent", "nl"), new PromptFile("2".repeat(64), 100, 500, null, true)));
        PromptAudio a = new SurveyLoader(IoiTaxonomy.builtIn()).load(s).prompts().get(SurveyVersion.key("consent", "nl"));
        assertFalse(a.synthetic());
        assertEquals(s.audio().get("consent_nl.ogg").sha256(), a.sha256());
    }

    private static void assertMessage(LoadResult r, String key, int line, String part) {
        SurveyProblem p = Loading.problem(r, SurveyProblem.Severity.ERROR, "surveys/lees_voor.yaml", line, key);
        assertTrue(p.message().contains(part), p.message());
    }
}
