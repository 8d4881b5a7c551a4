package nl.stem.survey.model;

import java.util.List;

/**
 * What every question has, whatever its type.
 *
 * @param id       stable id, {@code [a-z][a-z0-9_]*}; keys translations and answers
 * @param optional true when the respondent may skip it (skip button and localized skip word)
 * @param when     skip logic: ask only when this holds; {@code null} means always
 * @param ioi      IoI tags ({@code domain} or {@code domain.indicator}), copied onto every answer
 * @param line     line of the question in its survey file, for messages (0 when unknown)
 */
public record QuestionHead(String id, boolean optional, Condition when, List<String> ioi, int line) {
    public QuestionHead {
        ioi = List.copyOf(ioi);
    }
}
