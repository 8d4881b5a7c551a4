package nl.stem.api.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ByteRangeTest {
    @Test
    void parse_whenFirstAndLast_givesThatRange() {
        assertEquals(new ByteRange(0, 9), ByteRange.parse("bytes=0-9", 100));
    }

    @Test
    void parse_whenOpenEnded_runsToTheEnd() {
        assertEquals(new ByteRange(90, 99), ByteRange.parse("bytes=90-", 100));
    }

    @Test
    void parse_whenSuffix_givesTheLastBytes() {
        assertEquals(new ByteRange(95, 99), ByteRange.parse("bytes=-5", 100));
        assertEquals(new ByteRange(0, 99), ByteRange.parse("bytes=-500", 100));
    }

    @Test
    void parse_whenLastBeyondTheEnd_isCut() {
        assertEquals(new ByteRange(10, 99), ByteRange.parse("bytes=10-1000", 100));
    }

    @Test
    void parse_whenStartBeyondTheEnd_isUnsatisfiable() {
        assertThrows(ByteRange.Unsatisfiable.class, () -> ByteRange.parse("bytes=100-", 100));
        assertThrows(ByteRange.Unsatisfiable.class, () -> ByteRange.parse("bytes=-0", 100));
    }

    @Test
    void parse_whenAbsentMultipleOrMalformed_sendsTheWholeFile() {
        assertNull(ByteRange.parse(null, 100));
        assertNull(ByteRange.parse("bytes=0-1,5-6", 100));
        assertNull(ByteRange.parse("items=0-1", 100));
        assertNull(ByteRange.parse("bytes=9-2", 100));
    }
}
