package nl.stem.survey.logic;

import java.util.Set;

import nl.stem.survey.model.Condition;

/** The condition of a question: the text as written plus its syntax tree. */
public record ParsedCondition(String source, Expr expression) implements Condition {
    @Override
    public boolean test(AnswerLookup answers) {
        return expression.test(answers);
    }

    @Override
    public Set<String> references() {
        return expression.references();
    }

    @Override
    public String toString() {
        return source;
    }
}
