package nl.stem.survey.xlsform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * XLSForm's expression syntax (the part of XPath 1.0 forms use in {@code relevant} and
 * {@code constraint}): {@code ${name}}, {@code .}, strings in single or double quotes, numbers,
 * {@code = != < <= > >=}, {@code and}, {@code or}, arithmetic, and function calls such as
 * {@code selected(${q}, 'x')}, {@code count-selected(${q})}, {@code not(...)}. Parsed into a small
 * tree and rendered back; what the tree means for Stem is decided by {@link XlsFormConditions}.
 *
 * <p>Bounded like Stem's own conditions: at most {@value #MAX_LENGTH} characters and
 * {@value #MAX_DEPTH} levels of nesting, so no cell can drive the recursion into a stack overflow.
 */
public final class XPathExpressions {
    public static final int MAX_LENGTH = 1000;
    public static final int MAX_DEPTH = 20;

    /** A node of a parsed expression. */
    public sealed interface X permits Or, And, Cmp, Arith, Neg, Call, Ref, Self, Str, Num {
    }

    public record Or(X left, X right) implements X {
    }

    public record And(X left, X right) implements X {
    }

    /** {@code op} is one of {@code = != < <= > >=}. */
    public record Cmp(String op, X left, X right) implements X {
    }

    /** {@code + - * div mod}: parsed so the message can name it; Stem's conditions have no arithmetic. */
    public record Arith(String op, X left, X right) implements X {
    }

    public record Neg(X operand) implements X {
    }

    public record Call(String name, List<X> args) implements X {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** {@code ${name}}. */
    public record Ref(String name) implements X {
    }

    /** {@code .}: the question's own answer (in a constraint). */
    public record Self() implements X {
    }

    public record Str(String value) implements X {
    }

    public record Num(BigDecimal value) implements X {
    }

    /** An expression that does not parse; the message names the column. */
    public static final class SyntaxError extends Exception {
        public SyntaxError(String message, int column) {
            super(message + " at column " + column);
        }
    }

    private XPathExpressions() {
    }

    // ---- parsing -----------------------------------------------------------------------------

    private enum T { REF, SELF, NUM, STR, NAME, OP, LPAREN, RPAREN, COMMA, END }

    private record Tok(T type, String text, int column) {
        String describe() {
            return type == T.END ? "the end" : type == T.STR ? "'" + text + "'" : type == T.REF ? "${" + text + "}" : "'" + text + "'";
        }
    }

    public static X parse(String source) throws SyntaxError {
        if (source == null || source.isBlank()) {
            throw new SyntaxError("empty expression", 1);
        }
        if (source.length() > MAX_LENGTH) {
            throw new SyntaxError("expression longer than " + MAX_LENGTH + " characters", MAX_LENGTH + 1);
        }
        Parser p = new Parser(tokenize(smartQuotes(source)));
        X x = p.or();
        if (p.peek().type() != T.END) {
            throw new SyntaxError("expected 'and', 'or' or the end of the expression, found " + p.peek().describe(), p.peek().column());
        }
        return x;
    }

    /** Spreadsheet programs turn typed quotes into curly ones; pyxform reads them as plain quotes too. */
    static String smartQuotes(String s) {
        return s.replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201C', '"').replace('\u201D', '"');
    }

    private static List<Tok> tokenize(String s) throws SyntaxError {
        List<Tok> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (true) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= n) {
                out.add(new Tok(T.END, "", i + 1));
                return out;
            }
            char c = s.charAt(i);
            int start = i;
            char next = i + 1 < n ? s.charAt(i + 1) : 0;
            if (c == '$') {
                if (next != '{') {
                    throw new SyntaxError("'$' must start a question reference ${name}", i + 1);
                }
                int close = s.indexOf('}', i + 2);
                if (close < 0) {
                    throw new SyntaxError("'${' without its closing '}'", i + 1);
                }
                out.add(new Tok(T.REF, s.substring(i + 2, close).strip(), start + 1));
                i = close + 1;
            } else if (c == '\'' || c == '"') {
                int close = s.indexOf(c, i + 1);
                if (close < 0) {
                    throw new SyntaxError("unterminated string", i + 1);
                }
                out.add(new Tok(T.STR, s.substring(i + 1, close), start + 1));
                i = close + 1;
            } else if (isDigit(c) || (c == '.' && isDigit(next))) {
                while (i < n && isDigit(s.charAt(i))) {
                    i++;
                }
                if (i < n && s.charAt(i) == '.') {
                    i++;
                    while (i < n && isDigit(s.charAt(i))) {
                        i++;
                    }
                }
                out.add(new Tok(T.NUM, s.substring(start, i), start + 1));
            } else if (c == '.') {
                if (next == '.') {
                    throw new SyntaxError("'..' (the parent group) is not supported: refer to questions as ${name}", i + 1);
                }
                out.add(new Tok(T.SELF, ".", start + 1));
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || "_-.:".indexOf(s.charAt(i)) >= 0)) {
                    i++;
                }
                out.add(new Tok(T.NAME, s.substring(start, i), start + 1));
            } else {
                switch (c) {
                    case '(' -> out.add(new Tok(T.LPAREN, "(", start + 1));
                    case ')' -> out.add(new Tok(T.RPAREN, ")", start + 1));
                    case ',' -> out.add(new Tok(T.COMMA, ",", start + 1));
                    case '=', '+', '-', '*', '|', '/' -> out.add(new Tok(T.OP, String.valueOf(c), start + 1));
                    case '!' -> {
                        if (next != '=') {
                            throw new SyntaxError("'!' is not an operator: write '!=' or not(...)", i + 1);
                        }
                        out.add(new Tok(T.OP, "!=", start + 1));
                        i++;
                    }
                    case '<', '>' -> {
                        if (next == '=') {
                            out.add(new Tok(T.OP, c + "=", start + 1));
                            i++;
                        } else {
                            out.add(new Tok(T.OP, String.valueOf(c), start + 1));
                        }
                    }
                    case '[', ']' -> throw new SyntaxError("predicates ([...]) are not supported", i + 1);
                    default -> throw new SyntaxError("unexpected character '" + new String(Character.toChars(s.codePointAt(i))) + "'", i + 1);
                }
                i++;
            }
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static final class Parser {
        final List<Tok> tokens;
        int pos;
        int depth;

        Parser(List<Tok> tokens) {
            this.tokens = tokens;
        }

        Tok peek() {
            return tokens.get(Math.min(pos, tokens.size() - 1));
        }

        boolean word(String w) {
            Tok t = peek();
            if (t.type() == T.NAME && t.text().equals(w)) {
                pos++;
                return true;
            }
            return false;
        }

        boolean op(String o) {
            Tok t = peek();
            if (t.type() == T.OP && t.text().equals(o)) {
                pos++;
                return true;
            }
            return false;
        }

        X or() throws SyntaxError {
            X l = and();
            while (word("or")) {
                l = new Or(l, and());
            }
            return l;
        }

        X and() throws SyntaxError {
            X l = eq();
            while (word("and")) {
                l = new And(l, eq());
            }
            return l;
        }

        X eq() throws SyntaxError {
            X l = rel();
            while (true) {
                if (op("=")) {
                    l = new Cmp("=", l, rel());
                } else if (op("!=")) {
                    l = new Cmp("!=", l, rel());
                } else {
                    return l;
                }
            }
        }

        X rel() throws SyntaxError {
            X l = add();
            while (true) {
                String o = null;
                for (String c : List.of("<=", ">=", "<", ">")) {
                    if (op(c)) {
                        o = c;
                        break;
                    }
                }
                if (o == null) {
                    return l;
                }
                l = new Cmp(o, l, add());
            }
        }

        X add() throws SyntaxError {
            X l = mul();
            while (true) {
                if (op("+")) {
                    l = new Arith("+", l, mul());
                } else if (op("-")) {
                    l = new Arith("-", l, mul());
                } else {
                    return l;
                }
            }
        }

        X mul() throws SyntaxError {
            X l = unary();
            while (true) {
                if (op("*")) {
                    l = new Arith("*", l, unary());
                } else if (word("div")) {
                    l = new Arith("div", l, unary());
                } else if (word("mod")) {
                    l = new Arith("mod", l, unary());
                } else {
                    return l;
                }
            }
        }

        X unary() throws SyntaxError {
            if (op("-")) {
                deeper();
                X x = unary();
                depth--;
                return x instanceof Num num ? new Num(num.value().negate()) : new Neg(x);
            }
            return primary();
        }

        X primary() throws SyntaxError {
            Tok t = peek();
            switch (t.type()) {
                case LPAREN -> {
                    pos++;
                    deeper();
                    X x = or();
                    expect(T.RPAREN, "')'");
                    depth--;
                    return x;
                }
                case REF -> {
                    pos++;
                    return new Ref(t.text());
                }
                case SELF -> {
                    pos++;
                    return new Self();
                }
                case NUM -> {
                    pos++;
                    return new Num(new BigDecimal(t.text().startsWith(".") ? "0" + t.text() : t.text()));
                }
                case STR -> {
                    pos++;
                    return new Str(t.text());
                }
                case NAME -> {
                    pos++;
                    if (peek().type() != T.LPAREN) {
                        throw new SyntaxError("'" + t.text() + "' is not a function call or ${reference}"
                                + " (paths such as /data/q are not supported: write ${q})", t.column());
                    }
                    pos++;
                    deeper();
                    List<X> args = new ArrayList<>();
                    if (peek().type() != T.RPAREN) {
                        do {
                            args.add(or());
                        } while (accept(T.COMMA));
                    }
                    expect(T.RPAREN, "',' or ')'");
                    depth--;
                    return new Call(t.text(), args);
                }
                case OP -> {
                    if (t.text().equals("/")) {
                        throw new SyntaxError("paths such as /data/q are not supported: write ${q}", t.column());
                    }
                    throw new SyntaxError("expected a value, found " + t.describe(), t.column());
                }
                default -> throw new SyntaxError("expected a value, found " + t.describe(), t.column());
            }
        }

        boolean accept(T type) {
            if (peek().type() == type) {
                pos++;
                return true;
            }
            return false;
        }

        void expect(T type, String what) throws SyntaxError {
            if (peek().type() != type) {
                throw new SyntaxError("expected " + what + ", found " + peek().describe(), peek().column());
            }
            pos++;
        }

        void deeper() throws SyntaxError {
            if (++depth > MAX_DEPTH) {
                throw new SyntaxError("nested deeper than " + MAX_DEPTH + " levels", peek().column());
            }
        }
    }

    // ---- rendering ---------------------------------------------------------------------------

    /** The expression as an XLSForm cell would say it, with only the parentheses its shape needs. */
    public static String render(X x) {
        return render(x, 0);
    }

    private static int precedence(X x) {
        if (x instanceof Or) {
            return 1;
        }
        if (x instanceof And) {
            return 2;
        }
        if (x instanceof Cmp c) {
            return c.op().equals("=") || c.op().equals("!=") ? 3 : 4;
        }
        if (x instanceof Arith a) {
            return a.op().equals("+") || a.op().equals("-") ? 5 : 6;
        }
        if (x instanceof Neg) {
            return 7;
        }
        return 8;
    }

    private static String render(X x, int depth) {
        if (depth > MAX_DEPTH * 4) {
            throw new IllegalArgumentException("expression nested too deeply to render");
        }
        if (x instanceof Or o) {
            return binary(o.left(), " or ", o.right(), 1, depth);
        }
        if (x instanceof And a) {
            return binary(a.left(), " and ", a.right(), 2, depth);
        }
        if (x instanceof Cmp c) {
            return binary(c.left(), " " + c.op() + " ", c.right(), precedence(c), depth);
        }
        if (x instanceof Arith a) {
            return binary(a.left(), " " + a.op() + " ", a.right(), precedence(a), depth);
        }
        if (x instanceof Neg n) {
            return "-" + wrap(n.operand(), precedence(n.operand()) < 7, depth);
        }
        if (x instanceof Call c) {
            List<String> args = new ArrayList<>();
            for (X a : c.args()) {
                args.add(render(a, depth + 1));
            }
            return c.name() + "(" + String.join(", ", args) + ")";
        }
        if (x instanceof Ref r) {
            return "${" + r.name() + "}";
        }
        if (x instanceof Self) {
            return ".";
        }
        if (x instanceof Str s) {
            return s.value().indexOf('\'') < 0 ? "'" + s.value() + "'" : "\"" + s.value() + "\"";
        }
        return ((Num) x).value().toPlainString();
    }

    private static String binary(X left, String op, X right, int p, int depth) {
        return wrap(left, precedence(left) < p, depth) + op + wrap(right, precedence(right) <= p, depth);
    }

    private static String wrap(X x, boolean parens, int depth) {
        String s = render(x, depth + 1);
        return parens ? "(" + s + ")" : s;
    }
}
