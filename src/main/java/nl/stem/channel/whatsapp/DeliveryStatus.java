package nl.stem.channel.whatsapp;

import java.util.Locale;
import java.util.Optional;

/**
 * Twilio's message statuses in the order a message goes through them. Callbacks arrive in any
 * order, so a recorded status is only replaced by a higher one; final statuses are never replaced.
 * {@code NEEDS_TEMPLATE} is Stem's: failed with 63016 (free-form outside the 24-hour window).
 */
enum DeliveryStatus {
    ACCEPTED(0), SCHEDULED(0), QUEUED(1), SENDING(2), SENT(3), DELIVERED(4), READ(5),
    CANCELED(9), FAILED(9), UNDELIVERED(9), NEEDS_TEMPLATE(9);

    private final int rank;

    DeliveryStatus(int rank) {
        this.rank = rank;
    }

    boolean isFinal() {
        return rank == 9;
    }

    /** Whether a message recorded as {@code current} may move to this status. */
    boolean replaces(DeliveryStatus current) {
        return current == null || (!current.isFinal() && rank > current.rank);
    }

    String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<DeliveryStatus> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(s.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
