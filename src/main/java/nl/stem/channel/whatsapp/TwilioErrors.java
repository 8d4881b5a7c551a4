package nl.stem.channel.whatsapp;

import java.util.Map;
import java.util.Optional;

import nl.stem.outbox.FailureReason;

/**
 * Twilio's error codes that Stem acts on, defined once, each with its outcome. Sources: Twilio's
 * error pages (twilio.com/docs/api/errors/NNNNN) and its WhatsApp error-code mapping
 * (twilio.com/docs/whatsapp/api/error-code-mapping):
 * <ul>
 * <li>63016: free-form message outside the 24-hour window (Meta 470) - resend as the template;</li>
 * <li>63018: rate limit exceeded for the channel, or the sender's WhatsApp messaging limit
 *     (Meta 429, 471, 1015) - "wait until 24 hours have passed since starting a business-initiated
 *     conversation": back off, the daily limit holds;</li>
 * <li>63049: Meta chose not to deliver a marketing template to this person now - "retry later with
 *     progressively larger delays";</li>
 * <li>63024: invalid message recipient (Meta 1002, 1026: no WhatsApp, old app, terms not accepted),
 *     21211: invalid 'To' number, 63032: the person is in Meta's marketing-message experiment
 *     (no marketing template until they write) - the number cannot receive this: unreachable;</li>
 * <li>21610: the person opted out - unreachable;</li>
 * <li>status callbacks: 30003 unreachable handset, 30005 unknown destination, 30006 landline or
 *     unreachable carrier, 30007 message filtered, 30008 unknown error - recorded with the reason.</li>
 * </ul>
 */
final class TwilioErrors {
    static final int OUTSIDE_WINDOW = 63016;
    static final int RATE_LIMITED = 63018;
    static final int SUPPRESSED = 63049;
    static final int INVALID_RECIPIENT = 63024;
    static final int INVALID_NUMBER = 21211;
    static final int EXPERIMENT = 63032;
    static final int OPTED_OUT = 21610;

    /** Delivery failures reported in status callbacks, with what they mean. */
    static final Map<Integer, String> DELIVERY = Map.of(
            30003, "unreachable handset: the phone is off or has no signal",
            30005, "unknown destination: the number is not in service",
            30006, "landline or unreachable carrier",
            30007, "filtered by the carrier or Meta as spam",
            30008, "unknown error from the network");

    private TwilioErrors() {
    }

    /** Whether the code means the number cannot receive this channel's messages. */
    static boolean cannotReceive(int code) {
        return code == INVALID_RECIPIENT || code == INVALID_NUMBER || code == EXPERIMENT;
    }

    /** The coordinator's reason for a failed delivery with {@code code} (a status callback), if Stem knows it. */
    static Optional<FailureReason> reason(int code) {
        if (code == OPTED_OUT) {
            return Optional.of(FailureReason.UNREACHABLE);
        }
        if (cannotReceive(code)) {
            return Optional.of(FailureReason.NOT_ON_WHATSAPP);
        }
        if (code == OUTSIDE_WINDOW) {
            return Optional.of(FailureReason.NEEDS_TEMPLATE);
        }
        if (code == SUPPRESSED) {
            return Optional.of(FailureReason.SUPPRESSED);
        }
        if (code == RATE_LIMITED) {
            return Optional.of(FailureReason.RATE_LIMITED);
        }
        return DELIVERY.containsKey(code) ? Optional.of(FailureReason.UNDELIVERED) : Optional.empty();
    }

    /** The code as a number, or -1 when absent or not one. */
    static int parse(String code) {
        if (code == null || code.isBlank() || code.length() > 9) {
            return -1;
        }
        try {
            return Integer.parseInt(code.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
