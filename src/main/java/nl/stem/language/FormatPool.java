package nl.stem.language;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Copies of one thread-unsafe ICU format (a parsed MessageFormat, a NumberFormat), lent to one
 * caller at a time. Parsing or cloning an ICU format costs more than formatting with it, and the
 * engine formats on every reply, so copies are kept and reused: there are never more than the
 * number of callers that ever formatted with this format at the same moment.
 */
final class FormatPool<F> {
    private final F prototype;
    private final UnaryOperator<F> copy;
    private final ConcurrentLinkedQueue<F> idle = new ConcurrentLinkedQueue<>();

    FormatPool(F prototype, UnaryOperator<F> copy) {
        this.prototype = prototype;
        this.copy = copy;
    }

    /** Runs {@code use} with a copy nobody else is using, and keeps the copy for the next caller. */
    <R> R with(Function<F, R> use) {
        F format = idle.poll();
        if (format == null) {
            format = copy.apply(prototype);
        }
        try {
            return use.apply(format);
        } finally {
            idle.offer(format);
        }
    }
}
