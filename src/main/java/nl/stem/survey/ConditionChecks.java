package nl.stem.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import nl.stem.survey.logic.And;
import nl.stem.survey.logic.Comparison;
import nl.stem.survey.logic.Expr;
import nl.stem.survey.logic.InAnswer;
import nl.stem.survey.logic.InList;
import nl.stem.survey.logic.Literal;
import nl.stem.survey.logic.Not;
import nl.stem.survey.logic.Or;
import nl.stem.survey.logic.QuestionRef;
import nl.stem.survey.logic.StringLiteral;
import nl.stem.survey.model.Choice;
import nl.stem.survey.model.MultipleChoiceQuestion;
import nl.stem.survey.model.Question;
import nl.stem.survey.model.SingleChoiceQuestion;

/**
 * Checks what conditions refer to. Only earlier questions may be referred to: that rules out
 * cycles by construction, and the engine can decide at each step with the answers it has.
 */
final class ConditionChecks {
    private final String file;
    private final Problems problems;

    ConditionChecks(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    /**
     * @param ids   question ids in order (null for entries without a valid id)
     * @param types question types in order (null when unknown)
     */
    void check(List<PendingCondition> conditions, List<String> ids, List<String> types, List<Question> questions) {
        List<String> known = ids.stream().filter(Objects::nonNull).toList();
        for (PendingCondition c : conditions) {
            String q = c.questionId() == null ? "question " + (c.index() + 1) : c.questionId();
            for (String ref : c.condition().references()) {
                int at = ids.indexOf(ref);
                if (at < 0) {
                    problems.error(file, c.line(), c.key(), "condition of " + q + " refers to '" + ref
                            + "', which is not a question in this survey" + Suggestions.didYouMean(ref, known));
                } else if (at == c.index()) {
                    problems.error(file, c.line(), c.key(), "condition of " + q + " refers to " + ref
                            + " itself: conditions may only refer to earlier questions (this would form a cycle)");
                } else if (at > c.index()) {
                    problems.error(file, c.line(), c.key(), "condition of " + q + " refers to " + ref
                            + ", which is asked later: conditions may only refer to earlier questions (this would form a cycle)");
                } else if ("info".equals(types.get(at))) {
                    problems.error(file, c.line(), c.key(), "condition of " + q + " refers to " + ref
                            + ", which is an info question and has no answer");
                }
            }
            checkChoiceValues(c, q, c.condition().expression(), questions);
        }
    }

    /** A typo in a choice id would silently make a condition always false: warn about it. */
    private void checkChoiceValues(PendingCondition c, String q, Expr e, List<Question> questions) {
        // Java 17: no pattern matching in switch, hence the instanceof chain
        if (e instanceof And a) {
            checkChoiceValues(c, q, a.left(), questions);
            checkChoiceValues(c, q, a.right(), questions);
        } else if (e instanceof Or o) {
            checkChoiceValues(c, q, o.left(), questions);
            checkChoiceValues(c, q, o.right(), questions);
        } else if (e instanceof Not n) {
            checkChoiceValues(c, q, n.operand(), questions);
        } else if (e instanceof Comparison cmp) {
            if (cmp.left() instanceof QuestionRef r && cmp.right() instanceof Literal l) {
                checkValue(c, q, r.questionId(), l, questions);
            } else if (cmp.right() instanceof QuestionRef r && cmp.left() instanceof Literal l) {
                checkValue(c, q, r.questionId(), l, questions);
            }
        } else if (e instanceof InList in) {
            if (in.value() instanceof QuestionRef r) {
                in.items().forEach(l -> checkValue(c, q, r.questionId(), l, questions));
            }
        } else if (e instanceof InAnswer in && in.value() instanceof Literal l) {
            checkValue(c, q, in.questionId(), l, questions);
        }
    }

    private void checkValue(PendingCondition c, String q, String ref, Literal value, List<Question> questions) {
        Optional<List<Choice>> choices = questions.stream().filter(x -> x.id().equals(ref)).findFirst()
                .map(x -> x instanceof SingleChoiceQuestion s ? s.choices()
                        : x instanceof MultipleChoiceQuestion m ? m.choices() : null);
        if (choices.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(choices.get().stream().map(Choice::id).toList());
        if (!(value instanceof StringLiteral s) || !ids.contains(s.value())) {
            problems.warning(file, c.line(), c.key(), "condition of " + q + " compares " + ref + " with "
                    + value.source() + ", which is not one of its choices (" + String.join(", ", ids) + ")"
                    + (value instanceof StringLiteral s2 ? Suggestions.didYouMean(s2.value(), ids) : ""));
        }
    }
}
