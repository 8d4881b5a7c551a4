package nl.stem.language;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class TextFoldTest {

    @Test
    void fold_whenCaseDiffers_matches() {
        assertEquals(TextFold.fold("stop"), TextFold.fold("STOP"));
        assertEquals(TextFold.fold("стоп"), TextFold.fold("СТОП"));
    }

    @Test
    void fold_whenTurkishDottedOrDotlessI_matches() {
        assertEquals("iptal", TextFold.fold("İPTAL"));
        assertEquals("iptal", TextFold.fold("iptal"));
        assertEquals("iptal", TextFold.fold("IPTAL"));
        assertEquals("iptal", TextFold.fold("ıptal"));
        assertEquals(TextFold.fold("dur"), TextFold.fold("DUR"));
    }

    @Test
    void fold_whenArabicAlefVariants_matches() {
        assertEquals(TextFold.fold("ايقاف"), TextFold.fold("إيقاف"));
        assertEquals(TextFold.fold("احذف"), TextFold.fold("أحذف"));
        assertEquals(TextFold.fold("اخر"), TextFold.fold("آخر"));
    }

    @Test
    void fold_whenArabicAndPersianLetters_meet() {
        assertEquals(TextFold.fold("بلی"), TextFold.fold("بلي"));
        assertEquals(TextFold.fold("بلی"), TextFold.fold("بلى"));
        assertEquals(TextFold.fold("کمک"), TextFold.fold("كمك"));
        assertEquals(TextFold.fold("مساعده"), TextFold.fold("مساعدة"));
    }

    @Test
    void fold_whenHarakatOrTatweel_dropsThem() {
        assertEquals(TextFold.fold("توقف"), TextFold.fold("تَوَقَّف"));
        assertEquals(TextFold.fold("توقف"), TextFold.fold("تـوقـف"));
    }

    @Test
    void fold_whenSpacesAndTrailingPunctuation_normalises() {
        assertEquals("delete my data", TextFold.fold("  Delete   my\tdata!! "));
        assertEquals("توقف", TextFold.fold("توقف؟"));
        assertEquals("?", TextFold.fold("?"));
    }

    @Test
    void fold_whenZwnjInsideFarsiWord_ignoresIt() {
        assertEquals(TextFold.fold("میخواهم"), TextFold.fold("می\u200Cخواهم"));
    }

    @Test
    void fold_whenDifferentWords_differ() {
        assertNotEquals(TextFold.fold("stop"), TextFold.fold("step"));
    }

    @Test
    void fold_whenLatinAccentsAreLeftOut_matches() {
        assertEquals(TextFold.fold("Hayır"), TextFold.fold("hayir"));
        assertEquals(TextFold.fold("Hayır"), TextFold.fold("HAYIR"));
        assertEquals(TextFold.fold("oké"), TextFold.fold("oke"));
        assertEquals(TextFold.fold("Türkçe"), TextFold.fold("turkce"));
        assertEquals(TextFold.fold("Çalışıyorum"), TextFold.fold("calisiyorum"));
    }

    @Test
    void fold_whenCyrillicOrEthiopicLettersDiffer_keepsThemApart() {
        assertNotEquals(TextFold.fold("й"), TextFold.fold("и"), "Ukrainian keyboards have й: not an accent");
        assertNotEquals(TextFold.fold("ї"), TextFold.fold("і"));
        assertEquals(TextFold.fold("Ні"), TextFold.fold("ні"));
        assertEquals(TextFold.fold("ኣይፋል"), TextFold.fold(" ኣይፋል "));
    }

    /** The loose forms of "No" the first-minute transcripts type, against each shipped language's label. */
    @Test
    void fold_whenTheRefusalIsTypedLoosely_equalsTheLabel() {
        String[][] pairs = {{"لا", "لأ"}, {"لا", "لاَ"}, {"نه", "نه."}, {"Ні", "ні"}, {"Nee", "nee"}, {"No", "NO!"},
                {"Hayır", "hayir"}, {"ኣይፋል", " ኣይፋል "}};
        for (String[] p : pairs) {
            assertEquals(TextFold.fold(p[0]), TextFold.fold(p[1]), p[1]);
        }
    }
}
