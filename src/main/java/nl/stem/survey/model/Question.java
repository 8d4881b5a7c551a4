package nl.stem.survey.model;

/**
 * A question of a survey: a closed set of types. Texts live in {@link SurveyTexts} under
 * {@code <id>.text} and the keys each type names.
 */
public sealed interface Question permits ConsentQuestion, InfoQuestion, SingleChoiceQuestion,
        MultipleChoiceQuestion, ScaleQuestion, NumberQuestion, TextQuestion, MediaQuestion, OpenQuestion {

    QuestionHead head();

    default String id() {
        return head().id();
    }

    /** The type name as written in survey files, e.g. {@code single_choice}. */
    String type();

    /** Whether the question stores an answer (info does not). */
    default boolean answerable() {
        return true;
    }
}
