package nl.stem.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.stem.survey.model.SurveyTexts;

/** Texts a language lacks come from the closest language ICU's LocaleMatcher finds, not from the source language. */
class UiTextsFallbackTest {

    @Test
    void pattern_whenStemHasNoDariTexts_readsFarsiNotEnglish() {
        UiTexts ui = new UiTexts(Map.of("en", Map.of("k", "Hello", "only.en", "Hello"), "fa", Map.of("k", "سلام")));
        assertEquals("سلام", ui.pattern("prs", "k"));
        assertEquals("Hello", ui.pattern("xx", "k"), "nothing close: English");
        assertEquals("Hello", ui.pattern("prs", "only.en"), "a key Farsi lacks still comes from English");
    }

    @Test
    void surveyPattern_whenSurveyHasNoDariTranslation_readsFarsiNotTheSource() {
        SurveyTexts texts = new SurveyTexts("nl", Map.of("nl", Map.of("q.text", "Hoe gaat het?"), "fa", Map.of("q.text", "حالتان چطور است؟")));
        assertEquals("حالتان چطور است؟", texts.pattern("prs", "q.text"));
        assertEquals("Hoe gaat het?", texts.pattern("so", "q.text"));
    }
}
