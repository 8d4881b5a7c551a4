package nl.stem.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GroupCapTest {
    @Test
    void top_whenGroupsFit_keepsThemAll() {
        assertNull(ResultsQuery.top(Map.of("a", 3L, "b", 2L), 30));
    }

    @Test
    void top_whenTooMany_keepsTheLargestAndLeavesRoomForOther() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            sizes.put("g" + i, (long) i);
        }
        String[] top = ResultsQuery.top(sizes, 4);
        assertArrayEquals(new String[] {"g39", "g38", "g37"}, top, "three largest, the rest summed as the fourth group");
    }
}
