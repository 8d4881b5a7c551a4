package nl.stem.engine;

/**
 * What a respondent can say at any time, whatever the question. Each is recognised by the words
 * under {@code words.<name>} in any of the survey's languages, or typed as {@code /<name>}.
 */
enum Command {
    STOP("stop"), PAUSE("pause"), LANGUAGE("language"), HELP("help"), SKIP("skip"), DELETE("delete"), START("start"),
    /** Questions read aloud on or off (a voice note before each question where the survey has one). */
    AUDIO("audio"),
    /** "My data": what Stem holds about the respondent (art. 15 GDPR); answered by the service, which holds it. */
    MY_DATA("mydata");

    final String word;

    Command(String word) {
        this.word = word;
    }
}
