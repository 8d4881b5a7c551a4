package nl.stem.survey.logic;

/** A string or number written in the condition; the only things an {@code in [...]} list holds. */
public sealed interface Literal extends Operand permits StringLiteral, NumberLiteral {
}
