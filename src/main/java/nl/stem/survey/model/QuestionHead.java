package nl.stem.survey.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What every question has, whatever its type.
 *
 * @param id       stable id, {@code [a-z][a-z0-9_]*}; keys translations and answers
 * @param optional true when the respondent may skip it (skip button and localized skip word)
 * @param when     skip logic: ask only when this holds; {@code null} means always
 * @param ioi      IoI tags ({@code domain} or {@code domain.indicator}), copied onto every answer
 * @param line     line of the question in its survey file, for messages (0 when unknown)
 * @param audio    recorded prompts by language ({@code media_audio}, from XLSForm's
 *                 {@code media::audio::<language>}): file names kept with the survey for recorded
 *                 questions; not sent to respondents yet
 */
public record QuestionHead(String id, boolean optional, Condition when, List<String> ioi, int line,
                           Map<String, String> audio) {
    public QuestionHead {
        ioi = List.copyOf(ioi);
        audio = audio == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(audio));
    }

    public QuestionHead(String id, boolean optional, Condition when, List<String> ioi, int line) {
        this(id, optional, when, ioi, line, Map.of());
    }
}
