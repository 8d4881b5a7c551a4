package nl.stem.api.export;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.stem.survey.model.AnswerValue;
import nl.stem.survey.model.Choice;
import nl.stem.survey.model.MultipleChoiceQuestion;
import nl.stem.survey.model.Question;
import nl.stem.survey.model.ScaleQuestion;
import nl.stem.survey.model.SingleChoiceQuestion;

/** How an answer value is written in the CSV exports. */
public final class AnswerValues {
    private AnswerValues() {
    }

    /**
     * Choice id(s) space-separated, the number, the text, the media id, or a missing-value code
     * ({@link MissingCodes}). Consent is {@code yes} (a refusal keeps no answers).
     */
    public static String value(AnswerValue v, UUID mediaId) {
        return switch (v.kind()) {
            case CHOICE, CONSENT, CHOICES -> String.join(" ", v.choices());
            case NUMBER, SCALE -> v.number() == null ? "" : v.number().toPlainString();
            case TEXT -> v.text() == null ? "" : v.text();
            case MEDIA -> mediaId == null ? "" : mediaId.toString();
            case SKIPPED -> MissingCodes.SKIPPED;
            case NOT_APPLICABLE -> MissingCodes.NOT_APPLICABLE;
        };
    }

    /**
     * The value's label in the survey's source language: the choice label(s) ({@code "; "} between
     * several), a scale's end-point label, otherwise empty.
     */
    public static String label(Question q, AnswerValue v) {
        if (q == null) {
            return "";
        }
        if (q instanceof SingleChoiceQuestion s && v.kind() == AnswerValue.Kind.CHOICE) {
            return labels(s.choices(), v.choices());
        }
        if (q instanceof MultipleChoiceQuestion m && v.kind() == AnswerValue.Kind.CHOICES) {
            return labels(m.choices(), v.choices());
        }
        if (q instanceof ScaleQuestion s && v.kind() == AnswerValue.Kind.SCALE && v.number() != null) {
            int n = v.number().intValue();
            if (n == s.min()) {
                return nullToEmpty(s.minLabel());
            }
            if (n == s.max()) {
                return nullToEmpty(s.maxLabel());
            }
        }
        return "";
    }

    private static String labels(List<Choice> choices, List<String> ids) {
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            out.add(choices.stream().filter(c -> c.id().equals(id)).map(Choice::label).findFirst().orElse(id));
        }
        return String.join("; ", out);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
