package nl.stem.survey;

import nl.stem.survey.logic.ParsedCondition;

/** A parsed {@code when:} waiting for the reference checks, which need the whole question list. */
record PendingCondition(String questionId, int index, ParsedCondition condition, int line, String key) {
}
