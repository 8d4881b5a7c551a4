package nl.stem.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

class FormatPoolTest {

    @Test
    void with_whenOneCallerAfterAnother_reusesOneCopy() {
        AtomicInteger copies = new AtomicInteger();
        FormatPool<StringBuilder> pool = new FormatPool<>(new StringBuilder("p"), p -> {
            copies.incrementAndGet();
            return new StringBuilder(p);
        });
        StringBuilder first = pool.with(f -> f);
        StringBuilder second = pool.with(f -> f);
        assertSame(first, second);
        assertEquals(1, copies.get());
    }

    @Test
    void with_whenCalledWhileACopyIsLent_lendsAnotherCopy() {
        FormatPool<StringBuilder> pool = new FormatPool<>(new StringBuilder("p"), StringBuilder::new);
        pool.with(outer -> {
            StringBuilder inner = pool.with(f -> f);
            assertNotSame(outer, inner, "a lent copy is never lent twice");
            return null;
        });
    }

    @Test
    void with_whenUseThrows_keepsTheCopyForTheNextCaller() {
        AtomicInteger copies = new AtomicInteger();
        FormatPool<StringBuilder> pool = new FormatPool<>(new StringBuilder(), p -> {
            copies.incrementAndGet();
            return new StringBuilder();
        });
        try {
            pool.with(f -> {
                throw new IllegalArgumentException("broken");
            });
        } catch (IllegalArgumentException expected) {
            // the caller sees the failure
        }
        pool.with(f -> f);
        assertEquals(1, copies.get());
    }

    @Test
    void format_whenManyThreadsFormatTheSamePatterns_eachGetsItsOwnResult() throws Exception {
        // ICU formats are not thread-safe: with a shared instance, results would mix under load.
        String pattern = "{n, plural, one {# خيار} other {# خيارات}} {name}";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        int n = thread * 10_000 + i;
                        Map<String, Object> args = Map.of("n", n, "name", "u" + n);
                        // The reference: a format of its own, used by this thread only.
                        String expected = new MessageFormat(pattern, new ULocale("ar"))
                                .format(Map.of("n", n, "name", Texts.FSI + "u" + n + Texts.PDI));
                        if (!expected.equals(Texts.format("ar", pattern, args))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertEquals(true, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
