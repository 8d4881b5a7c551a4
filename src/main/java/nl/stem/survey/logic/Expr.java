package nl.stem.survey.logic;

import nl.stem.survey.model.Condition;

/**
 * A node of a parsed condition. Every node is itself a {@link Condition}; {@link #source()} of a
 * node is its canonical rendering, while {@link ParsedCondition#source()} keeps the text as written.
 */
public sealed interface Expr extends Condition
        permits Or, And, Not, Comparison, InList, InAnswer, Answered, Empty {
}
