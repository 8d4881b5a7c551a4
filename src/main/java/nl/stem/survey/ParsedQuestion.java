package nl.stem.survey;

import nl.stem.survey.model.Question;

/**
 * One entry of {@code questions}, also when broken: its id and type still count for duplicate and
 * reference checks, so one mistake does not cascade into many.
 *
 * @param id       null when missing or invalid
 * @param type     null when missing or unknown
 * @param question null when the entry has errors
 */
record ParsedQuestion(String id, int idLine, String type, Question question) {
}
