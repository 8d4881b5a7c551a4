package nl.stem.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.stem.language.Graphemes;

class MessageSplitterTest {

    @Test
    void split_whenTextFitsTheLimit_isOneMessage() {
        assertEquals(List.of("سلام"), MessageSplitter.split("سلام", 1600));
    }

    @Test
    void split_whenTextIsLong_cutsAtSpacesUnderTheLimitAndLosesNothing() {
        String text = "کلمه ".repeat(900).strip();
        List<String> parts = MessageSplitter.split(text, 1600);
        assertEquals(3, parts.size());
        parts.forEach(p -> assertTrue(p.length() <= 1600, "part of " + p.length()));
        assertEquals(text, String.join(" ", parts));
    }

    @Test
    void split_whenAGraphemeClusterStraddlesTheLimit_neverCutsIt() {
        // No spaces: only grapheme boundaries. A family emoji is 8 UTF-16 units, one grapheme.
        String family = "👨‍👩‍👧‍👦";
        String text = "a".repeat(1597) + family + "b".repeat(10);
        List<String> parts = MessageSplitter.split(text, 1600);
        assertEquals(2, parts.size());
        assertEquals("a".repeat(1597), parts.get(0));
        assertEquals(family + "b".repeat(10), parts.get(1));
        assertEquals(Graphemes.count(text), Graphemes.count(parts.get(0)) + Graphemes.count(parts.get(1)));
    }
}
