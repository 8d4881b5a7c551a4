package nl.stem.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void uuid_isVersion4IetfVariant_andDoesNotRepeat() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            UUID u = Ids.uuid();
            assertEquals(4, u.version());
            assertEquals(2, u.variant());
            seen.add(u);
        }
        assertEquals(100_000, seen.size());
        assertEquals(4, UUID.fromString(Ids.uuid().toString()).version());
    }
}
