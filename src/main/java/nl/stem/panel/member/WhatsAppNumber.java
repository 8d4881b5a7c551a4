package nl.stem.panel.member;

import java.util.Optional;
import java.util.regex.Pattern;

import nl.stem.phone.PhoneNumbers;

/**
 * A WhatsApp number as coordinators write it, normalised to E.164 and to the form Twilio uses as
 * the sender ({@code whatsapp:+31612345678}), which is the identity's provider id. Spaces, dashes,
 * dots and a {@code whatsapp:} prefix are tolerated: {@code "+31 6-1234 5678"} gives {@code +31612345678}.
 * A national number ({@code 0612345678}) is refused: the country code cannot be guessed safely.
 * libphonenumber decides whether the number can exist ({@link PhoneNumbers#check}); its country is
 * not stored apart, because the stored E.164 number gives it back ({@link PhoneNumbers#regionOf}) for
 * the language guess when the member writes.
 */
final class WhatsAppNumber {
    static final String PREFIX = "whatsapp:";
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00A0\\u202F\\-\\u2010\\u2011\\u2012\\u2013.]");

    private WhatsAppNumber() {
    }

    /** The E.164 number, or empty when {@code written} is not an international number that can exist. */
    static Optional<String> e164(String written) {
        return check(written).number().map(PhoneNumbers.Valid::e164);
    }

    /**
     * The number checked with libphonenumber: E.164 and country, or why it cannot exist
     * ("is too short for NL", "has no country code that exists").
     */
    static PhoneNumbers.Checked check(String written) {
        String s = written.strip();
        if (s.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            s = s.substring(PREFIX.length());
        }
        return PhoneNumbers.check(SEPARATORS.matcher(s).replaceAll(""));
    }

    /** The provider id of a WhatsApp identity for an E.164 number. */
    static String providerId(String e164) {
        return PREFIX + e164;
    }

    /** The E.164 number of a WhatsApp provider id ({@code whatsapp:+31...} gives {@code +31...}). */
    static String fromProviderId(String providerId) {
        return providerId.startsWith(PREFIX) ? providerId.substring(PREFIX.length()) : providerId;
    }
}
