package nl.stem.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SuppressionTest {
    @Test
    void hide_whenNoGroupIsSmall_hidesNothing() {
        assertArrayEquals(new boolean[] {false, false, false}, Suppression.hide(List.of(40L, 12L, 5L), 5));
    }

    @Test
    void hide_whenOneGroupIsSmall_hidesTheNextSmallestToo() {
        // 40 + 12 + 3 = 55 is shown as the total: hiding the 3 alone gives it away
        assertArrayEquals(new boolean[] {false, true, true}, Suppression.hide(List.of(40L, 12L, 3L), 5));
    }

    @Test
    void hide_whenTwoSmallGroupsTogetherStayUnderK_hidesAThird() {
        // 1 + 2 hidden together are 3, still fewer than 5: the 8 goes too
        assertArrayEquals(new boolean[] {false, true, true, true}, Suppression.hide(List.of(30L, 8L, 1L, 2L), 5));
    }

    @Test
    void hide_whenTwoSmallGroupsTogetherReachK_hidesOnlyThem() {
        assertArrayEquals(new boolean[] {false, true, true}, Suppression.hide(List.of(30L, 4L, 3L), 5));
    }

    @Test
    void hide_whenEveryGroupIsSmall_hidesAll() {
        assertArrayEquals(new boolean[] {true, true}, Suppression.hide(List.of(2L, 1L), 5));
    }

    @Test
    void hide_emptyGroupsAreNeverNeededAsComplement() {
        assertArrayEquals(new boolean[] {false, true, false, true}, Suppression.hide(List.of(20L, 3L, 0L, 9L), 5));
    }

    @Test
    void tooSmall_zeroIsNotSmall_oneToKMinusOneIs() {
        assertFalse(Suppression.tooSmall(0, 5));
        assertTrue(Suppression.tooSmall(1, 5));
        assertTrue(Suppression.tooSmall(4, 5));
        assertFalse(Suppression.tooSmall(5, 5));
    }
}
