package nl.stem.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import nl.stem.engine.Outbound;
import nl.stem.engine.UiTexts;
import nl.stem.survey.IoiTaxonomy;
import nl.stem.survey.SurveyLoader;
import nl.stem.survey.model.SurveyVersion;

class OpeningMenuTest {

    private static SurveyVersion example(String id) throws Exception {
        var source = SurveyLoader.readDirectory(Path.of("surveys"), Path.of("translations")).stream()
                .filter(s -> s.surveyFile().equals("surveys/" + id + ".yaml")).findFirst().orElseThrow();
        var r = new SurveyLoader(IoiTaxonomy.builtIn()).load(source);
        assertTrue(r.valid(), r.problems().toString());
        return new SurveyVersion(r.survey(), r.texts(), 1, r.checksum());
    }

    private static UiTexts ui() throws Exception {
        return EngineProducer.readUiTexts(Path.of("translations/_stem"));
    }

    @Test
    void offer_whenSeveralSurveysOpen_listsThemWithButtonsInTheHintedLanguage() throws Exception {
        List<Outbound> out = OpeningMenu.offer(ui(), List.of(example("toegang_tot_werk"), example("veiligheid_en_stabiliteit")), "ar-SY");
        assertEquals(1, out.size());
        Outbound menu = out.get(0);
        assertTrue(menu.rtl());
        assertTrue(menu.text().startsWith("ما الاستبيان"), menu.text());
        assertEquals(List.of("start:toegang_tot_werk", "start:veiligheid_en_stabiliteit"),
                menu.buttons().stream().map(b -> b.payload()).toList());
        assertFalse(menu.buttons().get(0).label().equals("Toegang tot werk"), "the title is translated into Arabic");
    }

    @Test
    void offer_whenNothingOpen_saysSoPolitely() throws Exception {
        List<Outbound> out = OpeningMenu.offer(ui(), List.of(), "nl-BE");
        assertEquals("Er staat op dit moment geen vragenlijst open. Bedankt voor je interesse!", out.get(0).text());
        assertTrue(out.get(0).buttons().isEmpty());
    }

    @Test
    void offer_whenNoHint_usesEnglish() throws Exception {
        assertEquals("There is no survey open right now. Thank you for your interest!",
                OpeningMenu.offer(ui(), List.of(), null).get(0).text());
    }

    @Test
    void typed_whenANumberInAnyScriptOrATitleInAnyLanguage_namesTheSurvey() throws Exception {
        List<SurveyVersion> open = List.of(example("toegang_tot_werk"), example("veiligheid_en_stabiliteit"));
        assertEquals(Optional.of("veiligheid_en_stabiliteit"), OpeningMenu.typed("2", open));
        assertEquals(Optional.of("veiligheid_en_stabiliteit"), OpeningMenu.typed("٢", open));
        assertEquals(Optional.of("toegang_tot_werk"), OpeningMenu.typed("۱", open));
        assertEquals(Optional.of("toegang_tot_werk"), OpeningMenu.typed("toegang tot werk", open));
        String arabicTitle = open.get(1).texts().pattern("ar", "survey.title");
        assertEquals(Optional.of("veiligheid_en_stabiliteit"), OpeningMenu.typed(arabicTitle, open));
        assertEquals(Optional.empty(), OpeningMenu.typed("3", open));
        assertEquals(Optional.empty(), OpeningMenu.typed("hello", open));
    }

    @Test
    void chosen_whenMenuPayload_namesTheSurvey() {
        assertEquals(Optional.of("toegang_tot_werk"), OpeningMenu.chosen("start:toegang_tot_werk"));
        assertEquals(Optional.empty(), OpeningMenu.chosen("a:consent:yes"));
        assertEquals(Optional.empty(), OpeningMenu.chosen(null));
    }
}
