package nl.stem.media.prompt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.stem.survey.LoadResult;
import nl.stem.survey.OggOpus;
import nl.stem.survey.PromptFile;
import nl.stem.survey.SurveyCatalog;
import nl.stem.survey.SurveyLoader;
import nl.stem.survey.SurveySource;

/**
 * Prompts generated with espeak-ng and opusenc (bin/ensure-espeak installs them): real OGG/Opus,
 * the same bytes for the same text, marked synthetic, never for a question that has a recording,
 * and never for a language espeak-ng cannot speak.
 */
@QuarkusTest
class PromptSynthesizerTest {
    @Inject
    PromptSynthesizer synthesizer;
    @Inject
    PromptFiles files;
    @Inject
    PromptStore store;
    @Inject
    SurveyCatalog catalog;

    @BeforeEach
    void programsInstalled() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/espeak-ng")) && Files.isExecutable(Path.of("/usr/bin/opusenc")),
                "espeak-ng and opusenc are not installed (bin/ensure-espeak installs them)");
    }

    @Test
    void speak_whenFarsi_givesTheSameOggOpusEveryTime() {
        byte[] once = synthesizer.speak("fa", "حالتان چطور است؟").orElseThrow();
        OggOpus.Probe p = OggOpus.probe(once);
        assertNull(p.problem());
        assertTrue(p.durationMs() > 300 && p.durationMs() < 10_000, "a short sentence: " + p.durationMs() + " ms");
        assertArrayEquals(once, synthesizer.speak("fa", "حالتان چطور است؟").orElseThrow(), "a fixed serial number: same text, same file");
    }

    @Test
    void speak_whenTheLanguageHasNoEspeakVoice_givesNothing() {
        for (String lang : new String[]{"ti", "so", "ps", "ckb"}) {
            assertTrue(PromptSynthesizer.voice(lang).isEmpty(), lang);
            assertTrue(synthesizer.speak(lang, "text").isEmpty(), lang + " is reported, not read with another language's voice");
        }
        assertEquals("fa", PromptSynthesizer.voice("prs").orElseThrow(), "Dari: the Persian voice");
    }

    @Test
    void generate_forASurveyWithRecordings_fillsOnlyTheQuestionsWithoutOneInSpokenLanguages() throws Exception {
        Path root = Path.of("src/test/resources/prompt-survey");
        SurveySource source = SurveyLoader.readDirectory(root.resolve("surveys"), root.resolve("translations")).get(0);
        LoadResult r = catalog.loader().load(source);
        Map<String, PromptFile> generated = files.generate(r);
        assertEquals(Set.of(PromptFile.syntheticKey("advies", "nl"), PromptFile.syntheticKey("advies", "prs")), generated.keySet(),
                "consent and werk have recordings; ps, ckb and ti have no espeak-ng voice");
        PromptFile nl = generated.get(PromptFile.syntheticKey("advies", "nl"));
        assertTrue(nl.synthetic());
        assertTrue(store.has(nl.sha256()), "kept in the prompt store");
        assertTrue(catalog.loader().load(source.withAudio(generated)).prompts().get("advies/nl").synthetic());
    }
}
