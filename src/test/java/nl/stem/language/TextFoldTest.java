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
}
