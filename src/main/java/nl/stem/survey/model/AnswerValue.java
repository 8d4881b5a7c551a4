package nl.stem.survey.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * A parsed answer, as kept in session state and stored with the answer row. One shape for all
 * types so that it serialises plainly; which fields are set depends on {@link #kind()}.
 *
 * @param kind    what was answered
 * @param choices chosen choice ids (CHOICE: one; CHOICES: one or more)
 * @param number  NUMBER and SCALE values
 * @param text    TEXT, in NFC
 * @param media   MEDIA reference
 */
public record AnswerValue(Kind kind, List<String> choices, BigDecimal number, String text, MediaRef media) {

    public enum Kind {
        CHOICE, CHOICES, NUMBER, SCALE, TEXT, MEDIA, CONSENT, SKIPPED, NOT_APPLICABLE
    }

    public AnswerValue {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public static AnswerValue choice(String id) {
        return new AnswerValue(Kind.CHOICE, List.of(id), null, null, null);
    }

    public static AnswerValue choices(List<String> ids) {
        return new AnswerValue(Kind.CHOICES, ids, null, null, null);
    }

    public static AnswerValue number(BigDecimal n) {
        return new AnswerValue(Kind.NUMBER, null, n, null, null);
    }

    public static AnswerValue scale(int n) {
        return new AnswerValue(Kind.SCALE, null, BigDecimal.valueOf(n), null, null);
    }

    public static AnswerValue text(String t) {
        return new AnswerValue(Kind.TEXT, null, null, t, null);
    }

    public static AnswerValue media(MediaRef m) {
        return new AnswerValue(Kind.MEDIA, null, null, null, m);
    }

    public static AnswerValue consent() {
        return new AnswerValue(Kind.CONSENT, List.of("yes"), null, null, null);
    }

    public static AnswerValue skipped() {
        return new AnswerValue(Kind.SKIPPED, null, null, null, null);
    }

    public static AnswerValue notApplicable() {
        return new AnswerValue(Kind.NOT_APPLICABLE, null, null, null, null);
    }

    /** True for a real answer (not skipped, not "not applicable"). */
    public boolean answered() {
        return kind != Kind.SKIPPED && kind != Kind.NOT_APPLICABLE;
    }
}
