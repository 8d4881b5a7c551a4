package nl.stem.survey;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.stem.survey.model.Choice;
import nl.stem.survey.model.ConsentQuestion;
import nl.stem.survey.model.MultipleChoiceQuestion;
import nl.stem.survey.model.Question;
import nl.stem.survey.model.ScaleQuestion;
import nl.stem.survey.model.SingleChoiceQuestion;

/**
 * Limits of the chat providers: Telegram's 64-byte callback data and 4096-character messages,
 * WhatsApp's 1600-character body (longer messages are split, which reads badly).
 */
final class ProviderLimits {
    static final int TELEGRAM_MESSAGE = 4096;
    static final int WHATSAPP_BODY = 1600;
    static final int MAX_LABEL = 200;

    private final SurveySource source;
    private final ParsedSurvey survey;
    private final Map<String, Map<String, String>> texts;
    private final Map<String, Map<String, Integer>> poLines;
    private final Problems problems;

    ProviderLimits(SurveySource source, ParsedSurvey survey, Map<String, Map<String, String>> texts,
                   Map<String, Map<String, Integer>> poLines, Problems problems) {
        this.source = source;
        this.survey = survey;
        this.texts = texts;
        this.poLines = poLines;
        this.problems = problems;
    }

    void check() {
        for (Question q : survey.questions()) {
            payloads(q);
            for (String lang : survey.languages()) {
                rendered(q, lang);
            }
        }
    }

    private void payloads(Question q) {
        int line = q.head().line();
        if (q instanceof SingleChoiceQuestion s) {
            choicePayloads(q, s.choices());
        } else if (q instanceof MultipleChoiceQuestion m) {
            choicePayloads(q, m.choices());
        }
        // the buttons Stem adds itself; reported once, at the question id, with the longest
        List<String> own = new ArrayList<>();
        if (q.head().optional()) {
            own.add("skip");
        }
        if (q instanceof MultipleChoiceQuestion) {
            own.add("done");
        }
        if (q instanceof ConsentQuestion) {
            own.add("yes");
            own.add("no");
        }
        if (q instanceof ScaleQuestion s) {
            own.add(String.valueOf(s.min()));
            own.add(String.valueOf(s.max()));
            if (s.notApplicable()) {
                own.add("na");
            }
        }
        own.stream().map(v -> ButtonPayloads.answer(q.id(), v))
                .max((a, b) -> Integer.compare(bytes(a), bytes(b)))
                .filter(p -> bytes(p) > ButtonPayloads.MAX_BYTES)
                .ifPresent(p -> problems.error(source.surveyFile(), line, "questions." + q.id() + ".id",
                        "button payload '" + p + "' is " + bytes(p) + " bytes, over Telegram's "
                                + ButtonPayloads.MAX_BYTES + ": use a shorter question id"));
    }

    private void choicePayloads(Question q, List<Choice> choices) {
        for (Choice c : choices) {
            String p = ButtonPayloads.answer(q.id(), c.id());
            if (bytes(p) > ButtonPayloads.MAX_BYTES) {
                String key = q.id() + ".choice." + c.id();
                problems.error(source.surveyFile(), survey.keyLines().getOrDefault(key, q.head().line()),
                        "questions." + q.id() + ".choices." + c.id(), "button payload '" + p + "' is " + bytes(p)
                                + " bytes, over Telegram's " + ButtonPayloads.MAX_BYTES + ": use shorter ids");
            }
        }
    }

    /** The question as sent: its text and hint, then each choice as "N. label" on its own line. */
    private void rendered(Question q, String lang) {
        StringBuilder b = new StringBuilder(text(lang, q.id() + ".text"));
        if (survey.sourceTexts().containsKey(q.id() + ".hint")) {
            b.append("\n\n").append(text(lang, q.id() + ".hint"));
        }
        List<String[]> labels = new ArrayList<>(); // {key, label}
        List<Choice> choices = q instanceof SingleChoiceQuestion s ? s.choices()
                : q instanceof MultipleChoiceQuestion m ? m.choices() : List.of();
        for (int i = 0; i < choices.size(); i++) {
            String key = q.id() + ".choice." + choices.get(i).id();
            String label = text(lang, key);
            labels.add(new String[] {key, label});
            b.append('\n').append(i + 1).append(". ").append(label);
        }
        if (q instanceof ScaleQuestion s) {
            b.append('\n').append(s.min()).append(". ").append(text(lang, q.id() + ".min_label"));
            b.append('\n').append(s.max()).append(". ").append(text(lang, q.id() + ".max_label"));
        }
        // UTF-16 length: what Telegram counts, and at least what WhatsApp counts
        int length = b.length();
        String key = q.id() + ".text";
        if (length > TELEGRAM_MESSAGE) {
            problems.error(file(lang, key), line(lang, key), key, "question in " + lang + " is " + length
                    + " characters with its choices, over Telegram's " + TELEGRAM_MESSAGE);
        } else if (length > WHATSAPP_BODY) {
            problems.warning(file(lang, key), line(lang, key), key, "question in " + lang + " is " + length
                    + " characters with its choices, over WhatsApp's " + WHATSAPP_BODY + ": it will be split");
        }
        for (String[] l : labels) {
            if (l[1].length() > MAX_LABEL) {
                problems.error(file(lang, l[0]), line(lang, l[0]), l[0], "choice label in " + lang + " is "
                        + l[1].length() + " characters; at most " + MAX_LABEL);
            }
        }
    }

    private String text(String lang, String key) {
        Map<String, String> t = texts.get(lang);
        String s = t == null ? null : t.get(key);
        return s != null ? s : survey.sourceTexts().getOrDefault(key, "");
    }

    /** The PO file when the text came from one, else the survey file. */
    private String file(String lang, String key) {
        Integer poLine = poLines.getOrDefault(lang, Map.of()).get(key);
        return poLine != null ? source.translations().get(lang).file() : source.surveyFile();
    }

    private int line(String lang, String key) {
        Integer poLine = poLines.getOrDefault(lang, Map.of()).get(key);
        return poLine != null ? poLine : survey.keyLines().getOrDefault(key, 0);
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
