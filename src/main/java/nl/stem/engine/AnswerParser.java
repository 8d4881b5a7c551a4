package nl.stem.engine;

import com.ibm.icu.text.Normalizer2;
import nl.stem.language.Digits;
import nl.stem.language.Graphemes;
import nl.stem.language.TextFold;
import nl.stem.survey.model.AnswerValue;
import nl.stem.survey.model.Choice;
import nl.stem.survey.model.ConsentQuestion;
import nl.stem.survey.model.MediaKind;
import nl.stem.survey.model.MediaQuestion;
import nl.stem.survey.model.MultipleChoiceQuestion;
import nl.stem.survey.model.NumberQuestion;
import nl.stem.survey.model.OpenQuestion;
import nl.stem.survey.model.Question;
import nl.stem.survey.model.ScaleQuestion;
import nl.stem.survey.model.SingleChoiceQuestion;
import nl.stem.survey.model.TextQuestion;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates an input against the current question. One method per question type; each returns
 * {@link Parsed}: an answer, a re-prompt naming what is expected, or (multiple choice) a selection.
 * Commands, skips and stale buttons are the engine's business and never reach this class.
 * A button value arrives as the part after {@code a:<question>:}.
 */
final class AnswerParser {
    /** Default and hard cap for free text: Telegram's message limit. */
    static final int MAX_TEXT = 4096;
    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
    /** Separators between typed choices: spaces, commas (Latin and Arabic), semicolons. */
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[\\s,،;؛]+");
    /** Words joining a typed list ("1 and 3", "١ و ٣"), folded. */
    private static final Set<String> AND_WORDS = Set.of("and", "&", "و", "en", "и", "і", "та", "ve", "et", "y", "+");

    private final Keywords keywords;

    AnswerParser(Keywords keywords) {
        this.keywords = keywords;
    }

    /** The input in NFC, as stored in {@code AnswerGiven.raw} for typed text. */
    static String nfc(String s) {
        return NFC.normalize(s);
    }

    Parsed parse(Question q, Input in, String buttonValue, List<String> selection, Phrases p) {
        if (in instanceof Input.Unsupported) {
            return new Parsed.Reprompt("reprompt.unsupported");
        }
        if (q instanceof ConsentQuestion c) {
            return consent(c, in, buttonValue, p);
        } else if (q instanceof SingleChoiceQuestion s) {
            return single(s, in, buttonValue, p);
        } else if (q instanceof MultipleChoiceQuestion m) {
            return multiple(m, in, buttonValue, selection, p);
        } else if (q instanceof ScaleQuestion s) {
            return scale(s, in, buttonValue);
        } else if (q instanceof NumberQuestion n) {
            return number(n, in);
        } else if (q instanceof TextQuestion t) {
            return text(t, in);
        } else if (q instanceof MediaQuestion m) {
            return media(m, in);
        } else if (q instanceof OpenQuestion o) {
            return open(o, in);
        }
        return new Parsed.Reprompt("reprompt.unsupported");
    }

    /** Yes or no, by button, by {@code words.yes}/{@code words.no} or by the button's label typed. */
    Parsed consent(ConsentQuestion q, Input in, String buttonValue, Phrases p) {
        String value = buttonValue;
        if (in instanceof Input.Text t) {
            String f = TextFold.fold(t.text());
            if (keywords.matches("words.yes", t.text()) || f.equals(TextFold.fold(p.ui("consent.yes")))) {
                value = "yes";
            } else if (keywords.matches("words.no", t.text()) || f.equals(TextFold.fold(p.ui("consent.no")))) {
                value = "no";
            }
        }
        if ("yes".equals(value)) {
            return new Parsed.Ok(AnswerValue.consent(), raw(in));
        }
        if ("no".equals(value)) {
            return new Parsed.Refused(raw(in));
        }
        return new Parsed.Reprompt("reprompt.consent");
    }

    Parsed single(SingleChoiceQuestion q, Input in, String buttonValue, Phrases p) {
        Parsed.Reprompt again = new Parsed.Reprompt("reprompt.choice", Map.of("max", q.choices().size()));
        if (buttonValue != null) {
            return find(q.choices(), buttonValue).<Parsed>map(c -> new Parsed.Ok(AnswerValue.choice(c.id()), raw(in)))
                    .orElse(again);
        }
        if (in instanceof Input.Text t) {
            Optional<Choice> c = typedChoice(q, q.choices(), t.text(), p);
            if (c.isPresent()) {
                return new Parsed.Ok(AnswerValue.choice(c.get().id()), raw(in));
            }
        }
        return again;
    }

    /**
     * Typed: numbers or labels in one message ("1 3", "١،٣", "work, school"). Buttons: each tap
     * toggles a choice into the selection; "done" (button or {@code words.done}) confirms it.
     */
    Parsed multiple(MultipleChoiceQuestion q, Input in, String buttonValue, List<String> selection, Phrases p) {
        if (buttonValue != null) {
            if (buttonValue.equals("done")) {
                return confirm(q, selection, in);
            }
            Optional<Choice> c = find(q.choices(), buttonValue);
            if (c.isEmpty()) {
                return new Parsed.Reprompt("reprompt.multiple");
            }
            List<String> next = new ArrayList<>(selection);
            if (!next.remove(c.get().id())) {
                if (q.max() > 0 && next.size() >= q.max()) {
                    return new Parsed.Reprompt("reprompt.multiple_max", Map.of("max", q.max()));
                }
                next.add(c.get().id());
            }
            return new Parsed.Selection(inChoiceOrder(q, next));
        }
        if (!(in instanceof Input.Text t)) {
            return new Parsed.Reprompt("reprompt.multiple");
        }
        if (keywords.matches("words.done", t.text())) {
            return confirm(q, selection, in);
        }
        Optional<List<String>> typed = typedChoices(q, t.text(), p);
        if (typed.isEmpty()) {
            return new Parsed.Reprompt("reprompt.multiple");
        }
        return checked(q, typed.get(), in);
    }

    private Parsed confirm(MultipleChoiceQuestion q, List<String> selection, Input in) {
        if (selection.isEmpty() && q.min() > 0) {
            return new Parsed.Reprompt("reprompt.multiple_min", Map.of("min", Math.max(1, q.min())));
        }
        return checked(q, selection, in);
    }

    private Parsed checked(MultipleChoiceQuestion q, List<String> ids, Input in) {
        if (ids.size() < q.min()) {
            return new Parsed.Reprompt("reprompt.multiple_min", Map.of("min", q.min()));
        }
        if (q.max() > 0 && ids.size() > q.max()) {
            return new Parsed.Reprompt("reprompt.multiple_max", Map.of("max", q.max()));
        }
        return new Parsed.Ok(AnswerValue.choices(inChoiceOrder(q, ids)), raw(in));
    }

    private Optional<List<String>> typedChoices(MultipleChoiceQuestion q, String text, Phrases p) {
        // A whole label first, so labels with spaces ("Ik zoek werk") are not torn apart.
        Optional<Choice> whole = typedChoice(q, q.choices(), text, p);
        if (whole.isPresent()) {
            return Optional.of(List.of(whole.get().id()));
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String segment : text.split("[,،;؛]+")) {
            if (segment.isBlank()) {
                continue;
            }
            Optional<Choice> label = typedChoice(q, q.choices(), segment, p);
            if (label.isPresent()) {
                ids.add(label.get().id());
                continue;
            }
            for (String token : LIST_SEPARATORS.split(segment.strip())) {
                if (token.isEmpty() || AND_WORDS.contains(TextFold.fold(token))) {
                    continue;
                }
                Optional<Choice> c = typedChoice(q, q.choices(), token, p);
                if (c.isEmpty()) {
                    return Optional.empty();
                }
                ids.add(c.get().id());
            }
        }
        return ids.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(ids));
    }

    Parsed scale(ScaleQuestion q, Input in, String buttonValue) {
        Parsed.Reprompt again = q.notApplicable()
                ? new Parsed.Reprompt("reprompt.scale_na", Map.of("min", q.min(), "max", q.max()))
                : new Parsed.Reprompt("reprompt.scale", Map.of("min", q.min(), "max", q.max()));
        String value = buttonValue;
        if (value == null && in instanceof Input.Text t) {
            value = keywords.matches("words.not_applicable", t.text()) ? "na" : t.text();
        }
        if (value == null) {
            return again;
        }
        if (value.equals("na")) {
            return q.notApplicable() ? new Parsed.Ok(AnswerValue.notApplicable(), raw(in)) : again;
        }
        Optional<Integer> n = Digits.parseInt(value);
        if (n.isPresent() && n.get() >= q.min() && n.get() <= q.max()) {
            return new Parsed.Ok(AnswerValue.scale(n.get()), raw(in));
        }
        return again;
    }

    Parsed number(NumberQuestion q, Input in) {
        String kind = q.decimal() ? "reprompt.decimal" : "reprompt.integer";
        if (!(in instanceof Input.Text t)) {
            return new Parsed.Reprompt(kind);
        }
        Optional<BigDecimal> parsed = Digits.parse(t.text());
        if (parsed.isEmpty()) {
            return new Parsed.Reprompt(kind);
        }
        BigDecimal n = parsed.get();
        if (!q.decimal()) {
            if (n.stripTrailingZeros().scale() > 0) {
                return new Parsed.Reprompt(kind);
            }
            n = n.setScale(0);
        }
        boolean low = q.min() != null && n.compareTo(q.min()) < 0;
        boolean high = q.max() != null && n.compareTo(q.max()) > 0;
        if (low || high) {
            if (q.min() != null && q.max() != null) {
                return new Parsed.Reprompt("reprompt.number_range", Map.of("min", q.min(), "max", q.max()));
            }
            return low ? new Parsed.Reprompt("reprompt.number_min", Map.of("min", q.min()))
                    : new Parsed.Reprompt("reprompt.number_max", Map.of("max", q.max()));
        }
        return new Parsed.Ok(AnswerValue.number(n), raw(in));
    }

    Parsed text(TextQuestion q, Input in) {
        if (!(in instanceof Input.Text t)) {
            return new Parsed.Reprompt("reprompt.text");
        }
        return freeText(t.text(), q.maxLength(), "reprompt.text", in);
    }

    Parsed media(MediaQuestion q, Input in) {
        String again = "reprompt." + q.kind().name().toLowerCase(Locale.ROOT);
        if (in instanceof Input.Media m && m.media() != null && m.media().kind() == q.kind()) {
            return new Parsed.Ok(AnswerValue.media(m.media()), raw(in));
        }
        return new Parsed.Reprompt(again);
    }

    Parsed open(OpenQuestion q, Input in) {
        if (in instanceof Input.Text t) {
            return freeText(t.text(), q.maxLength(), "reprompt.open", in);
        }
        if (in instanceof Input.Media m && m.media() != null
                && (m.media().kind() != MediaKind.IMAGE || q.images())) {
            return new Parsed.Ok(AnswerValue.media(m.media()), raw(in));
        }
        return new Parsed.Reprompt("reprompt.open");
    }

    private static Parsed freeText(String typed, int maxLength, String emptyKey, Input in) {
        String text = nfc(typed).strip();
        if (text.isEmpty()) {
            return new Parsed.Reprompt(emptyKey);
        }
        int max = maxLength <= 0 ? MAX_TEXT : Math.min(maxLength, MAX_TEXT);
        if (Graphemes.count(text) > max) {
            return new Parsed.Reprompt("reprompt.too_long", Map.of("max", max));
        }
        return new Parsed.Ok(AnswerValue.text(text), raw(in));
    }

    /** A choice by its number in any script, or by its label in the respondent's or the source language. */
    private static Optional<Choice> typedChoice(Question q, List<Choice> choices, String text, Phrases p) {
        Optional<Integer> n = Digits.parseInt(text);
        if (n.isPresent()) {
            int i = n.get();
            return i >= 1 && i <= choices.size() ? Optional.of(choices.get(i - 1)) : Optional.empty();
        }
        String folded = TextFold.fold(text);
        if (folded.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Choice> byLabel = new LinkedHashMap<>();
        for (Choice c : choices) {
            byLabel.putIfAbsent(TextFold.fold(p.choiceLabel(q, c)), c);
        }
        for (Choice c : choices) {
            byLabel.putIfAbsent(TextFold.fold(p.sourceChoiceLabel(q, c)), c);
        }
        return Optional.ofNullable(byLabel.get(folded));
    }

    private static Optional<Choice> find(List<Choice> choices, String id) {
        return choices.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    private static List<String> inChoiceOrder(MultipleChoiceQuestion q, List<String> ids) {
        List<String> out = new ArrayList<>();
        for (Choice c : q.choices()) {
            if (ids.contains(c.id())) {
                out.add(c.id());
            }
        }
        return out;
    }

    /** What {@code AnswerGiven.raw} keeps: typed text in NFC, the button payload, or {@code media:<kind>}. */
    static String raw(Input in) {
        if (in instanceof Input.Text t) {
            return nfc(t.text());
        }
        if (in instanceof Input.ButtonTap b) {
            return b.payload();
        }
        if (in instanceof Input.Media m && m.media() != null) {
            return "media:" + m.media().kind().name().toLowerCase(Locale.ROOT);
        }
        return "";
    }
}
