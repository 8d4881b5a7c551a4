package nl.stem.survey.logic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ConditionParserTest {

    private static Expr parse(String s) throws ConditionSyntaxException {
        return ConditionParser.parse(s).expression();
    }

    private static ConditionSyntaxException error(String s) {
        return assertThrows(ConditionSyntaxException.class, () -> ConditionParser.parse(s));
    }

    @Test
    void parse_whenAndOrMixed_andBindsTighterThanOr() throws Exception {
        Expr e = parse("a == 1 or b == 2 and c == 3");
        Or or = assertInstanceOf(Or.class, e);
        assertInstanceOf(Comparison.class, or.left());
        assertInstanceOf(And.class, or.right());
    }

    @Test
    void parse_whenNotBeforeComparison_notAppliesToTheComparisonOnly() throws Exception {
        And and = assertInstanceOf(And.class, parse("not a == 1 and b == 2"));
        assertInstanceOf(Not.class, and.left());
    }

    @Test
    void parse_whenParenthesised_overridesPrecedence() throws Exception {
        And and = assertInstanceOf(And.class, parse("(a == 1 or b == 2) and c == 3"));
        assertInstanceOf(Or.class, and.left());
    }

    @Test
    void parse_whenOrChained_isLeftAssociative() throws Exception {
        Or or = assertInstanceOf(Or.class, parse("a == 1 or b == 2 or c == 3"));
        assertInstanceOf(Or.class, or.left());
    }

    @Test
    void parse_whenEveryOperator_givesTheOperator() throws Exception {
        for (Operator op : Operator.values()) {
            Comparison c = assertInstanceOf(Comparison.class, parse("q " + op.symbol() + " 3"));
            assertEquals(op, c.op());
            assertEquals(new QuestionRef("q"), c.left());
            assertEquals(new NumberLiteral(new BigDecimal("3")), c.right());
        }
    }

    @Test
    void parse_whenLiterals_readsStringsBothQuotesAndSignedDecimals() throws Exception {
        assertEquals(new Comparison(new QuestionRef("q"), Operator.EQ, new StringLiteral("it's")), parse("q == \"it's\""));
        assertEquals(new Comparison(new QuestionRef("q"), Operator.EQ, new StringLiteral("a b")), parse("q == 'a b'"));
        assertEquals(new Comparison(new QuestionRef("q"), Operator.GT, new NumberLiteral(new BigDecimal("-1"))), parse("q>-1"));
        assertEquals(new Comparison(new QuestionRef("q"), Operator.LE, new NumberLiteral(new BigDecimal("2.5"))), parse("q <= 2.5"));
    }

    @Test
    void parse_whenInList_givesListOfLiterals() throws Exception {
        InList in = assertInstanceOf(InList.class, parse("status in ['work', \"study\", 3]"));
        assertEquals(new QuestionRef("status"), in.value());
        assertEquals(List.of(new StringLiteral("work"), new StringLiteral("study"), new NumberLiteral(new BigDecimal("3"))), in.items());
    }

    @Test
    void parse_whenInQuestion_givesInAnswer() throws Exception {
        assertEquals(new InAnswer(new StringLiteral("nl"), "langs"), parse("'nl' in langs"));
    }

    @Test
    void parse_whenFunctions_givesAnsweredAndEmpty() throws Exception {
        assertEquals(new Answered("story"), parse("answered(story)"));
        assertEquals(new Not(new Empty("story")), parse("not empty( story )"));
    }

    @Test
    void parse_whenQuestionIsCalledEmpty_treatsItAsAQuestionId() throws Exception {
        assertEquals(new Comparison(new QuestionRef("empty"), Operator.EQ, new StringLiteral("x")), parse("empty == 'x'"));
    }

    @Test
    void referencesAndSource_whenParsed_listQuestionIdsAndKeepTheText() throws Exception {
        ParsedCondition c = ConditionParser.parse("status == 'work' and (years_nl > 2 or 'nl' in langs) and not empty(story)");
        assertEquals(Set.of("status", "years_nl", "langs", "story"), c.references());
        assertEquals("status == 'work' and (years_nl > 2 or 'nl' in langs) and not empty(story)", c.source());
        assertEquals("((status == 'work' and (years_nl > 2 or 'nl' in langs)) and not empty(story))", c.expression().source());
    }

    @Test
    void parse_whenClosingParenMissing_reportsColumn() {
        assertEquals("expected ')' at column 18, found the end of the condition", error("(status == 'work'").getMessage());
        assertEquals(18, error("(status == 'work'").column());
    }

    @Test
    void parse_whenOperatorMissing_reportsColumnOfWhatFollows() {
        assertEquals("expected a comparison ('==', '!=', '<', '<=', '>', '>=' or 'in') at column 8, found 'work'",
                error("status work").getMessage());
    }

    @Test
    void parse_whenSingleEquals_suggestsDoubleEquals() {
        assertEquals("'=' is not an operator, write '==' at column 8", error("status = 'work'").getMessage());
    }

    @Test
    void parse_whenStringUnterminated_reportsWhereItStarts() {
        assertEquals("unterminated string at column 11", error("status == 'work").getMessage());
    }

    @Test
    void parse_whenTrailingTokens_reportsThem() {
        assertEquals("expected 'and', 'or' or the end of the condition at column 18, found 'years'",
                error("status == 'work' years > 2").getMessage());
    }

    @Test
    void parse_whenListEmptyOrUnclosed_reportsColumn() {
        assertEquals("expected a string or number at column 12, found ']'", error("status in []").getMessage());
        assertEquals("expected ',' or ']' at column 18, found the end of the condition", error("status in ['work'").getMessage());
    }

    @Test
    void parse_whenUnknownCharacter_reportsIt() {
        assertEquals("unexpected character '&' at column 8", error("a == 1 && b == 2").getMessage());
    }

    @Test
    void parse_whenEmptyOrDanglingOperator_reportsIt() {
        assertEquals("empty condition at column 1", error("  ").getMessage());
        assertEquals("expected a question id, string or number at column 10, found the end of the condition",
                error("a == 1 or").getMessage());
        assertEquals("expected a question id at column 10, found string 'x'", error("answered('x')").getMessage());
    }
}
