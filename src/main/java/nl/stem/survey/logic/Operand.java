package nl.stem.survey.logic;

import java.util.List;

import nl.stem.survey.model.Condition.AnswerLookup;

/** One side of a comparison: a question's answer, how many choices it holds, or a literal. */
public sealed interface Operand permits QuestionRef, Count, Literal {

    /**
     * The values this operand stands for: String or BigDecimal. A multiple-choice answer gives
     * several; a missing, skipped or "not applicable" answer gives null, which makes every
     * comparison false.
     */
    List<Object> values(AnswerLookup answers);

    /** The operand as it would be written. */
    String source();
}
