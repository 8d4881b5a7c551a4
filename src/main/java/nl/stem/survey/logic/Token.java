package nl.stem.survey.logic;

/**
 * One token of a condition.
 *
 * @param column 1-based column of the token's first character, for error messages
 */
record Token(TokenType type, String text, int column) {

    /** How the token is named in "expected ... at column N" messages. */
    String describe() {
        return switch (type) {
            case END -> "the end of the condition";
            case STRING -> "string '" + text + "'";
            default -> "'" + text + "'";
        };
    }
}
