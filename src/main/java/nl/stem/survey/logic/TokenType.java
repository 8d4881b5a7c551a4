package nl.stem.survey.logic;

/** Kinds of tokens in a skip-logic condition. */
enum TokenType {
    IDENT, STRING, NUMBER, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA,
    EQ, NE, LT, LE, GT, GE, AND, OR, NOT, IN, END
}
