package nl.stem.survey.xlsform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.stem.survey.logic.And;
import nl.stem.survey.logic.Answered;
import nl.stem.survey.logic.Comparison;
import nl.stem.survey.logic.Count;
import nl.stem.survey.logic.Empty;
import nl.stem.survey.logic.Expr;
import nl.stem.survey.logic.InAnswer;
import nl.stem.survey.logic.InList;
import nl.stem.survey.logic.Literal;
import nl.stem.survey.logic.Not;
import nl.stem.survey.logic.NumberLiteral;
import nl.stem.survey.logic.Operand;
import nl.stem.survey.logic.Operator;
import nl.stem.survey.logic.Or;
import nl.stem.survey.logic.QuestionRef;
import nl.stem.survey.logic.StringLiteral;
import nl.stem.survey.xlsform.XPathExpressions.X;

/**
 * XLSForm's {@code relevant} and {@code constraint} to Stem and back.
 *
 * <p>{@code relevant} becomes a {@code when} condition with the same meaning, including for
 * unanswered questions (XLSForm reads them as {@code ''}):
 * <ul>
 * <li>{@code ${q} = 'x'} is {@code q == 'x'}; {@code ${q} != 'x'} is {@code not q == 'x'} (true
 * while q has no answer, as in XLSForm); {@code ${q} != 'x' and ${q} != ''} is Stem's
 * {@code q != 'x'};</li>
 * <li>{@code ${q} = ''} is {@code empty(q)}, {@code ${q} != ''} is {@code answered(q)};</li>
 * <li>{@code selected(${q}, 'x')} is {@code 'x' in q}; {@code count-selected(${q}) >= 2} is
 * {@code count(q) >= 2}; {@code not(...)}, {@code and}, {@code or}, parentheses as written;</li>
 * <li>values take the type of the question: choice names are text ({@code ${q} = 1} is
 * {@code q == '1'}), scale and number answers are numbers ({@code ${q} = '5'} is {@code q == 5}).</li>
 * </ul>
 * What Stem cannot mean the same way is refused with the reason: arithmetic, other functions,
 * ordering choices, {@code .} in a {@code relevant}, questions asked later.
 *
 * <p>{@code constraint} becomes the bounds Stem checks: {@code . >= 0 and . <= 80} on a number,
 * {@code string-length(.) <= 200} on text, {@code count-selected(.) <= 3} on a select_multiple.
 */
public final class XlsFormConditions {

    /** What a question is, as far as conditions care. */
    public enum Kind { SINGLE, MULTIPLE, SCALE, NUMBER, TEXT, CONSENT, INFO, MEDIA }

    /**
     * A question a condition may name.
     *
     * @param id        its Stem id
     * @param choices   XLSForm choice name -> Stem choice id (choice questions)
     * @param consentNo for a consent made of a select_one, the name of its "no" choice
     */
    public record Question(String id, Kind kind, Map<String, String> choices, String consentYes, String consentNo) {
        public Question {
            choices = choices == null ? Map.of() : Map.copyOf(choices);
        }
    }

    /** Where a condition looks its names up; the importer answers with refusals for bad references. */
    public interface Scope {
        /** The question ${name} refers to; throws {@link Refused} explaining why there is none. */
        Question resolve(String name) throws Refused;
    }

    /** Why an expression cannot become a Stem condition or bound. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /** A condition with the notes made while translating it. */
    public record Translation(Expr expr, List<String> warnings) {
    }

    private XlsFormConditions() {
    }

    // ---- relevant -> when ----------------------------------------------------------------------

    public static Translation relevant(X x, Scope scope) throws Refused {
        List<String> warnings = new ArrayList<>();
        Expr e = new Importer(scope, warnings).bool(x, 0);
        return new Translation(e, warnings);
    }

    private static final class Importer {
        final Scope scope;
        final List<String> warnings;

        Importer(Scope scope, List<String> warnings) {
            this.scope = scope;
            this.warnings = warnings;
        }

        Expr bool(X x, int depth) throws Refused {
            if (x instanceof XPathExpressions.Or o) {
                return new Or(bool(o.left(), depth + 1), bool(o.right(), depth + 1));
            }
            if (x instanceof XPathExpressions.And a) {
                return idiom(new And(bool(a.left(), depth + 1), bool(a.right(), depth + 1)));
            }
            if (x instanceof XPathExpressions.Cmp c) {
                return compare(c.op(), c.left(), c.right());
            }
            if (x instanceof XPathExpressions.Ref r) {
                return new Answered(scope.resolve(r.name()).id());
            }
            if (x instanceof XPathExpressions.Call c) {
                String f = c.name();
                if (f.equals("not")) {
                    arity(c, 1);
                    return new Not(bool(c.args().get(0), depth + 1));
                }
                if (f.equals("selected")) {
                    arity(c, 2);
                    return selected(c.args().get(0), c.args().get(1));
                }
                if (f.equals("count-selected")) {
                    throw new Refused("count-selected(...) needs a comparison, e.g. count-selected(${q}) >= 2");
                }
                if (f.equals("true") || f.equals("false")) {
                    throw new Refused(f + "() is not a condition Stem keeps: leave 'relevant' empty to always ask");
                }
                throw unsupported(f);
            }
            if (x instanceof XPathExpressions.Self) {
                throw new Refused("'.' (a question's own answer) has no meaning in 'relevant': name the question as ${name}");
            }
            if (x instanceof XPathExpressions.Arith a) {
                throw arithmetic(a.op());
            }
            throw new Refused("a value alone (" + XPathExpressions.render(x) + ") is not a condition");
        }

        /** Stem's own {@code q != 'x'} (false while q has no answer), as XLSForm writes it. */
        private Expr idiom(And a) throws Refused {
            Comparison ne = notEqualAndAnswered(a.left(), a.right());
            if (ne == null) {
                ne = notEqualAndAnswered(a.right(), a.left());
            }
            return ne == null ? a : ne;
        }

        private Comparison notEqualAndAnswered(Expr x, Expr y) throws Refused {
            if (!(y instanceof Answered ans) || !(x instanceof Not n)) {
                return null;
            }
            if (n.operand() instanceof Comparison c && c.op() == Operator.EQ && c.left() instanceof QuestionRef q
                    && c.right() instanceof Literal lit && q.questionId().equals(ans.questionId())) {
                return new Comparison(q, Operator.NE, lit);
            }
            if (n.operand() instanceof InAnswer in && in.value() instanceof Literal lit
                    && in.questionId().equals(ans.questionId())) {
                return new Comparison(new QuestionRef(in.questionId()), Operator.NE, lit);
            }
            return null;
        }

        private Expr selected(X target, X value) throws Refused {
            if (!(target instanceof XPathExpressions.Ref r)) {
                throw new Refused("selected() takes a question first, as in selected(${q}, 'x')");
            }
            Question q = scope.resolve(r.name());
            if (value instanceof XPathExpressions.Ref other) {
                Question o = scope.resolve(other.name());
                return new InAnswer(new QuestionRef(o.id()), q.id());
            }
            switch (q.kind()) {
                case SINGLE, MULTIPLE -> {
                    return new InAnswer(new StringLiteral(choice(q, value)), q.id());
                }
                case CONSENT -> {
                    return new InAnswer(new StringLiteral(consent(q, value)), q.id());
                }
                case SCALE -> {
                    return new Comparison(new QuestionRef(q.id()), Operator.EQ, new NumberLiteral(number(q, value)));
                }
                default -> throw new Refused("selected() needs a select_one or select_multiple question; "
                        + r.name() + " is " + article(q.kind()));
            }
        }

        private Expr compare(String op, X left, X right) throws Refused {
            if (isValue(left) && isQuestion(right)) {
                return compare(flip(op), right, left);
            }
            if (left instanceof XPathExpressions.Call c && c.name().equals("count-selected")) {
                arity(c, 1);
                if (!(c.args().get(0) instanceof XPathExpressions.Ref r)) {
                    throw new Refused("count-selected() takes a question, as in count-selected(${q})");
                }
                Question q = scope.resolve(r.name());
                Operand count = new Count(q.id());
                return ordered(op, count, new NumberLiteral(number(q, right)));
            }
            if (!(left instanceof XPathExpressions.Ref r)) {
                if (isValue(left) && isValue(right)) {
                    throw new Refused("compares two fixed values (" + XPathExpressions.render(left) + " " + op + " "
                            + XPathExpressions.render(right) + "): name a question as ${name}");
                }
                if (left instanceof XPathExpressions.Self || right instanceof XPathExpressions.Self) {
                    throw new Refused("'.' (a question's own answer) has no meaning in 'relevant': name the question as ${name}");
                }
                throw notComparable(left, right);
            }
            Question q = scope.resolve(r.name());
            QuestionRef ref = new QuestionRef(q.id());
            if (right instanceof XPathExpressions.Str s && s.value().isEmpty()) {
                return switch (op) {
                    case "=" -> new Empty(q.id());
                    case "!=" -> new Answered(q.id());
                    default -> throw new Refused("compares " + r.name() + " with '' using '" + op + "': use = or != with ''");
                };
            }
            if (right instanceof XPathExpressions.Ref other) {
                Question o = scope.resolve(other.name());
                return ordered(op, ref, new QuestionRef(o.id()));
            }
            if (!isValue(right)) {
                throw notComparable(left, right);
            }
            switch (q.kind()) {
                case SINGLE, TEXT, CONSENT -> {
                    String v = q.kind() == Kind.SINGLE ? choice(q, right) : q.kind() == Kind.CONSENT ? consent(q, right) : text(right);
                    return equality(op, ref, new StringLiteral(v), r.name(), q.kind());
                }
                case MULTIPLE -> {
                    if (!op.equals("=") && !op.equals("!=")) {
                        throw new Refused("orders the choices of " + r.name() + " with '" + op
                                + "': Stem compares choices by name only (=, != or selected())");
                    }
                    String v = choice(q, right);
                    warnings.add("on a select_multiple, ${" + r.name() + "} " + op + " '" + v + "' asks whether '" + v
                            + "' is " + (op.equals("=") ? "" : "not ") + "the one and only choice; Stem keeps that meaning"
                            + " (write selected(${" + r.name() + "}, '" + v + "') for 'among the choices')");
                    Expr exactly = new And(new InAnswer(new StringLiteral(v), q.id()),
                            new Comparison(new Count(q.id()), Operator.EQ, new NumberLiteral(BigDecimal.ONE)));
                    return op.equals("=") ? exactly : new Not(exactly);
                }
                case SCALE, NUMBER -> {
                    return ordered(op, ref, new NumberLiteral(number(q, right)));
                }
                case INFO -> throw new Refused(r.name() + " is a note: it has no answer to compare");
                default -> throw new Refused(r.name() + " is " + article(q.kind())
                        + " question: its answer has no value to compare (${" + r.name() + "} != '' asks whether it was answered)");
            }
        }

        private Expr equality(String op, Operand ref, Literal v, String name, Kind kind) throws Refused {
            return switch (op) {
                case "=" -> new Comparison(ref, Operator.EQ, v);
                case "!=" -> new Not(new Comparison(ref, Operator.EQ, v));
                default -> throw new Refused("orders " + name + " with '" + op + "': Stem orders numbers only, and "
                        + name + " is " + article(kind) + " question");
            };
        }

        /** Any operator; {@code !=} as "not equal", which XLSForm also holds while the question has no answer. */
        private Expr ordered(String op, Operand left, Operand right) {
            return switch (op) {
                case "=" -> new Comparison(left, Operator.EQ, right);
                case "!=" -> new Not(new Comparison(left, Operator.EQ, right));
                case "<" -> new Comparison(left, Operator.LT, right);
                case "<=" -> new Comparison(left, Operator.LE, right);
                case ">" -> new Comparison(left, Operator.GT, right);
                default -> new Comparison(left, Operator.GE, right);
            };
        }

        private String choice(Question q, X value) throws Refused {
            String name = literal(value);
            String id = q.choices().get(name);
            if (id == null) {
                id = q.choices().get(name.strip());
            }
            return id != null ? id : Names.choiceId(name);
        }

        private String consent(Question q, X value) throws Refused {
            String v = literal(value).strip();
            if (v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("ok") || v.equals("1") || v.equals(q.consentYes())) {
                return "yes";
            }
            if (v.equalsIgnoreCase("no") || v.equals(q.consentNo())) {
                return "no";
            }
            warnings.add("a consent question is 'yes' once answered; '" + v + "' is never its value");
            return v;
        }

        private BigDecimal number(Question q, X value) throws Refused {
            if (value instanceof XPathExpressions.Num n) {
                return n.value();
            }
            if (value instanceof XPathExpressions.Str s) {
                try {
                    return new BigDecimal(s.value().strip());
                } catch (NumberFormatException e) {
                    if (q.kind() == Kind.SCALE && s.value().strip().equalsIgnoreCase("na")) {
                        throw new Refused("Stem cannot test a scale for 'not applicable' ('na'): empty(...) holds for it, "
                                + "as for a skipped question");
                    }
                    throw new Refused("compares " + q.id() + ", " + article(q.kind()) + " question, with the text '"
                            + s.value() + "'");
                }
            }
            throw new Refused("expected a number, found " + XPathExpressions.render(value));
        }
    }

    private static String text(X value) throws Refused {
        return literal(value);
    }

    private static String literal(X value) throws Refused {
        if (value instanceof XPathExpressions.Str s) {
            return s.value();
        }
        if (value instanceof XPathExpressions.Num n) {
            return n.value().toPlainString();
        }
        throw new Refused("expected a value in quotes, found " + XPathExpressions.render(value));
    }

    private static boolean isValue(X x) {
        return x instanceof XPathExpressions.Str || x instanceof XPathExpressions.Num;
    }

    private static boolean isQuestion(X x) {
        return x instanceof XPathExpressions.Ref
                || (x instanceof XPathExpressions.Call c && c.name().equals("count-selected"));
    }

    private static String flip(String op) {
        return switch (op) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> op;
        };
    }

    private static void arity(XPathExpressions.Call c, int n) throws Refused {
        if (c.args().size() != n) {
            throw new Refused(c.name() + "() takes " + n + " argument" + (n == 1 ? "" : "s") + ", found " + c.args().size());
        }
    }

    private static Refused unsupported(String function) {
        return new Refused("the function " + function + "() is not supported: Stem's conditions take selected(), "
                + "count-selected(), not(), comparisons, and, or");
    }

    private static Refused arithmetic(String op) {
        return new Refused("arithmetic ('" + op + "') is not supported in Stem's conditions: compare answers with fixed values");
    }

    private static Refused notComparable(X left, X right) {
        for (X x : List.of(left, right)) {
            if (x instanceof XPathExpressions.Arith a) {
                return arithmetic(a.op());
            }
            if (x instanceof XPathExpressions.Call c && !c.name().equals("count-selected")) {
                return unsupported(c.name());
            }
        }
        return new Refused("Stem compares a question's answer (${name} or count-selected(${name})) with a value or another answer");
    }

    private static String article(Kind k) {
        String w = switch (k) {
            case SINGLE -> "select_one";
            case MULTIPLE -> "select_multiple";
            case SCALE -> "likert";
            case NUMBER -> "number";
            case TEXT -> "text";
            case CONSENT -> "consent";
            case INFO -> "note";
            case MEDIA -> "media";
        };
        return ("aeiou".indexOf(w.charAt(0)) >= 0 ? "an " : "a ") + w;
    }

    // ---- constraint -> bounds ------------------------------------------------------------------

    /** Bounds a constraint gives, with notes on what was adjusted. */
    public record Bounds(BigDecimal min, BigDecimal max, List<String> notes) {
    }

    /**
     * {@code . >= 0 and . <= 80} on a number; strict bounds on integers are moved to the next whole
     * number ({@code . > 0} is {@code min 1}). {@code self} is the question's own name (${age} works
     * like {@code .}).
     */
    public static Bounds numberBounds(X x, String self, boolean decimal) throws Refused {
        List<String> notes = new ArrayList<>();
        BigDecimal[] b = new BigDecimal[2];
        for (X part : conjunction(x)) {
            XPathExpressions.Cmp c = selfComparison(part, v -> isSelf(v, self), "a number constraint compares '.' with numbers, "
                    + "as in . >= 0 and . <= 120");
            BigDecimal v = constant(c.right());
            switch (c.op()) {
                case ">=" -> bound(b, 0, v, notes);
                case "<=" -> bound(b, 1, v, notes);
                case "=" -> {
                    bound(b, 0, v, notes);
                    bound(b, 1, v, notes);
                }
                case ">" -> {
                    if (decimal) {
                        notes.add("warning:Stem's bounds include their end: " + v.toPlainString() + " itself is accepted too");
                        bound(b, 0, v, notes);
                    } else {
                        BigDecimal m = v.setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE);
                        notes.add("info:. > " + v.toPlainString() + " on whole numbers is taken as . >= " + m.toPlainString());
                        bound(b, 0, m, notes);
                    }
                }
                case "<" -> {
                    if (decimal) {
                        notes.add("warning:Stem's bounds include their end: " + v.toPlainString() + " itself is accepted too");
                        bound(b, 1, v, notes);
                    } else {
                        BigDecimal m = v.setScale(0, RoundingMode.CEILING).subtract(BigDecimal.ONE);
                        notes.add("info:. < " + v.toPlainString() + " on whole numbers is taken as . <= " + m.toPlainString());
                        bound(b, 1, m, notes);
                    }
                }
                default -> throw new Refused("'" + c.op() + "' is not a bound: Stem checks a range (. >= min and . <= max)");
            }
        }
        return new Bounds(b[0], b[1], notes);
    }

    /** {@code string-length(.) <= 200}: the longest text; a minimum of 1 is what Stem always asks. */
    public static Bounds textBounds(X x, String self) throws Refused {
        List<String> notes = new ArrayList<>();
        BigDecimal[] b = new BigDecimal[2];
        for (X part : conjunction(x)) {
            XPathExpressions.Cmp c = selfComparison(part, v -> v instanceof XPathExpressions.Call call
                    && call.name().equals("string-length") && call.args().size() == 1 && isSelf(call.args().get(0), self),
                    "a text constraint Stem can check is string-length(.) <= n");
            BigDecimal v = whole(constant(c.right()));
            switch (c.op()) {
                case "<=" -> bound(b, 1, v, notes);
                case "<" -> bound(b, 1, v.subtract(BigDecimal.ONE), notes);
                case ">=", ">" -> {
                    BigDecimal min = c.op().equals(">") ? v.add(BigDecimal.ONE) : v;
                    if (min.compareTo(BigDecimal.ONE) > 0) {
                        throw new Refused("Stem checks only a longest length (string-length(.) <= n), not a shortest of "
                                + min.toPlainString());
                    }
                    notes.add("info:a shortest length of " + min.toPlainString() + " is what Stem asks anyway (an empty answer is asked again)");
                }
                default -> throw new Refused("Stem checks only a longest length: string-length(.) <= n");
            }
        }
        return new Bounds(null, b[1], notes);
    }

    /** {@code count-selected(.) >= 1 and count-selected(.) <= 3}: how many choices. */
    public static Bounds selectionBounds(X x, String self) throws Refused {
        List<String> notes = new ArrayList<>();
        BigDecimal[] b = new BigDecimal[2];
        for (X part : conjunction(x)) {
            XPathExpressions.Cmp c = selfComparison(part, v -> v instanceof XPathExpressions.Call call
                    && call.name().equals("count-selected") && call.args().size() == 1 && isSelf(call.args().get(0), self),
                    "a select_multiple constraint Stem can check is count-selected(.) >= m and count-selected(.) <= n");
            BigDecimal v = whole(constant(c.right()));
            switch (c.op()) {
                case ">=" -> bound(b, 0, v, notes);
                case ">" -> bound(b, 0, v.add(BigDecimal.ONE), notes);
                case "<=" -> bound(b, 1, v, notes);
                case "<" -> bound(b, 1, v.subtract(BigDecimal.ONE), notes);
                case "=" -> {
                    bound(b, 0, v, notes);
                    bound(b, 1, v, notes);
                }
                default -> throw new Refused("'" + c.op() + "' is not a bound on how many are chosen");
            }
        }
        return new Bounds(b[0], b[1], notes);
    }

    private interface IsSelf {
        boolean test(X x);
    }

    private static List<X> conjunction(X x) throws Refused {
        List<X> out = new ArrayList<>();
        collect(x, out, 0);
        return out;
    }

    private static void collect(X x, List<X> out, int depth) throws Refused {
        if (depth > XPathExpressions.MAX_DEPTH * 4) {
            throw new Refused("the constraint nests too deeply");
        }
        if (x instanceof XPathExpressions.And a) {
            collect(a.left(), out, depth + 1);
            collect(a.right(), out, depth + 1);
        } else if (x instanceof XPathExpressions.Or) {
            throw new Refused("'or' in a constraint: Stem checks one range (all parts joined with 'and')");
        } else {
            out.add(x);
        }
    }

    /** The comparison with the question's own value on the left. */
    private static XPathExpressions.Cmp selfComparison(X part, IsSelf self, String expected) throws Refused {
        if (part instanceof XPathExpressions.Cmp c) {
            if (self.test(c.left()) && isConstant(c.right())) {
                return c;
            }
            if (self.test(c.right()) && isConstant(c.left())) {
                return new XPathExpressions.Cmp(flip(c.op()), c.right(), c.left());
            }
        }
        if (part instanceof XPathExpressions.Call call && !call.name().equals("string-length") && !call.name().equals("count-selected")) {
            throw new Refused("the function " + call.name() + "() cannot be checked by Stem: " + expected);
        }
        throw new Refused(XPathExpressions.render(part) + " cannot be checked by Stem: " + expected);
    }

    private static boolean isSelf(X x, String self) {
        return x instanceof XPathExpressions.Self || (x instanceof XPathExpressions.Ref r && r.name().equals(self));
    }

    private static boolean isConstant(X x) {
        return x instanceof XPathExpressions.Num || (x instanceof XPathExpressions.Str s && s.value().strip().matches("-?\\d+(\\.\\d+)?"));
    }

    private static BigDecimal constant(X x) {
        return x instanceof XPathExpressions.Num n ? n.value() : new BigDecimal(((XPathExpressions.Str) x).value().strip());
    }

    private static BigDecimal whole(BigDecimal v) throws Refused {
        if (v.stripTrailingZeros().scale() > 0) {
            throw new Refused(v.toPlainString() + " is not a whole number");
        }
        return v.setScale(0, RoundingMode.UNNECESSARY);
    }

    private static void bound(BigDecimal[] b, int i, BigDecimal v, List<String> notes) throws Refused {
        if (b[i] != null && b[i].compareTo(v) != 0) {
            throw new Refused("the constraint gives two " + (i == 0 ? "lower" : "upper") + " bounds ("
                    + b[i].toPlainString() + " and " + v.toPlainString() + "): Stem checks one range");
        }
        b[i] = v;
    }

    // ---- when -> relevant ----------------------------------------------------------------------

    /**
     * A Stem condition as XLSForm says it, such that reading it back gives the same condition (or,
     * for the few Stem forms XLSForm has no word for, one that means the same).
     *
     * @param kinds the kind of each question the condition may name, by Stem id
     */
    public static String relevant(Expr e, Map<String, Kind> kinds) {
        return XPathExpressions.render(toX(e, kinds, 0));
    }

    private static X toX(Expr e, Map<String, Kind> kinds, int depth) {
        if (depth > 200) {
            throw new IllegalArgumentException("condition nested too deeply to export");
        }
        if (e instanceof Or o) {
            return new XPathExpressions.Or(toX(o.left(), kinds, depth + 1), toX(o.right(), kinds, depth + 1));
        }
        if (e instanceof And a) {
            return new XPathExpressions.And(toX(a.left(), kinds, depth + 1), toX(a.right(), kinds, depth + 1));
        }
        if (e instanceof Not n) {
            return new XPathExpressions.Call("not", List.of(toX(n.operand(), kinds, depth + 1)));
        }
        if (e instanceof Answered a) {
            return new XPathExpressions.Cmp("!=", ref(a.questionId()), new XPathExpressions.Str(""));
        }
        if (e instanceof Empty em) {
            return new XPathExpressions.Cmp("=", ref(em.questionId()), new XPathExpressions.Str(""));
        }
        if (e instanceof InAnswer in) {
            return new XPathExpressions.Call("selected", List.of(ref(in.questionId()), operand(in.value())));
        }
        if (e instanceof InList in) {
            X out = null;
            for (Literal item : in.items()) {
                X one = equalsX(in.value(), item, kinds);
                out = out == null ? one : new XPathExpressions.Or(out, one);
            }
            return out;
        }
        Comparison c = (Comparison) e;
        Operand left = c.left();
        Operand right = c.right();
        Operator op = c.op();
        if (left instanceof Literal && !(right instanceof Literal)) {
            left = c.right();
            right = c.left();
            op = switch (op) {
                case LT -> Operator.GT;
                case LE -> Operator.GE;
                case GT -> Operator.LT;
                case GE -> Operator.LE;
                default -> op;
            };
        }
        if (op == Operator.EQ) {
            return equalsX(left, right, kinds);
        }
        if (op == Operator.NE && left instanceof QuestionRef q) {
            X answered = new XPathExpressions.Cmp("!=", ref(q.questionId()), new XPathExpressions.Str(""));
            if (right instanceof Literal lit && kinds.get(q.questionId()) == Kind.MULTIPLE) {
                return new XPathExpressions.And(answered, new XPathExpressions.Call("not",
                        List.of(new XPathExpressions.Call("selected", List.of(ref(q.questionId()), operand(lit))))));
            }
            X ne = new XPathExpressions.And(new XPathExpressions.Cmp("!=", operand(left), operand(right)), answered);
            if (right instanceof QuestionRef q2) {
                return new XPathExpressions.And(ne, new XPathExpressions.Cmp("!=", ref(q2.questionId()), new XPathExpressions.Str("")));
            }
            return ne;
        }
        return new XPathExpressions.Cmp(symbol(op), operand(left), operand(right));
    }

    /** {@code q == v}: on a select_multiple "v is among the choices", which XLSForm says with selected(). */
    private static X equalsX(Operand left, Operand right, Map<String, Kind> kinds) {
        if (left instanceof QuestionRef q && right instanceof Literal lit && kinds.get(q.questionId()) == Kind.MULTIPLE) {
            return new XPathExpressions.Call("selected", List.of(ref(q.questionId()), operand(lit)));
        }
        return new XPathExpressions.Cmp("=", operand(left), operand(right));
    }

    private static X operand(Operand o) {
        if (o instanceof QuestionRef q) {
            return ref(q.questionId());
        }
        if (o instanceof Count c) {
            return new XPathExpressions.Call("count-selected", List.of(ref(c.questionId())));
        }
        if (o instanceof StringLiteral s) {
            return new XPathExpressions.Str(s.value());
        }
        return new XPathExpressions.Num(((NumberLiteral) o).value());
    }

    private static X ref(String id) {
        return new XPathExpressions.Ref(id);
    }

    private static String symbol(Operator op) {
        return switch (op) {
            case EQ -> "=";
            case NE -> "!=";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
        };
    }

    // ---- Stem's own rendering ------------------------------------------------------------------

    /** A condition in Stem's syntax with only the parentheses its shape needs: {@code a == 'x' and (b > 2 or c == 'y')}. */
    public static String stem(Expr e) {
        return stem(e, 0);
    }

    private static int precedence(Expr e) {
        return e instanceof Or ? 1 : e instanceof And ? 2 : e instanceof Not ? 3 : 4;
    }

    private static String stem(Expr e, int depth) {
        if (depth > 200) {
            throw new IllegalArgumentException("condition nested too deeply to write");
        }
        if (e instanceof Or o) {
            return wrap(o.left(), precedence(o.left()) < 1, depth) + " or " + wrap(o.right(), precedence(o.right()) <= 1, depth);
        }
        if (e instanceof And a) {
            return wrap(a.left(), precedence(a.left()) < 2, depth) + " and " + wrap(a.right(), precedence(a.right()) <= 2, depth);
        }
        if (e instanceof Not n) {
            return "not " + wrap(n.operand(), precedence(n.operand()) < 3, depth);
        }
        return e.source();
    }

    private static String wrap(Expr e, boolean parens, int depth) {
        String s = stem(e, depth + 1);
        return parens ? "(" + s + ")" : s;
    }

}
