package nl.stem.survey.logic;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for skip logic ({@code when:}). Grammar:
 * <pre>
 * expr       := or
 * or         := and ('or' and)*
 * and        := not ('and' not)*
 * not        := 'not' not | primary
 * primary    := '(' expr ')' | comparison | func
 * comparison := operand (('=='|'!='|'&lt;'|'&lt;='|'&gt;'|'&gt;=') operand | 'in' list | 'in' IDENT)
 * operand    := IDENT | STRING | NUMBER | 'count' '(' IDENT ')'
 * list       := '[' (STRING|NUMBER) (',' (STRING|NUMBER))* ']'
 * func       := 'answered' '(' IDENT ')' | 'empty' '(' IDENT ')'
 * </pre>
 * Nothing is ever handed to a script engine: the result is a tree of records.
 *
 * <p>Bounded, so that no survey file can drive the recursion (here, or when the tree is walked and
 * evaluated) into a stack overflow: at most {@value #MAX_LENGTH} characters, {@value #MAX_DEPTH}
 * levels of parentheses and {@code not}, and {@value #MAX_TERMS} comparisons. Real conditions use a
 * handful of each.
 */
public final class ConditionParser {
    public static final int MAX_LENGTH = 1000;
    public static final int MAX_DEPTH = 20;
    public static final int MAX_TERMS = 50;

    private final List<Token> tokens;
    private int pos;
    private int depth;
    private int terms;

    private ConditionParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Parses {@code source}; the message of the exception names the column. */
    public static ParsedCondition parse(String source) throws ConditionSyntaxException {
        if (source == null || source.isBlank()) {
            throw new ConditionSyntaxException("empty condition", 1);
        }
        if (source.length() > MAX_LENGTH) {
            throw new ConditionSyntaxException("condition longer than " + MAX_LENGTH + " characters", MAX_LENGTH + 1);
        }
        ConditionParser p = new ConditionParser(Tokenizer.tokenize(source));
        Expr e = p.or();
        if (p.peek().type() != TokenType.END) {
            throw p.unexpected("'and', 'or' or the end of the condition");
        }
        return new ParsedCondition(source, e);
    }

    private Expr or() throws ConditionSyntaxException {
        Expr left = and();
        while (accept(TokenType.OR)) {
            left = new Or(left, and());
        }
        return left;
    }

    private Expr and() throws ConditionSyntaxException {
        Expr left = not();
        while (accept(TokenType.AND)) {
            left = new And(left, not());
        }
        return left;
    }

    private Expr not() throws ConditionSyntaxException {
        if (peek().type() == TokenType.NOT) {
            deeper();
            pos++;
            Expr e = new Not(not());
            depth--;
            return e;
        }
        return primary();
    }

    private Expr primary() throws ConditionSyntaxException {
        Token t = peek();
        if (t.type() == TokenType.LPAREN) {
            deeper();
            pos++;
            Expr e = or();
            expect(TokenType.RPAREN, "')'");
            depth--;
            return e;
        }
        if (++terms > MAX_TERMS) {
            throw new ConditionSyntaxException("more than " + MAX_TERMS + " comparisons in one condition", t.column());
        }
        // answered/empty are functions only when a '(' follows, so a question may still be called "empty"
        if (t.type() == TokenType.IDENT && (t.text().equals("answered") || t.text().equals("empty"))
                && tokens.get(Math.min(pos + 1, tokens.size() - 1)).type() == TokenType.LPAREN) {
            pos += 2;
            Token id = expect(TokenType.IDENT, "a question id");
            expect(TokenType.RPAREN, "')'");
            return t.text().equals("answered") ? new Answered(id.text()) : new Empty(id.text());
        }
        return comparison();
    }

    private Expr comparison() throws ConditionSyntaxException {
        Operand left = operand();
        Token t = next();
        Operator op = switch (t.type()) {
            case EQ -> Operator.EQ;
            case NE -> Operator.NE;
            case LT -> Operator.LT;
            case LE -> Operator.LE;
            case GT -> Operator.GT;
            case GE -> Operator.GE;
            default -> null;
        };
        if (op != null) {
            return new Comparison(left, op, operand());
        }
        if (t.type() == TokenType.IN) {
            if (accept(TokenType.LBRACKET)) {
                return new InList(left, list());
            }
            Token id = expect(TokenType.IDENT, "'[' or a question id");
            return new InAnswer(left, id.text());
        }
        pos--;
        throw unexpected("a comparison ('==', '!=', '<', '<=', '>', '>=' or 'in')");
    }

    private List<Literal> list() throws ConditionSyntaxException {
        List<Literal> items = new ArrayList<>();
        do {
            Token t = next();
            switch (t.type()) {
                case STRING -> items.add(new StringLiteral(t.text()));
                case NUMBER -> items.add(new NumberLiteral(new BigDecimal(t.text())));
                default -> {
                    pos--;
                    throw unexpected("a string or number");
                }
            }
        } while (accept(TokenType.COMMA));
        expect(TokenType.RBRACKET, "',' or ']'");
        return items;
    }

    private Operand operand() throws ConditionSyntaxException {
        Token t = next();
        // count is a function only when a '(' follows, so a question may still be called "count"
        if (t.type() == TokenType.IDENT && t.text().equals("count") && peek().type() == TokenType.LPAREN) {
            pos++;
            Token id = expect(TokenType.IDENT, "a question id");
            expect(TokenType.RPAREN, "')'");
            return new Count(id.text());
        }
        return switch (t.type()) {
            case IDENT -> new QuestionRef(t.text());
            case STRING -> new StringLiteral(t.text());
            case NUMBER -> new NumberLiteral(new BigDecimal(t.text()));
            default -> {
                pos--;
                throw unexpected("a question id, string or number");
            }
        };
    }

    private void deeper() throws ConditionSyntaxException {
        if (++depth > MAX_DEPTH) {
            throw new ConditionSyntaxException("nested deeper than " + MAX_DEPTH + " levels of parentheses and 'not'", peek().column());
        }
    }

    private Token peek() {
        return tokens.get(Math.min(pos, tokens.size() - 1));
    }

    /** Consumes a token; past the end it keeps returning END, so {@code pos--} always undoes it. */
    private Token next() {
        Token t = peek();
        pos++;
        return t;
    }

    private boolean accept(TokenType type) {
        if (peek().type() == type) {
            pos++;
            return true;
        }
        return false;
    }

    private Token expect(TokenType type, String what) throws ConditionSyntaxException {
        if (peek().type() != type) {
            throw unexpected(what);
        }
        return next();
    }

    private ConditionSyntaxException unexpected(String what) {
        Token t = peek();
        return new ConditionSyntaxException("expected " + what, t.column(), t.describe());
    }
}
