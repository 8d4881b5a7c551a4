package nl.stem.language;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DigitsTest {

    private static Optional<BigDecimal> n(String s) {
        return Optional.of(new BigDecimal(s));
    }

    @Test
    void parse_whenLatinDigits_readsThem() {
        assertEquals(n("42"), Digits.parse("42"));
        assertEquals(n("-7"), Digits.parse(" -7 "));
    }

    @Test
    void parse_whenArabicIndicDigits_readsThem() {
        assertEquals(n("3"), Digits.parse("٣"));
        assertEquals(n("2025"), Digits.parse("٢٠٢٥"));
    }

    @Test
    void parse_whenPersianDigits_readsThem() {
        assertEquals(n("12"), Digits.parse("۱۲"));
    }

    @Test
    void parse_whenEthiopicNumerals_readsThemAdditively() {
        assertEquals(n("3"), Digits.parse("፫"));
        assertEquals(n("12"), Digits.parse("፲፪"));
        assertEquals(n("90"), Digits.parse(" ፺ "));
        assertEquals(n("100"), Digits.parse("፻"));
        assertEquals(n("215"), Digits.parse("፪፻፲፭"));
        assertEquals(n("10000"), Digits.parse("፼"));
        assertEquals(Optional.of(5), Digits.parseInt("፭"));
    }

    @Test
    void parse_whenMixedScripts_readsOneNumber() {
        assertEquals(n("123"), Digits.parse("۱۲3"));
    }

    @Test
    void parse_whenFullwidthOrDevanagari_readsThem() {
        assertEquals(n("45"), Digits.parse("４５"));
        assertEquals(n("7"), Digits.parse("७"));
    }

    @Test
    void parse_whenDecimalSeparators_readsDecimal() {
        assertEquals(n("2.5"), Digits.parse("2.5"));
        assertEquals(n("2.5"), Digits.parse("2,5"));
        assertEquals(n("2.5"), Digits.parse("٢٫٥"));
    }

    @Test
    void parse_whenBidiMarksAround_ignoresThem() {
        assertEquals(n("5"), Digits.parse("\u200F٥\u200E"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12abc", "1.2.3", "፪፲", "፫3", "", "   ", "-", "1.", ".5", "ثلاثة", "1 2", "--1"})
    void parse_whenNotANumber_isEmpty(String s) {
        assertEquals(Optional.empty(), Digits.parse(s));
    }

    @Test
    void parseInt_whenFraction_isEmptyButWholeDecimalCounts() {
        assertEquals(Optional.empty(), Digits.parseInt("3.5"));
        assertEquals(Optional.of(3), Digits.parseInt("3.0"));
    }
}
