package nl.stem.phone;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers as Stem meets them (a coordinator's member file, Twilio's {@code From}), read with
 * libphonenumber rather than a pattern: it knows which numbers can exist in which country, and the
 * country is what the WhatsApp language guess starts from. Numbers are never logged.
 */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** libphonenumber's regions for numbers of no country (+800, +882...) and for unknown country codes. */
    private static final java.util.Set<String> NO_REGION = java.util.Set.of("001", "ZZ");

    private PhoneNumbers() {
    }

    /** A number that can exist: E.164 ({@code +963944123456}) and its country ({@code SY}, null if none). */
    public record Valid(String e164, String region) {
    }

    /**
     * Reads an international number ({@code +}, country code, number; spaces, dashes, dots and
     * brackets allowed). Either a {@link Valid} number or the reason it cannot be one, in words a
     * coordinator can act on. Example: {@code check("+31 6 1234 5678")} gives
     * {@code Valid("+31612345678", "NL")}; {@code check("+31 6 12")} gives "is too short for NL".
     */
    public static Checked check(String written) {
        if (written == null || written.isBlank()) {
            return Checked.refused("is empty");
        }
        String s = written.strip();
        if (!s.startsWith("+")) {
            return Checked.refused("is not an international number (start with + and the country code, e.g. +31612345678)");
        }
        PhoneNumber n;
        try {
            n = UTIL.parse(s, null);
        } catch (NumberParseException e) {
            return Checked.refused(switch (e.getErrorType()) {
                case INVALID_COUNTRY_CODE -> "has no country code that exists";
                case TOO_SHORT_NSN, TOO_SHORT_AFTER_IDD -> "is too short";
                case TOO_LONG -> "is too long";
                default -> "is not a phone number";
            });
        }
        String region = region(n);
        String where = region == null ? "" : " for " + region;
        switch (UTIL.isPossibleNumberWithReason(n)) {
            case TOO_SHORT, IS_POSSIBLE_LOCAL_ONLY:
                return Checked.refused("is too short" + where);
            case TOO_LONG:
                return Checked.refused("is too long" + where);
            case INVALID_COUNTRY_CODE:
                return Checked.refused("has no country code that exists");
            case INVALID_LENGTH:
                return Checked.refused("does not have a length that numbers" + where + " have");
            default:
                break;
        }
        if (!UTIL.isValidNumber(n)) {
            return Checked.refused("is not a number that can exist" + where);
        }
        return new Checked(new Valid(UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.E164), region), null);
    }

    /** A valid number or the reason why not (exactly one is set). */
    public record Checked(Valid valid, String reason) {
        static Checked refused(String reason) {
            return new Checked(null, reason);
        }

        public Optional<Valid> number() {
            return Optional.ofNullable(valid);
        }
    }

    /**
     * The country of a number as a sender gives it ({@code +963944123456}, {@code whatsapp:+98...}),
     * for guessing a language: lenient, so a number libphonenumber does not consider valid still
     * gives its country code's main country. Empty when nothing can be read; never throws.
     */
    public static Optional<String> regionOf(String sender) {
        if (sender == null || sender.isBlank()) {
            return Optional.empty();
        }
        String s = sender.strip();
        int colon = s.indexOf(':');
        if (colon >= 0 && colon < 16) {
            s = s.substring(colon + 1);
        }
        if (!s.startsWith("+")) {
            s = "+" + s;
        }
        try {
            PhoneNumber n = UTIL.parse(s, null);
            String region = region(n);
            if (region == null) {
                String main = UTIL.getRegionCodeForCountryCode(n.getCountryCode());
                region = main == null || NO_REGION.contains(main) ? null : main;
            }
            return Optional.ofNullable(region);
        } catch (NumberParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String region(PhoneNumber n) {
        String r = UTIL.getRegionCodeForNumber(n);
        return r == null || NO_REGION.contains(r) ? null : r;
    }
}
