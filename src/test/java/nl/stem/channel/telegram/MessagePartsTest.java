package nl.stem.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Splitting long texts for Telegram's 4,096 limit (plain unit test, no Quarkus). */
class MessagePartsTest {

    @Test
    void split_whenShort_isOnePart() {
        assertEquals(List.of("Hallo"), MessageParts.split("Hallo", 4096));
        assertEquals(List.of(), MessageParts.split("", 4096));
    }

    @Test
    void split_whenAGraphemeStraddlesTheLimit_keepsItWhole() {
        String flag = "\uD83C\uDDF8\uD83C\uDDFE"; // Syrian flag: two regional indicators, one grapheme
        String text = "abcdefgh" + flag + "ijk";
        List<String> parts = MessageParts.split(text, 10);
        assertEquals("abcdefgh", parts.get(0));
        assertEquals(flag + "ijk", parts.get(1));
    }

    @Test
    void split_whenArabicWithMarks_neverSeparatesAMarkFromItsLetter() {
        String word = "مُسَاعَدَة ";
        String text = word.repeat(500);
        List<String> parts = MessageParts.split(text, 100);
        assertEquals(text, String.join("", parts));
        for (String p : parts) {
            assertTrue(p.length() <= 100);
            assertTrue(Character.getType(p.charAt(0)) != Character.NON_SPACING_MARK, "a part never starts with a combining mark");
        }
    }

    @Test
    void split_whenALineBreakIsNear_cutsThere() {
        String text = "a".repeat(70) + "\n" + "b".repeat(50);
        assertEquals(List.of("a".repeat(70) + "\n", "b".repeat(50)), MessageParts.split(text, 100));
    }
}
