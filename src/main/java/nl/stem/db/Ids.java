package nl.stem.db;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random (version 4) UUIDs for row keys that are not secrets: sessions, respondents, media rows,
 * outbox idempotency keys. {@link UUID#randomUUID()} draws from one process-wide SecureRandom
 * behind a lock, which webhook threads queued on for over 100 ms under load; keys only need to be
 * unique (122 random bits), not unpredictable. Anything that grants access (invitation and preview
 * tokens, API tokens, dashboard sessions) keeps using SecureRandom. Example: {@code Ids.uuid()}.
 */
public final class Ids {
    private Ids() {
    }

    /** A fresh random UUID (version 4, IETF variant). */
    public static UUID uuid() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
