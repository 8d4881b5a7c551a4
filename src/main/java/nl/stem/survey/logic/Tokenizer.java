package nl.stem.survey.logic;

import java.util.ArrayList;
import java.util.List;

/** Splits a condition into tokens; keywords are lower case, as question ids are. */
final class Tokenizer {
    private final String src;
    private int pos;
    private final List<Token> tokens = new ArrayList<>();

    private Tokenizer(String src) {
        this.src = src;
    }

    static List<Token> tokenize(String src) throws ConditionSyntaxException {
        Tokenizer t = new Tokenizer(src);
        t.run();
        return t.tokens;
    }

    private void run() throws ConditionSyntaxException {
        while (true) {
            while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
                pos++;
            }
            if (pos >= src.length()) {
                tokens.add(new Token(TokenType.END, "", pos + 1));
                return;
            }
            int start = pos;
            char c = src.charAt(pos);
            if (c == '\'' || c == '"') {
                tokens.add(new Token(TokenType.STRING, string(c), start + 1));
            } else if (isDigit(c) || (c == '-' && pos + 1 < src.length() && isDigit(src.charAt(pos + 1)))) {
                tokens.add(new Token(TokenType.NUMBER, number(), start + 1));
            } else if (isIdentStart(c)) {
                while (pos < src.length() && isIdentPart(src.charAt(pos))) {
                    pos++;
                }
                String word = src.substring(start, pos);
                tokens.add(new Token(keyword(word), word, start + 1));
            } else {
                tokens.add(symbol(c, start));
            }
        }
    }

    private Token symbol(char c, int start) throws ConditionSyntaxException {
        char next = pos + 1 < src.length() ? src.charAt(pos + 1) : 0;
        TokenType type;
        int len = 1;
        switch (c) {
            case '(' -> type = TokenType.LPAREN;
            case ')' -> type = TokenType.RPAREN;
            case '[' -> type = TokenType.LBRACKET;
            case ']' -> type = TokenType.RBRACKET;
            case ',' -> type = TokenType.COMMA;
            case '<' -> {
                type = next == '=' ? TokenType.LE : TokenType.LT;
                len = next == '=' ? 2 : 1;
            }
            case '>' -> {
                type = next == '=' ? TokenType.GE : TokenType.GT;
                len = next == '=' ? 2 : 1;
            }
            case '=' -> {
                if (next != '=') {
                    throw new ConditionSyntaxException("'=' is not an operator, write '=='", start + 1);
                }
                type = TokenType.EQ;
                len = 2;
            }
            case '!' -> {
                if (next != '=') {
                    throw new ConditionSyntaxException("'!' is not an operator, write 'not' or '!='", start + 1);
                }
                type = TokenType.NE;
                len = 2;
            }
            default -> throw new ConditionSyntaxException(
                    "unexpected character '" + new String(Character.toChars(src.codePointAt(pos))) + "'", start + 1);
        }
        pos += len;
        return new Token(type, src.substring(start, pos), start + 1);
    }

    private String string(char quote) throws ConditionSyntaxException {
        int start = pos;
        pos++;
        StringBuilder b = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            if (c == quote) {
                return b.toString();
            }
            if (c == '\\' && pos < src.length()) {
                c = src.charAt(pos++);
            }
            b.append(c);
        }
        throw new ConditionSyntaxException("unterminated string", start + 1);
    }

    private String number() throws ConditionSyntaxException {
        int start = pos;
        if (src.charAt(pos) == '-') {
            pos++;
        }
        while (pos < src.length() && isDigit(src.charAt(pos))) {
            pos++;
        }
        if (pos < src.length() && src.charAt(pos) == '.') {
            pos++;
            if (pos >= src.length() || !isDigit(src.charAt(pos))) {
                throw new ConditionSyntaxException("expected a digit after '.'", pos + 1);
            }
            while (pos < src.length() && isDigit(src.charAt(pos))) {
                pos++;
            }
        }
        if (pos < src.length() && isIdentPart(src.charAt(pos))) {
            throw new ConditionSyntaxException("unexpected '" + src.charAt(pos) + "' in number", pos + 1);
        }
        return src.substring(start, pos);
    }

    private static TokenType keyword(String word) {
        return switch (word) {
            case "and" -> TokenType.AND;
            case "or" -> TokenType.OR;
            case "not" -> TokenType.NOT;
            case "in" -> TokenType.IN;
            default -> TokenType.IDENT;
        };
    }

    // ASCII only: question ids are [a-z][a-z0-9_]*, and Arabic-Indic digits belong in answers, not here.
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isIdentPart(char c) {
        return isIdentStart(c) || isDigit(c);
    }
}
