package nl.stem.survey.logic;

import java.util.List;

import nl.stem.survey.model.Condition.AnswerLookup;

/** {@code 'work'} or {@code "work"}. */
public record StringLiteral(String value) implements Literal {
    @Override
    public List<Object> values(AnswerLookup answers) {
        return List.of(value);
    }

    @Override
    public String source() {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
